import { z } from 'zod';
import type { RequestContext } from './context';
import { JqlError, parseJql, type JqlQuery } from './jql';
import { decodeToken, encodeToken, queryHash } from './page-token';
import { canSee } from './permissions';
import { issueJson } from './rest-json';
import { jiraErrorReply, type Reply } from './replies';
import type { EmuIssue } from './site';

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

/** Jira's 400 answer to a body that does not match the route's schema. */
function invalidPayload(error: z.ZodError): Reply {
  return jiraErrorReply(400, [`Invalid request payload: ${error.issues[0]?.path.join('.') ?? ''}`]);
}

/** The parsed JQL, or Jira's 400 answer when it does not parse or has no search restriction. */
function boundedQuery(ctx: RequestContext, jql: string): JqlQuery | Reply {
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
  // Jira Cloud refuses a query naming an issue the caller cannot see (or that was deleted) with
  // 400, one sentence per issue, rather than leaving it out: callers must cope with that.
  const unknown = query.issueRefs.filter((ref) => {
    const issue = ctx.site.issue(ref.value);
    return !issue || !canSee(ctx.site, ctx.actor, issue);
  });
  if (unknown.length > 0) {
    return jiraErrorReply(
      400,
      unknown.map((ref) => `An issue with key '${ref.value}' does not exist for the field '${ref.field}'.`),
    );
  }
  return query;
}

const CountBody = z.object({ jql: z.string().max(100_000) }).strict();

/** `POST /rest/api/3/search/approximate-count`: how many issues the caller can see match. */
export function countJql(ctx: RequestContext): Reply {
  const parsed = CountBody.safeParse(ctx.body ?? {});
  if (!parsed.success) return invalidPayload(parsed.error);
  const query = boundedQuery(ctx, parsed.data.jql);
  if (!('matches' in query)) return query;
  const count = ctx.site.allIssues().filter((i) => canSee(ctx.site, ctx.actor, i) && query.matches(i)).length;
  return { status: 200, json: { count } };
}

/** `POST /rest/api/3/search/jql`: JQL subset, keyset paging behind opaque tokens. */
export function searchJql(ctx: RequestContext): Reply {
  const parsed = SearchBody.safeParse(ctx.body ?? {});
  if (!parsed.success) return invalidPayload(parsed.error);
  const { jql, fields, nextPageToken } = parsed.data;
  const query = boundedQuery(ctx, jql);
  if (!('matches' in query)) return query;
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
    .filter((i) => canSee(ctx.site, ctx.actor, i) && query.matches(i))
    .map((i) => ({ issue: i, key: sortKey(i) }))
    .filter((x) => after === null || compare(x.key, after) > 0)
    .sort((a, b) => compare(a.key, b.key));
  const page = matching.slice(0, size);
  const last = page[page.length - 1];
  const more = matching.length > size && last !== undefined;
  const wanted = fields === undefined ? [] : fields.filter((f) => f !== 'id' && f !== 'key');
  const json: Record<string, unknown> = {
    issues: page.map((x) =>
      issueJson(
        ctx.base,
        ctx.site,
        x.issue,
        fields === undefined ? [] : wanted.length === 0 ? [] : fields,
        ctx.actor,
      ),
    ),
    isLast: !more,
  };
  if (more) json.nextPageToken = encodeToken({ q: hash, after: last.key });
  return { status: 200, json };
}
