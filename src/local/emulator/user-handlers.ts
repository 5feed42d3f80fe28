import type { RequestContext } from './context';
import { userJson } from './rest-json';
import { jiraErrorReply, type Reply } from './replies';

/** Jira pages `user/bulk` at 10 by default; this emulator allows up to 200 per page. */
const DEFAULT_PAGE = 10;
const MAX_PAGE = 200;

function intParam(url: URL, name: string, fallback: number): number {
  const n = Number(url.searchParams.get(name) ?? fallback);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * `GET /rest/api/3/user/bulk?accountId=…&accountId=…`: a page of the named users
 * (PageBeanUser). Ids the site does not know are left out, as Jira does.
 */
export function bulkGetUsers(ctx: RequestContext): Reply {
  const ids = [...new Set(ctx.url.searchParams.getAll('accountId').filter((id) => id !== ''))];
  if (ids.length === 0) return jiraErrorReply(400, ['The accountId query parameter is required.']);
  if (ids.some((id) => id.length > 128)) return jiraErrorReply(400, ['An accountId is too long.']);
  const known = ids.flatMap((id) => {
    const user = ctx.site.users.get(id);
    return user ? [userJson(ctx.base, user, id, false)] : [];
  });
  const startAt = intParam(ctx.url, 'startAt', 0);
  const maxResults = Math.min(MAX_PAGE, Math.max(1, intParam(ctx.url, 'maxResults', DEFAULT_PAGE)));
  const values = known.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= known.length;
  const self = `${ctx.base}${ctx.url.pathname}${ctx.url.search}`;
  const json: Record<string, unknown> = { self, maxResults, startAt, total: known.length, isLast, values };
  if (!isLast) {
    const next = new URL(self);
    next.searchParams.set('startAt', String(startAt + values.length));
    json.nextPage = next.toString();
  }
  return { status: 200, json };
}
