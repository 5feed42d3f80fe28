import { z } from 'zod';
import type { RouteId } from '../adapters/jira/routes';
import { AdfDoc, EditBody, EditError, editIssue } from './edit';
import { JqlError, parseJql, type JqlQuery } from './jql';
import { decodeToken, encodeToken, queryHash } from './page-token';
import { ADMIN_PERMISSIONS, canSee, hasPermission } from './permissions';
import { commentJson, issueJson, jiraDateTime, userJson } from './render';
import { jiraErrorReply, jsmErrorReply, type Reply } from './replies';
import { SEED_FIELDS } from './seed';
import { slaValues } from './sla';
import { APP_ACCOUNT_ID, PRIORITY_NAMES, type Actor, type EmuIssue, type EmulatorSite } from './site';

export interface RequestContext {
  site: EmulatorSite;
  /** The base URL the client used, for `self` links. */
  base: string;
  actor: Actor;
  url: URL;
  body: unknown;
}

const NOT_FOUND_ISSUE = 'Issue does not exist or you do not have permission to see it.';

export function handleRoute(route: RouteId, params: Record<string, string>, ctx: RequestContext): Reply {
  switch (route) {
    case 'searchJql':
      return searchJql(ctx);
    case 'getIssue':
      return withIssue(ctx, params, (issue) => ({
        status: 200,
        json: issueJson(ctx.base, ctx.site, issue, fieldsParam(ctx.url)),
      }));
    case 'editIssue':
      return withIssue(ctx, params, (issue) => edit(ctx, issue));
    case 'getIssueLinkTypes':
      return {
        status: 200,
        json: {
          issueLinkTypes: ctx.site.linkTypes.map((t) => ({
            ...t,
            self: `${ctx.base}/rest/api/3/issueLinkType/${t.id}`,
          })),
        },
      };
    case 'createIssueLink':
      return createLink(ctx);
    case 'addComment':
      return withIssue(ctx, params, (issue) => addComment(ctx, issue));
    case 'bulkChangelog':
      return bulkChangelog(ctx);
    case 'getMyPermissions':
      return myPermissions(ctx);
    case 'getMyself':
      return myself(ctx);
    case 'getSla':
      return sla(ctx, params);
    case 'getServiceDesks':
      return paged(
        ctx,
        ctx.site.serviceDesks.map((d) => ({
          ...d,
          projectTypeKey: 'service_desk',
          _links: { self: `${ctx.base}/rest/servicedeskapi/servicedesk/${d.id}` },
        })),
      );
    case 'getRequestTypes':
      return requestTypes(ctx, params);
    case 'getQueues':
      return queues(ctx, params);
    case 'searchKnowledgeBase':
      return knowledgeBase(ctx);
  }
}

function withIssue(
  ctx: RequestContext,
  params: Record<string, string>,
  then: (issue: EmuIssue) => Reply,
): Reply {
  const issue = ctx.site.issue(params.issueIdOrKey ?? '');
  if (!issue || !canSee(ctx.actor, issue)) return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
  return then(issue);
}

