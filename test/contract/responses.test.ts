import type { JiraPort } from '../../src/core/ports/jira';
import { createJiraPort } from '../../src/adapters/jira/jira-port';
import type { JiraTransport } from '../../src/adapters/jira/request-core';
import { JIRA_ROUTES, type RouteId } from '../../src/adapters/jira/routes';
import { emulatorAuthorization, fetchTransport } from '../../src/local/adapters/http-jira-transport';
import { startFixture, type EmulatorFixture } from '../local/emulator/fixture';
import {
  componentValidator,
  describeErrors,
  loadSpec,
  requestSchema,
  responseSchema,
  validatorFor,
  type SpecName,
} from './openapi';

interface Exchange {
  route: RouteId;
  requestBody: unknown;
  status: number;
  body: string;
}

let fx: EmulatorFixture;
let jira: JiraPort;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  fx = await startFixture();
  const inner = fetchTransport({ baseUrl: fx.emulator.url }, emulatorAuthorization({ kind: 'app' }));
  const recording: JiraTransport = async (request) => {
    const response = await inner(request);
    const body = await response.text();
    exchanges.push({ route: request.route, requestBody: request.body, status: response.status, body });
    return { ...response, text: () => Promise.resolve(body) };
  };
  jira = createJiraPort(recording);

  // Every port method once, against the emulator, exactly as the app would call them.
  const fields = [
    'summary',
    'description',
    'comment',
    'status',
    'priority',
    'issuelinks',
    'customfield_10010',
  ];
  const first = await jira.searchIssues({ jql: 'project = IT ORDER BY created ASC', fields, maxResults: 20 });
  await jira.searchIssues({
    jql: 'project = IT ORDER BY created ASC',
    fields,
    maxResults: 20,
    nextPageToken: first.nextPageToken,
  });
  const [a, b] = first.issues;
  if (!a || !b) throw new Error('fixture has too few issues');
  await jira.getIssue(a.key, fields);
  await jira.editIssue(a.key, { priority: { name: 'High' }, labels: ['contract-test'] });
  await jira.setIssueProperty(a.key, 'triage-lens-insights', { v: 1, triaged: 'no' });
  await jira.setIssueProperty(a.key, 'triage-lens-insights', { v: 1, triaged: 'yes' });
  await jira.getIssueLinkTypes();
  await jira.createIssueLink({ type: 'Duplicate', inwardKey: b.key, outwardKey: a.key });
  await jira.addComment(a.key, 'Internal note from the contract test', { internal: true });
  await jira.bulkChangelog({ issueIds: [a.id, b.id], fieldIds: ['status', 'priority'] });
  await jira.getSla(a.key);
  const open = fx.site.allIssues().find((i) => i.statusCategory !== 'done');
  if (open) await jira.getSla(open.key);
  const desks = await jira.getServiceDesks();
  await jira.getRequestTypes(desks[0]?.id ?? '1');
  await jira.getQueues(desks[0]?.id ?? '1');
  await jira.searchKnowledgeBase('VPN Passwort', 5);
  const [deskArticle] = await jira.searchDeskKnowledgeBase(desks[0]?.id ?? '1', 'VPN verbindet nicht', 5);
  await jira.viewArticle(deskArticle?.pageId ?? '1001');
  await jira.getMyPermissions({ permissions: ['BROWSE_PROJECTS', 'ADMINISTER'], projectKey: 'IT' });
  await jira.getMyself();
  await jira.countIssues('created >= "1970-01-01"');
  await jira.bulkGetUsers([...fx.demo.site.users.slice(0, 3).map((u) => u.accountId), 'no-such-account']);
});

afterAll(async () => {
  await fx.emulator.close();
});

function specOf(route: RouteId): SpecName {
  return JIRA_ROUTES[route].spec;
}

