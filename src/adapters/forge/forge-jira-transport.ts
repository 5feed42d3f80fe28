import api, { route, type Route } from '@forge/api';
import type { JiraClientFactory, JiraPort } from '../../core/ports/jira';
import { createJiraPort } from '../jira/jira-port';
import type { JiraRequest, JiraTransport, RequestCoreOptions } from '../jira/request-core';
import { JIRA_ROUTES } from '../jira/routes';

/**
 * Each route written out with Forge's `route` template, literally, so that Forge's linter can
 * see every endpoint the app calls and check the manifest's scopes against it. The template
 * escapes path parameters and rejects ones that would change the path.
 */
export function forgeRoute(request: JiraRequest): Route {
  const p = (name: string): string => request.params[name] ?? '';
  const q = request.query ?? new URLSearchParams();
  switch (request.route) {
    case 'searchJql':
      return route`/rest/api/3/search/jql`;
    case 'countIssues':
      return route`/rest/api/3/search/approximate-count`;
    case 'getIssue':
      return route`/rest/api/3/issue/${p('issueIdOrKey')}?${q}`;
    case 'editIssue':
      return route`/rest/api/3/issue/${p('issueIdOrKey')}`;
    case 'setIssueProperty':
      return route`/rest/api/3/issue/${p('issueIdOrKey')}/properties/${p('propertyKey')}`;
    case 'getIssueLinkTypes':
      return route`/rest/api/3/issueLinkType`;
    case 'createIssueLink':
      return route`/rest/api/3/issueLink`;
    case 'addComment':
      return route`/rest/api/3/issue/${p('issueIdOrKey')}/comment`;
    case 'bulkChangelog':
      return route`/rest/api/3/changelog/bulkfetch`;
    case 'getMyPermissions':
      return route`/rest/api/3/mypermissions?${q}`;
    case 'getMyself':
      return route`/rest/api/3/myself`;
    case 'bulkGetUsers':
      return route`/rest/api/3/user/bulk?${q}`;
    case 'getSla':
      return route`/rest/servicedeskapi/request/${p('issueIdOrKey')}/sla?${q}`;
    case 'getServiceDesks':
      return route`/rest/servicedeskapi/servicedesk?${q}`;
    case 'getRequestTypes':
      return route`/rest/servicedeskapi/servicedesk/${p('serviceDeskId')}/requesttype?${q}`;
    case 'getQueues':
      return route`/rest/servicedeskapi/servicedesk/${p('serviceDeskId')}/queue?${q}`;
    case 'searchKnowledgeBase':
      return route`/rest/servicedeskapi/knowledgebase/article?${q}`;
    case 'searchDeskKnowledgeBase':
      return route`/rest/servicedeskapi/servicedesk/${p('serviceDeskId')}/knowledgebase/article?${q}`;
    case 'viewArticle':
      return route`/rest/servicedeskapi/knowledgebase/article/view/${p('pageId')}`;
  }
}

export type RequestJira = (
  url: Route,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** The request core's transport over one of Forge's `requestJira` functions. */
export function forgeTransport(requestJira: RequestJira): JiraTransport {
  return async (request) => {
    const method = JIRA_ROUTES[request.route].method;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: { method: string; headers: Record<string, string>; body?: string } = { method, headers };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    const response = await requestJira(forgeRoute(request), init);
    return {
      status: response.status,
      header: (name) => response.headers.get(name),
      text: () => response.text(),
    };
  };
}

/**
 * Jira as the invoking user (`asUser()`: the user's permissions, the user in Jira's history) or
 * as the app (`asApp()`: triggers, consumers, auto-apply). Forge knows the user from the
 * invocation, so `asUser` ignores an account id.
 */
export function forgeJiraClients(options: RequestCoreOptions = {}): JiraClientFactory {
  return {
    asUser(): JiraPort {
      const user = api.asUser();
      return createJiraPort(
        forgeTransport((url, init) => user.requestJira(url, init)),
        options,
      );
    },
    asApp(): JiraPort {
      const app = api.asApp();
      return createJiraPort(
        forgeTransport((url, init) => app.requestJira(url, init)),
        options,
      );
    },
  };
}