function fieldsParam(url: URL): string[] | null {
  const raw = url.searchParams.getAll('fields');
  if (raw.length === 0) return null;
  return raw
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

const SearchBody = z.object({
  jql: z.string().max(100_000).default(''),
  fields: z.array(z.string().max(255)).max(500).optional(),
  maxResults: z.number().int().optional(),
  nextPageToken: z.string().optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

function searchJql(ctx: RequestContext): Reply {
  const parsed = SearchBody.safeParse(ctx.body ?? {});
  if (!parsed.success)
    return jiraErrorReply(400, [`Invalid request payload: ${parsed.error.issues[0]?.path.join('.') ?? ''}`]);
  const { jql, fields, nextPageToken } = parsed.data;
  let query: JqlQuery;
  try {
    query = parseJql(jql, ctx.site.now());
  } catch (error) {
    if (error instanceof JqlError) return jiraErrorReply(400, [error.message]);
    throw error;
  }
  if (!query.bounded) {
    return jiraErrorReply(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  }
  const idOnly = fields === undefined || fields.every((f) => f === 'id' || f === 'key');
  const cap = idOnly ? 5000 : 100;
  const size = Math.min(cap, Math.max(1, parsed.data.maxResults ?? 50));
  const order =
    query.order.length > 0 ? query.order : [{ field: 'created' as const, direction: 'DESC' as const }];
  const sortKey = (i: EmuIssue): (number | string)[] => [
    ...order.flatMap((o) => {
      if (o.field === 'key') return [i.projectKey, Number(i.key.slice(i.key.lastIndexOf('-') + 1))];
      if (o.field === 'id') return [Number(i.id)];
      return [o.field === 'created' ? i.created : i.updated];
    }),
    Number(i.id),
  ];
  const dirs = [
    ...order.flatMap((o) => (o.field === 'key' ? [o.direction, o.direction] : [o.direction])),
    'ASC',
  ];
  const compare = (a: (number | string)[], b: (number | string)[]): number => {
    for (let k = 0; k < a.length; k++) {
      const x = a[k] as number | string;
      const y = b[k] as number | string;
      if (x === y) continue;
      const c = x < y ? -1 : 1;
      return dirs[k] === 'DESC' ? -c : c;
    }
    return 0;
  };
  const hash = queryHash(`${jql}\u0000${(fields ?? []).join(',')}`);
  let after: (number | string)[] | null = null;
  if (nextPageToken !== undefined) {
    const cursor = decodeToken(nextPageToken, hash);
    if (!cursor) return jiraErrorReply(400, ['The provided next page token is invalid or expired.']);
    after = cursor.after;
  }
  const matching = ctx.site
    .allIssues()
    .filter((i) => canSee(ctx.actor, i) && query.matches(i))
    .map((i) => ({ issue: i, key: sortKey(i) }))
    .filter((x) => after === null || compare(x.key, after) > 0)
    .sort((a, b) => compare(a.key, b.key));
  const page = matching.slice(0, size);
  const last = page[page.length - 1];
  const more = matching.length > size && last !== undefined;
  const wanted = fields === undefined ? [] : fields.filter((f) => f !== 'id' && f !== 'key');
  const json: Record<string, unknown> = {
    issues: page.map((x) =>
      issueJson(ctx.base, ctx.site, x.issue, fields === undefined ? [] : wanted.length === 0 ? [] : fields),
    ),
    isLast: !more,
  };
  if (more) json.nextPageToken = encodeToken({ q: hash, after: last.key });
  return { status: 200, json };
}

function edit(ctx: RequestContext, issue: EmuIssue): Reply {
  if (!hasPermission(ctx.actor, 'EDIT_ISSUES')) {
    return jiraErrorReply(403, ['You do not have permission to edit issues in this project.']);
  }
  const body = EditBody.safeParse(ctx.body ?? {});
  if (!body.success)
    return jiraErrorReply(400, [
      'Invalid request payload. Refer to the REST API documentation and try again.',
    ]);
  try {
    editIssue(ctx.site, issue, body.data, ctx.actor);
  } catch (error) {
    if (error instanceof EditError) return jiraErrorReply(400, [], error.errors);
    throw error;
  }
  return { status: 204 };
}

const IssueRef = z.object({ key: z.string().optional(), id: z.string().optional() });
const LinkBody = z.object({
  type: z.object({ name: z.string().optional(), id: z.string().optional() }),
  inwardIssue: IssueRef,
  outwardIssue: IssueRef,
  comment: z.unknown().optional(),
});

function createLink(ctx: RequestContext): Reply {
  const body = LinkBody.safeParse(ctx.body ?? {});
  if (!body.success)
    return jiraErrorReply(400, [
      'Invalid request payload. Refer to the REST API documentation and try again.',
    ]);
  const { type, inwardIssue, outwardIssue } = body.data;
  const linkType = ctx.site.linkTypes.find((t) =>
    type.id !== undefined ? t.id === type.id : t.name === type.name,
  );
  if (!linkType)
    return jiraErrorReply(404, [`No issue link type with name '${type.name ?? type.id ?? ''}' found.`]);
  const inward = ctx.site.issue(inwardIssue.key ?? inwardIssue.id ?? '');
  const outward = ctx.site.issue(outwardIssue.key ?? outwardIssue.id ?? '');
  if (!inward || !canSee(ctx.actor, inward) || !outward || !canSee(ctx.actor, outward)) {
    return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
  }
  if (!hasPermission(ctx.actor, 'LINK_ISSUES'))
    return jiraErrorReply(403, ['You do not have the permission to link issues.']);
  if (inward.key === outward.key) return jiraErrorReply(400, ['You cannot link an issue to itself.']);
  // Jira's body names the "from" issue outwardIssue: {outwardIssue: A, inwardIssue: B} is "A duplicates B".
  ctx.site.addLink(linkType, outward, inward, ctx.actor);
  return { status: 201 };
}

const CommentBody = z.object({
  body: z.unknown(),
  visibility: z.unknown().optional(),
  properties: z
    .array(z.object({ key: z.string(), value: z.unknown() }))
    .max(20)
    .optional(),
});

function addComment(ctx: RequestContext, issue: EmuIssue): Reply {
  if (!hasPermission(ctx.actor, 'ADD_COMMENTS'))
    return jiraErrorReply(403, ['You do not have the permission to comment on this issue.']);
  const body = CommentBody.safeParse(ctx.body ?? {});
  const doc = body.success ? AdfDoc.safeParse(body.data.body) : null;
  if (!body.success || !doc?.success)
    return jiraErrorReply(400, [], { comment: 'Comment body is not valid!' });
  const prop = body.data.properties?.find((p) => p.key === 'sd.public.comment');
  const internal = z.object({ internal: z.boolean() }).safeParse(prop?.value).data?.internal === true;
  const comment = ctx.site.addComment(
    issue,
    doc.data as Parameters<EmulatorSite['addComment']>[1],
    internal,
    ctx.actor,
  );
  return { status: 201, json: commentJson(ctx.base, ctx.site, issue, comment) };
}

const ChangelogBody = z.object({
  issueIdsOrKeys: z.array(z.string()).min(1).max(1000),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10_000).optional(),
  nextPageToken: z.string().optional(),
});

function bulkChangelog(ctx: RequestContext): Reply {
  const body = ChangelogBody.safeParse(ctx.body ?? {});
  if (!body.success)
    return jiraErrorReply(400, [
      `Invalid request: ${body.error.issues[0]?.path.join('.') ?? ''} ${body.error.issues[0]?.message ?? ''}`,
    ]);
  const { issueIdsOrKeys, fieldIds, nextPageToken } = body.data;
  const size = body.data.maxResults ?? 1000;
  const hash = queryHash(`${issueIdsOrKeys.join(',')}\u0000${(fieldIds ?? []).join(',')}`);
  let offset = 0;
  if (nextPageToken !== undefined) {
    const cursor = decodeToken(nextPageToken, hash);
    if (!cursor || typeof cursor.after[0] !== 'number')
      return jiraErrorReply(400, ['The provided next page token is invalid or expired.']);
    offset = cursor.after[0];
  }
  const wanted = fieldIds && fieldIds.length > 0 ? new Set(fieldIds) : null;
  const rows = issueIdsOrKeys.flatMap((ref) => {
    const issue = ctx.site.issue(ref);
    if (!issue || !canSee(ctx.actor, issue)) return [];
    return issue.history.flatMap((h) => {
      const items = h.items.filter((i) => wanted === null || wanted.has(i.fieldId));
      return items.length === 0 ? [] : [{ issueId: issue.id, history: { ...h, items } }];
    });
  });
  const page = rows.slice(offset, offset + size);
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const row of page) {
    const h = row.history;
    const author = h.authorId ?? APP_ACCOUNT_ID;
    const list = grouped.get(row.issueId) ?? [];
    list.push({
      id: h.id,
      author: userJson(ctx.base, ctx.site.users.get(author), author, false),
      created: jiraDateTime(h.created),
      items: h.items.map((i) =>
        withoutNulls({
          field: i.fieldId,
          fieldId: i.fieldId,
          fieldtype: i.fieldId.startsWith('customfield_') ? 'custom' : 'jira',
          from: i.from,
          fromString: i.fromString,
          to: i.to,
          toString: i.toString,
        }),
      ),
    });
    grouped.set(row.issueId, list);
  }
  const json: Record<string, unknown> = {
    issueChangeLogs: [...grouped].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
  };
  if (offset + size < rows.length) json.nextPageToken = encodeToken({ q: hash, after: [offset + size] });
  return { status: 200, json };
}

function myPermissions(ctx: RequestContext): Reply {
  const keys = (ctx.url.searchParams.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0) return jiraErrorReply(400, ['The permissions query parameter is required.']);
  const issueKey = ctx.url.searchParams.get('issueKey');
  if (issueKey !== null) {
    const issue = ctx.site.issue(issueKey);
    if (!issue || !canSee(ctx.actor, issue)) return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
  }
  const projectKey = ctx.url.searchParams.get('projectKey');
  if (projectKey !== null && !ctx.site.serviceDesks.some((d) => d.projectKey === projectKey)) {
    return jiraErrorReply(404, [`No project could be found with key '${projectKey}'.`]);
  }
  const permissions: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of keys) {
    permissions[key] = {
      id: String(10 + ADMIN_PERMISSIONS.indexOf(key as (typeof ADMIN_PERMISSIONS)[number])),
      key,
      name: key.replace(/_/g, ' ').toLowerCase(),
      type: key === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT',
      description: `Permission ${key}`,
      havePermission: hasPermission(ctx.actor, key),
    };
  }
  return { status: 200, json: { permissions: { ...permissions } } };
}

function myself(ctx: RequestContext): Reply {
  if (ctx.actor.kind === 'app') {
    return {
      status: 200,
      json: { ...userJson(ctx.base, undefined, APP_ACCOUNT_ID, false), locale: 'en_US' },
    };
  }
  const u = ctx.actor.user;
  return { status: 200, json: { ...userJson(ctx.base, u, u.accountId, true), locale: u.locale } };
}

function sla(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = ctx.site.issue(params.issueIdOrKey ?? '');
  if (!issue || !canSee(ctx.actor, issue)) {
    return jsmErrorReply(
      404,
      'The request could not be found or you do not have permission to view it.',
      'sd.request.error.not.found',
    );
  }
  if (!hasPermission(ctx.actor, 'SERVICEDESK_AGENT')) {
    return jsmErrorReply(403, 'Only agents can view SLA information.', 'sd.agent.error.permission');
  }
  return paged(ctx, slaValues(ctx.base, ctx.site, issue));
}

function requestTypes(ctx: RequestContext, params: Record<string, string>): Reply {
  const desk = ctx.site.serviceDesks.find((d) => d.id === params.serviceDeskId);
  if (!desk)
    return jsmErrorReply(404, 'The service project could not be found.', 'sd.servicedesk.error.not.found');
  return paged(
    ctx,
    ctx.site.requestTypes
      .filter((r) => r.serviceDeskId === desk.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        helpText: '',
        issueTypeId: issueTypeIdOf(r.issueType),
        serviceDeskId: r.serviceDeskId,
        portalId: r.serviceDeskId,
        groupIds: [],
        _links: { self: `${ctx.base}/rest/servicedeskapi/servicedesk/${desk.id}/requesttype/${r.id}` },
      })),
  );
}

