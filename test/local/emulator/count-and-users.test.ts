import { createJiraPort } from '../../../src/adapters/jira/jira-port';
import type { JiraTransport } from '../../../src/adapters/jira/request-core';
import {
  emulatorAuthorization,
  fetchTransport,
  localJiraClients,
} from '../../../src/local/adapters/http-jira-transport';
import { jiraFailure } from '../../adapters/jira/helpers';
import { agentOf, customerOf, startFixture, type EmulatorFixture } from './fixture';

let fx: EmulatorFixture;
let clients: ReturnType<typeof localJiraClients>;

beforeAll(async () => {
  fx = await startFixture();
  clients = localJiraClients({ baseUrl: fx.emulator.url });
});

afterAll(async () => {
  await fx.emulator.close();
});

describe('approximate count', () => {
  it('counts what the caller may see, as the search would list it', async () => {
    const inHr = fx.site.allIssues().filter((i) => i.projectKey === 'HR').length;
    await expect(clients.asApp().countIssues('project = HR')).resolves.toBe(inHr);
    await expect(clients.asApp().countIssues('created >= "1970-01-01"')).resolves.toBe(
      fx.site.allIssues().length,
    );
    // A customer sees only their own requests.
    const customer = customerOf(fx.demo);
    const own = fx.site.allIssues().filter((i) => i.reporterId === customer).length;
    await expect(clients.asUser(customer).countIssues('created >= "1970-01-01"')).resolves.toBe(own);
  });

  it('refuses unbounded or unparsable JQL with 400', async () => {
    const app = clients.asApp();
    expect(await jiraFailure(app.countIssues('ORDER BY created ASC'))).toMatchObject({ kind: 'bad_request' });
    expect(await jiraFailure(app.countIssues('project = = HR'))).toMatchObject({ kind: 'bad_request' });
  });
});

describe('users in bulk', () => {
  it('names every known account once and leaves unknown ones out', async () => {
    const agent = agentOf(fx.demo);
    const users = await clients
      .asUser(agent)
      .bulkGetUsers([agent, 'no-such-account', agent, customerOf(fx.demo)]);
    const byId = new Map(users.map((u) => [u.accountId, u]));
    expect(users).toHaveLength(2);
    expect(byId.get(agent)?.displayName).toBe(fx.site.users.get(agent)?.displayName);
    expect(byId.get(customerOf(fx.demo))?.active).toBe(true);
  });

  it('pages through more ids than fit in one call', async () => {
    const ids = fx.demo.site.users.map((u) => u.accountId);
    expect(ids.length).toBeGreaterThan(50);
    const users = await clients.asApp().bulkGetUsers(ids);
    expect(users.map((u) => u.accountId).sort()).toEqual([...ids].sort());
  });

  it('asks nothing for no ids, and the emulator refuses a call without any', async () => {
    await expect(clients.asApp().bulkGetUsers([])).resolves.toEqual([]);
    const res = await fetch(`${fx.emulator.url}/rest/api/3/user/bulk?startAt=0`, {
      headers: { Authorization: 'Bearer app' },
    });
    expect(res.status).toBe(400);
  });

  it('the client follows the pages of a server that answers fewer than asked for', async () => {
    const inner = fetchTransport({ baseUrl: fx.emulator.url }, emulatorAuthorization({ kind: 'app' }));
    const pageSizes: number[] = [];
    const stingy: JiraTransport = async (request) => {
      const query = new URLSearchParams(request.query);
      if (request.route === 'bulkGetUsers') query.set('maxResults', '7');
      const response = await inner({ ...request, query });
      const body = await response.text();
      if (request.route === 'bulkGetUsers')
        pageSizes.push((JSON.parse(body) as { values: unknown[] }).values.length);
      return { ...response, text: () => Promise.resolve(body) };
    };
    const ids = fx.demo.site.users.slice(0, 20).map((u) => u.accountId);
    const users = await createJiraPort(stingy).bulkGetUsers(ids);
    expect(users.map((u) => u.accountId)).toEqual(ids);
    expect(pageSizes).toEqual([7, 7, 6]);
  });
});
