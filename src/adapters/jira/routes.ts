/**
 * Every Jira / JSM REST route the app calls: the one list the request core, the Forge adapter,
 * the emulator and the contract tests (which check each against the official OpenAPI specs)
 * all share.
 */
export const JIRA_ROUTES = {
  searchJql: { method: 'POST', path: '/rest/api/3/search/jql', spec: 'platform' },
  countIssues: { method: 'POST', path: '/rest/api/3/search/approximate-count', spec: 'platform' },
  getIssue: { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', spec: 'platform' },
  editIssue: { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', spec: 'platform' },
  setIssueProperty: {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    spec: 'platform',
  },
  getIssueLinkTypes: { method: 'GET', path: '/rest/api/3/issueLinkType', spec: 'platform' },
  createIssueLink: { method: 'POST', path: '/rest/api/3/issueLink', spec: 'platform' },
  addComment: { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/comment', spec: 'platform' },
  bulkChangelog: { method: 'POST', path: '/rest/api/3/changelog/bulkfetch', spec: 'platform' },
  getMyPermissions: { method: 'GET', path: '/rest/api/3/mypermissions', spec: 'platform' },
  getMyself: { method: 'GET', path: '/rest/api/3/myself', spec: 'platform' },
  bulkGetUsers: { method: 'GET', path: '/rest/api/3/user/bulk', spec: 'platform' },
  getSla: { method: 'GET', path: '/rest/servicedeskapi/request/{issueIdOrKey}/sla', spec: 'jsm' },
  getServiceDesks: { method: 'GET', path: '/rest/servicedeskapi/servicedesk', spec: 'jsm' },
  getRequestTypes: {
    method: 'GET',
    path: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
    spec: 'jsm',
  },
  getQueues: { method: 'GET', path: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/queue', spec: 'jsm' },
  searchKnowledgeBase: { method: 'GET', path: '/rest/servicedeskapi/knowledgebase/article', spec: 'jsm' },
  searchDeskKnowledgeBase: {
    method: 'GET',
    path: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/knowledgebase/article',
    spec: 'jsm',
  },
  viewArticle: {
    method: 'GET',
    path: '/rest/servicedeskapi/knowledgebase/article/view/{pageId}',
    spec: 'jsm',
  },
} as const satisfies Record<string, RouteSpec>;

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI path template, parameters in braces exactly as the spec names them. */
  path: string;
  /** Which official spec documents it: Jira platform or Jira Service Management. */
  spec: 'platform' | 'jsm';
}

export type RouteId = keyof typeof JIRA_ROUTES;

/** `GET /rest/api/3/issue/{issueIdOrKey}`: how errors and logs name a call. */
export function routeLabel(id: RouteId): string {
  const r = JIRA_ROUTES[id];
  return `${r.method} ${r.path}`;
}

/** Path parameters must be one path segment: ids, keys and numbers only. */
const SAFE_SEGMENT = /^[A-Za-z0-9_.-]{1,64}$/;

/** Fills a route's path template; rejects parameters that could change the path. */
export function expandPath(id: RouteId, params: Readonly<Record<string, string>>): string {
  return JIRA_ROUTES[id].path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined || !SAFE_SEGMENT.test(value) || value === '.' || value === '..') {
      throw new TypeError(`route parameter ${name} is missing or not a single path segment`);
    }
    return encodeURIComponent(value);
  });
}
