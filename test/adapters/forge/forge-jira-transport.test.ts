import type { Route } from '@forge/api';
import {
  forgeRoute,
  forgeTransport,
  type RequestJira,
} from '../../../src/adapters/forge/forge-jira-transport';
import { createJiraPort } from '../../../src/adapters/jira/jira-port';
import { JIRA_ROUTES, type RouteId } from '../../../src/adapters/jira/routes';

const params: Record<string, string> = { issueIdOrKey: 'IT-7', serviceDeskId: '3' };

describe('forgeRoute', () => {
  it.each(Object.keys(JIRA_ROUTES) as RouteId[])('%s builds the shared path', (id) => {
    const expected = JIRA_ROUTES[id].path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? '');
    const built = forgeRoute({ route: id, params }).value;
    expect(built.split('?')[0]).toBe(expected);
  });

  it('keeps the query string, encoded', () => {
    const query = new URLSearchParams({ fields: 'summary,customfield_10010', q: 'a b&c' });
    expect(forgeRoute({ route: 'getIssue', params, query }).value).toBe(
      '/rest/api/3/issue/IT-7?fields=summary%2Ccustomfield_10010&q=a+b%26c',
    );
  });

  it('refuses path parameters that would change the path', () => {
    expect(() => forgeRoute({ route: 'getIssue', params: { issueIdOrKey: '../../admin' } })).toThrow();
    expect(() => forgeRoute({ route: 'getIssue', params: { issueIdOrKey: 'IT-1?x' } })).toThrow();
  });
});

describe('forgeTransport', () => {
  it('sends JSON with the route’s method and hands back status, headers and body', async () => {
    const seen: { url: string; method?: string; headers?: Record<string, string>; body?: string }[] = [];
    const requestJira: RequestJira = (url: Route, init) => {
      seen.push({ url: url.value, ...init });
      return Promise.resolve({
        status: 201,
        headers: { get: (name: string) => (name.toLowerCase() === 'x-test' ? 'yes' : null) },
        text: () => Promise.resolve('{"id":"99"}'),
      });
    };
    const jira = createJiraPort(forgeTransport(requestJira));
    await expect(jira.addComment('IT-7', 'Hallo', { internal: true })).resolves.toEqual({ id: '99' });
    expect(seen[0]?.url).toBe('/rest/api/3/issue/IT-7/comment');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers?.['Content-Type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({
      body: { type: 'doc', version: 1 },
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    const raw = await forgeTransport(requestJira)({ route: 'getMyself', params: {} });
    expect(raw.header('X-Test')).toBe('yes');
    expect(seen[1]?.body).toBeUndefined();
  });
});