function queues(ctx: RequestContext, params: Record<string, string>): Reply {
  const desk = ctx.site.serviceDesks.find((d) => d.id === params.serviceDeskId);
  if (!desk)
    return jsmErrorReply(404, 'The service project could not be found.', 'sd.servicedesk.error.not.found');
  if (!hasPermission(ctx.actor, 'SERVICEDESK_AGENT'))
    return jsmErrorReply(403, 'Only agents can view queues.', 'sd.agent.error.permission');
  const withCount = ctx.url.searchParams.get('includeCount') === 'true';
  return paged(
    ctx,
    ctx.site.queues
      .filter((q) => q.serviceDeskId === desk.id)
      .map((q) => {
        const json: Record<string, unknown> = {
          id: q.id,
          name: q.name,
          jql: q.jql,
          fields: ['issuetype', 'issuekey', 'summary', 'status', 'created', SEED_FIELDS.requestType],
          _links: { self: `${ctx.base}/rest/servicedeskapi/servicedesk/${desk.id}/queue/${q.id}` },
        };
        if (withCount) {
          const query = parseJql(q.jql, ctx.site.now());
          json.issueCount = ctx.site.allIssues().filter((i) => query.matches(i)).length;
        }
        return json;
      }),
  );
}

function knowledgeBase(ctx: RequestContext): Reply {
  const query = ctx.url.searchParams.get('query');
  const highlight = ctx.url.searchParams.get('highlight');
  if (query === null || highlight === null) {
    return jsmErrorReply(
      400,
      'The query and highlight parameters are required.',
      'sd.kb.error.parameter.required',
    );
  }
  const terms = [
    ...new Set(
      query
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length > 2),
    ),
  ];
  const scored = ctx.site.articles
    .map((a) => {
      const text = `${a.title} ${a.body}`.toLowerCase();
      return { a, score: terms.filter((t) => text.includes(t)).length };
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id));
  const mark = (s: string): string =>
    highlight === 'true' && terms.length > 0
      ? s.replace(
          new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu'),
          '@@@hl@@@$1@@@endhl@@@',
        )
      : s;
  return paged(
    ctx,
    scored.map(({ a }) => ({
      title: mark(a.title),
      excerpt: mark(a.body.slice(0, 200)),
      source: { type: 'confluence', pageId: a.id, spaceKey: a.projectKey },
      content: { iframeSrc: `${ctx.base}/wiki/spaces/${a.projectKey}/pages/${a.id}` },
    })),
  );
}