describe('emulator responses validate against the official response schemas', () => {
  it('exercised every route the app calls', () => {
    const seen = new Set(exchanges.map((e) => e.route));
    expect([...Object.keys(JIRA_ROUTES)].filter((r) => !seen.has(r as RouteId))).toEqual([]);
  });

  it.each(Object.keys(JIRA_ROUTES) as RouteId[])('%s', (route) => {
    const { method, path } = JIRA_ROUTES[route];
    const calls = exchanges.filter((e) => e.route === route);
    for (const call of calls) {
      expect([200, 201, 204]).toContain(call.status);
      const schema = responseSchema(specOf(route), method, path, call.status);
      if (call.body === '') {
        // 204 / empty 201: the spec must not promise a body we do not send.
        expect(call.status === 204 || schema === undefined || JSON.stringify(schema) === '{}').toBe(true);
        continue;
      }
      expect(schema).toBeDefined();
      const validate = validatorFor(specOf(route), schema);
      const ok = validate(JSON.parse(call.body));
      if (!ok) throw new Error(`${route} response does not match the spec:\n${describeErrors(validate)}`);
    }
  });
});

describe('the validators are strict enough to catch a wrong answer', () => {
  it.each([
    ['platform', 'POST', '/rest/api/3/search/jql', { issues: 'none' }],
    ['platform', 'POST', '/rest/api/3/search/jql', { issues: [], pageToken: 'renamed' }],
    ['platform', 'GET', '/rest/api/3/issueLinkType', { issueLinkTypes: [{ id: 1 }] }],
    ['platform', 'POST', '/rest/api/3/search/approximate-count', { count: '12' }],
    ['platform', 'GET', '/rest/api/3/user/bulk', { values: [{ accountId: 'a', displayName: 7 }] }],
    [
      'jsm',
      'GET',
      '/rest/servicedeskapi/request/{issueIdOrKey}/sla',
      { values: [{ ongoingCycle: { breached: 'no' } }] },
    ],
    ['jsm', 'GET', '/rest/servicedeskapi/servicedesk', { values: [{ id: '1', extra: true }] }],
    ['jsm', 'GET', '/rest/servicedeskapi/knowledgebase/article', { values: [{ title: 'x', body: 'y' }] }],
    [
      'jsm',
      'GET',
      '/rest/servicedeskapi/servicedesk/{serviceDeskId}/knowledgebase/article',
      { values: [{ title: 'x', source: { type: 'wiki' } }] },
    ],
    ['jsm', 'GET', '/rest/servicedeskapi/knowledgebase/article/view/{pageId}', { html: '<p/>' }],
  ] as const)('%s %s %s rejects %j', (spec, method, path, body) => {
    const validate = validatorFor(spec, responseSchema(spec, method, path, 200));
    expect(validate(body)).toBe(false);
  });

  it('nullable fields accept null only where the spec says so', () => {
    const nullableDescription = validatorFor('platform', {
      type: 'object',
      properties: { d: { type: 'string', nullable: true } },
    });
    const strict = validatorFor('platform', { type: 'object', properties: { d: { type: 'string' } } });
    expect(nullableDescription({ d: null })).toBe(true);
    expect(strict({ d: null })).toBe(false);
  });
});

describe('request bodies the client sends validate against the spec', () => {
  it.each((Object.keys(JIRA_ROUTES) as RouteId[]).filter((r) => JIRA_ROUTES[r].method !== 'GET'))(
    '%s',
    (route) => {
      const { method, path } = JIRA_ROUTES[route];
      const schema = requestSchema(specOf(route), method, path);
      const calls = exchanges.filter((e) => e.route === route);
      expect(calls.length).toBeGreaterThan(0);
      if (schema === undefined) return; // the spec documents this body by example only
      const validate = validatorFor(specOf(route), schema);
      for (const call of calls) {
        if (!validate(call.requestBody))
          throw new Error(`${route} request body does not match:\n${describeErrors(validate)}`);
      }
    },
  );
});

