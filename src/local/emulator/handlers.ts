import { z } from 'zod';
import type { RouteId } from '../../adapters/jira/routes';
import { NOT_FOUND_ISSUE, type RequestContext } from './context';
import { AdfDoc, EditBody, EditError, editIssue } from './edit';
import { setIssueProperty } from './issue-properties';
import { paged, queues, requestTypes, sla } from './jsm-handlers';
import { searchAllArticles, searchDeskArticles, viewArticle } from './knowledge-base';
import { decodeToken, encodeToken, queryHash } from './page-token';
import { ADMIN_PERMISSIONS, canSee, hasPermission, hasProjectPermission } from './permissions';
import { commentJson, issueJson, jiraDateTime, userJson } from './rest-json';
import { jiraErrorReply, type Reply } from './replies';
import { countJql, searchJql } from './search-handler';
import { bulkGetUsers } from './user-handlers';
import { APP_ACCOUNT_ID, type EmuIssue, type EmulatorSite } from './site';

export type { RequestContext } from './context';
export { handleCreateIssue } from './create-issue';

export function handleRoute(route: RouteId, params: Record<string, string>, ctx: RequestContext): Reply {
  switch (route) {
    case 'searchJql':
      return searchJql(ctx);
    case 'countIssues':
      return countJql(ctx);
    case 'getIssue':
      return withIssue(ctx, params, (issue) => ({
        status: 200,
        json: issueJson(ctx.base, ctx.site, issue, fieldsParam(ctx.url), ctx.actor),
      }));
    case 'editIssue':
      return withIssue(ctx, params, (issue) => edit(ctx, issue));
    case 'setIssueProperty':
      return withIssue(ctx, params, (issue) => setIssueProperty(ctx, issue, params.propertyKey ?? ''));
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
    case 'bulkGetUsers':
      return bulkGetUsers(ctx);
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
      return searchAllArticles(ctx);
    case 'searchDeskKnowledgeBase':
      return searchDeskArticles(ctx, params);
    case 'viewArticle':
      return viewArticle(ctx, params);
  }
}

function withIssue(
  ctx: RequestContext,
  params: Record<string, string>,
  then: (issue: EmuIssue) => Reply,
): Reply {
  const issue = ctx.site.issue(params.issueIdOrKey ?? '');
  if (!issue || !canSee(ctx.site, ctx.actor, issue)) return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
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

function edit(ctx: RequestContext, issue: EmuIssue): Reply {
  if (!hasProjectPermission(ctx.site, ctx.actor, 'EDIT_ISSUES', issue.projectKey)) {
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
  if (!inward || !canSee(ctx.site, ctx.actor, inward) || !outward || !canSee(ctx.site, ctx.actor, outward)) {
    return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
  }
  if (
    !hasProjectPermission(ctx.site, ctx.actor, 'LINK_ISSUES', inward.projectKey) ||
    !hasProjectPermission(ctx.site, ctx.actor, 'LINK_ISSUES', outward.projectKey)
  )
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
  if (!hasProjectPermission(ctx.site, ctx.actor, 'ADD_COMMENTS', issue.projectKey))
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
    if (!issue || !canSee(ctx.site, ctx.actor, issue)) return [];
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
  let project: string | null = null;
  if (issueKey !== null) {
    const issue = ctx.site.issue(issueKey);
    if (!issue || !canSee(ctx.site, ctx.actor, issue)) return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
    project = issue.projectKey;
  }
  const projectKey = ctx.url.searchParams.get('projectKey');
  if (projectKey !== null && !ctx.site.serviceDesks.some((d) => d.projectKey === projectKey)) {
    return jiraErrorReply(404, [`No project could be found with key '${projectKey}'.`]);
  }
  project ??= projectKey;
  // Without a project, Jira answers whether the permission is held in at least one project.
  const holds = (key: string): boolean =>
    project !== null
      ? hasProjectPermission(ctx.site, ctx.actor, key, project)
      : hasPermission(ctx.actor, key) &&
        (ctx.site.serviceDesks.length === 0 ||
          ctx.site.serviceDesks.some((d) => hasProjectPermission(ctx.site, ctx.actor, key, d.projectKey)));
  const permissions: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of keys) {
    permissions[key] = {
      id: String(10 + ADMIN_PERMISSIONS.indexOf(key as (typeof ADMIN_PERMISSIONS)[number])),
      key,
      name: key.replace(/_/g, ' ').toLowerCase(),
      type: key === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT',
      description: `Permission ${key}`,
      havePermission: holds(key),
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

function withoutNulls(o: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null) out[k] = v;
  return out;
}