/** JSM's paged envelope over a full list, honouring `start` and `limit`. */
function paged(ctx: RequestContext, values: unknown[]): Reply {
  const start = Math.max(0, Number(ctx.url.searchParams.get('start') ?? 0) || 0);
  const limit = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('limit') ?? 50) || 50));
  const page = values.slice(start, start + limit);
  const isLastPage = start + page.length >= values.length;
  const self = `${ctx.base}${ctx.url.pathname}${ctx.url.search}`;
  const links: Record<string, string> = { base: ctx.base, context: '', self };
  if (!isLastPage) {
    const next = new URL(self);
    next.searchParams.set('start', String(start + limit));
    links.next = next.toString();
  }
  return {
    status: 200,
    json: { _expands: [], size: page.length, start, limit, isLastPage, _links: links, values: page },
  };
}

function issueTypeIdOf(name: string): string {
  return (
    { 'Service Request': '10100', Incident: '10101', 'Service Request with Approvals': '10102' }[name] ??
    '10199'
  );
}

function withoutNulls(o: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null) out[k] = v;
  return out;
}

const CreateBody = z.object({
  fields: z.object({
    project: z.object({ key: z.string().optional(), id: z.string().optional() }),
    summary: z.string().min(1).max(255),
    issuetype: z.object({ name: z.string().optional(), id: z.string().optional() }),
    description: AdfDoc.nullish(),
    priority: z.object({ name: z.string() }).optional(),
    labels: z.array(z.string().regex(/^\S+$/)).max(100).optional(),
    components: z
      .array(z.object({ name: z.string() }))
      .max(50)
      .optional(),
    reporter: z.object({ accountId: z.string() }).optional(),
    [SEED_FIELDS.requestType]: z.string().optional(),
    [SEED_FIELDS.category]: z.object({ value: z.string() }).optional(),
  }),
});