describe('error bodies have Jira’s shapes', () => {
  const platformError = (): ReturnType<typeof componentValidator> =>
    componentValidator('platform', 'ErrorCollection');
  const jsmError = (): ReturnType<typeof componentValidator> => componentValidator('jsm', 'ErrorResponse');
  const call = async (
    path: string,
    init: RequestInit & { auth?: string | null } = {},
  ): Promise<{ status: number; json: unknown }> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (init.auth !== null) headers.Authorization = init.auth ?? 'Bearer app';
    const res = await fetch(`${fx.emulator.url}${path}`, { ...init, headers });
    const text = await res.text();
    return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };

  it.each([
    ['missing issue', '/rest/api/3/issue/IT-999999', {}, 404],
    [
      'unbounded JQL',
      '/rest/api/3/search/jql',
      { method: 'POST', body: JSON.stringify({ jql: 'ORDER BY created DESC' }) },
      400,
    ],
    [
      'unbounded count',
      '/rest/api/3/search/approximate-count',
      { method: 'POST', body: JSON.stringify({ jql: 'ORDER BY created DESC' }) },
      400,
    ],
    ['users without account ids', '/rest/api/3/user/bulk', {}, 400],
    ['removed /search', '/rest/api/3/search', { method: 'POST', body: '{}' }, 410],
    ['no credentials', '/rest/api/3/myself', { auth: null }, 401],
    ['permissions without keys', '/rest/api/3/mypermissions', {}, 400],
    [
      'edit of an unknown field',
      '/rest/api/3/issue/IT-1',
      { method: 'PUT', body: JSON.stringify({ fields: { nope: 1 } }) },
      400,
    ],
  ] as const)('platform: %s', async (_name, path, init, status) => {
    const res = await call(path, init);
    expect(res.status).toBe(status);
    const validate = platformError();
    if (!validate(res.json)) throw new Error(describeErrors(validate));
  });

  it.each([
    ['SLA of a missing request', '/rest/servicedeskapi/request/IT-999999/sla', 404],
    ['request types of a missing desk', '/rest/servicedeskapi/servicedesk/999/requesttype', 404],
    ['knowledge base without query', '/rest/servicedeskapi/knowledgebase/article', 400],
    ['desk knowledge base without query', '/rest/servicedeskapi/servicedesk/1/knowledgebase/article', 400],
    [
      'knowledge base of a missing desk',
      '/rest/servicedeskapi/servicedesk/999/knowledgebase/article?query=vpn',
      404,
    ],
    ['a missing article', '/rest/servicedeskapi/knowledgebase/article/view/999999', 404],
  ] as const)('JSM: %s', async (_name, path, status) => {
    const res = await call(path);
    expect(res.status).toBe(status);
    const validate = jsmError();
    if (!validate(res.json)) throw new Error(describeErrors(validate));
  });

  it('deleting an issue answers like Jira (204, no body; 404, 403, 400 with error collections)', async () => {
    const deleteOp = loadSpec('platform').paths['/rest/api/3/issue/{issueIdOrKey}']?.delete;
    expect(Object.keys(deleteOp?.responses ?? {})).toEqual(
      expect.arrayContaining(['204', '400', '403', '404']),
    );
    const victim = fx.site.allIssues().at(-1);
    if (!victim) throw new Error('fixture has no issues');
    const agent = fx.demo.site.users.find((u) => u.kind === 'agent')?.accountId ?? '';
    const asAgent = await call(`/rest/api/3/issue/${victim.key}`, {
      method: 'DELETE',
      auth: `Bearer user:${agent}`,
    });
    expect(asAgent.status).toBe(403);
    const bad = await call(`/rest/api/3/issue/${victim.key}?deleteSubtasks=maybe`, { method: 'DELETE' });
    expect(bad.status).toBe(400);
    const res = await call(`/rest/api/3/issue/${victim.key}?deleteSubtasks=false`, { method: 'DELETE' });
    expect(res).toEqual({ status: 204, json: undefined });
    expect(fx.site.issue(victim.key)).toBeUndefined();
    const again = await call(`/rest/api/3/issue/${victim.key}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    for (const r of [asAgent, bad, again]) {
      const validate = componentValidator('platform', 'ErrorCollection');
      if (!validate(r.json)) throw new Error(describeErrors(validate));
    }
  });

  it('creating an issue answers like Jira (CreatedIssue)', async () => {
    const res = await call('/rest/api/3/issue', {
      method: 'POST',
      auth: `Bearer user:${fx.demo.site.users.find((u) => u.kind === 'customer')?.accountId ?? ''}`,
      body: JSON.stringify({
        fields: { project: { key: 'IT' }, summary: 'VPN down', issuetype: { name: 'Incident' } },
      }),
    });
    expect(res.status).toBe(201);
    const validate = validatorFor('platform', responseSchema('platform', 'POST', '/rest/api/3/issue', 201));
    if (!validate(res.json)) throw new Error(describeErrors(validate));
  });
});