/** `POST /rest/api/3/issue`: how the workbench (or a test) files a ticket, firing the created event. */
export function handleCreateIssue(ctx: RequestContext): Reply {
  const body = CreateBody.safeParse(ctx.body ?? {});
  if (!body.success) {
    const first = body.error.issues[0];
    const field = String(first?.path[1] ?? first?.path[0] ?? 'fields');
    return jiraErrorReply(400, [], { [field]: first?.message ?? 'invalid' });
  }
  const f = body.data.fields;
  const desk = ctx.site.serviceDesks.find(
    (d) => d.projectKey === f.project.key || d.projectId === f.project.id,
  );
  if (!desk) return jiraErrorReply(400, [], { project: 'valid project is required' });
  if (f.priority && !(PRIORITY_NAMES as readonly string[]).includes(f.priority.name)) {
    return jiraErrorReply(400, [], { priority: 'The priority selected is invalid.' });
  }
  const reporterId = f.reporter?.accountId ?? (ctx.actor.kind === 'user' ? ctx.actor.user.accountId : null);
  if (reporterId === null || !ctx.site.users.has(reporterId))
    return jiraErrorReply(400, [], { reporter: 'Reporter is required.' });
  const requestTypeRef = f[SEED_FIELDS.requestType];
  const requestType = ctx.site.requestTypes.find(
    (r) => r.serviceDeskId === desk.id && (r.id === requestTypeRef || r.name === requestTypeRef),
  );
  if (requestTypeRef !== undefined && !requestType) {
    return jiraErrorReply(400, [], {
      [SEED_FIELDS.requestType]: `The request type '${requestTypeRef}' does not exist.`,
    });
  }
  const issueType = f.issuetype.name ?? requestType?.issueType ?? 'Service Request';
  // The reporter's organization, as JSM would know it from their earlier requests.
  const organization = ctx.site.allIssues().find((i) => i.reporterId === reporterId)?.organization ?? null;
  const issue = ctx.site.createIssue(
    {
      projectKey: desk.projectKey,
      summary: f.summary,
      description: (f.description ?? null) as EmuIssue['description'],
      issueType,
      requestTypeId: requestType?.id ?? null,
      priority: f.priority?.name ?? 'Medium',
      components: (f.components ?? []).map((c) => c.name),
      labels: f.labels ?? [],
      category: f[SEED_FIELDS.category]?.value ?? null,
      teamId: null,
      assigneeId: null,
      reporterId,
      organization,
      status: 'Waiting for support',
      resolution: null,
    },
    ctx.actor,
  );
  return {
    status: 201,
    json: { id: issue.id, key: issue.key, self: `${ctx.base}/rest/api/3/issue/${issue.id}` },
  };
}
