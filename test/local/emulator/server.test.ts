import type { JiraPort } from '../../../src/core/ports/jira';
import { jiraFailure } from '../../adapters/jira/helpers';
import { localJiraClients } from '../../../src/local/adapters/http-jira-transport';
import type { IssueEvent } from '../../../src/local/emulator/site';
import { agentOf, customerOf, startFixture, type EmulatorFixture } from './fixture';

let fx: EmulatorFixture;
let app: JiraPort;
let agent: JiraPort;
let customer: JiraPort;
let customerId: string;

beforeAll(async () => {
  fx = await startFixture();
  const clients = localJiraClients({ baseUrl: fx.emulator.url });
  app = clients.asApp();
  agent = clients.asUser(agentOf(fx.demo));
  customerId = customerOf(fx.demo);
  customer = clients.asUser(customerId);
});

afterAll(async () => {
  await fx.emulator.close();
});

async function allKeys(jql: string, pageSize: number, between?: (page: number) => void): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  let page = 0;
  do {
    const result = await app.searchIssues({
      jql,
      fields: ['summary'],
      maxResults: pageSize,
      nextPageToken: token,
    });
    keys.push(...result.issues.map((i) => i.key));
    token = result.nextPageToken;
    between?.(++page);
  } while (token !== undefined);
  return keys;
}

describe('search with nextPageToken', () => {
  it('pages through every matching issue exactly once, in the asked order', async () => {
    const keys = await allKeys('project = HR ORDER BY created ASC', 17);
    const expected = fx.site
      .allIssues()
      .filter((i) => i.projectKey === 'HR')
      .sort((a, b) => a.created - b.created || Number(a.id) - Number(b.id))
      .map((i) => i.key);
    expect(keys).toEqual(expected);
  });

  it('does not skip issues when earlier ones disappear between pages', async () => {
    const jql = 'project = FAC ORDER BY created ASC';
    const before = await allKeys(jql, 1000);
    const seenFirst = before[3] as string;
    const laterGone = before[40] as string;
    const keys = await allKeys(jql, 10, (page) => {
      if (page === 1) {
        fx.site.deleteIssue(seenFirst);
        fx.site.deleteIssue(laterGone);
      }
    });
    expect(keys).toEqual(before.filter((k) => k !== laterGone));
  });

  it('gives opaque tokens that only work for their own query', async () => {
    const first = await app.searchIssues({
      jql: 'project = IT ORDER BY created ASC',
      fields: ['summary'],
      maxResults: 5,
    });
    expect(first.nextPageToken).toBeDefined();
    expect(first.nextPageToken).not.toContain('project');
    const error = await jiraFailure(
      app.searchIssues({ jql: 'project = HR', fields: ['summary'], nextPageToken: first.nextPageToken }),
    );
    expect(error.kind).toBe('bad_request');
    const garbage = await jiraFailure(
      app.searchIssues({ jql: 'project = IT', fields: ['summary'], nextPageToken: '%%%' }),
    );
    expect(garbage.kind).toBe('bad_request');
  });

  it('caps pages with fields at 100 and returns only ids without fields', async () => {
    const withFields = await app.searchIssues({ jql: 'project = IT', fields: ['summary'], maxResults: 500 });
    expect(withFields.issues).toHaveLength(100);
    const idsOnly = await app.searchIssues({ jql: 'project = IT', fields: [], maxResults: 500 });
    expect(idsOnly.issues.length).toBeGreaterThan(100);
    expect(idsOnly.issues[0]?.fields).toEqual({});
  });

  it('refuses unbounded and unsupported JQL with 400, like Jira', async () => {
    const unbounded = await jiraFailure(app.searchIssues({ jql: 'ORDER BY created DESC', fields: [] }));
    expect(unbounded.kind).toBe('bad_request');
    expect(unbounded.message).toMatch(/Unbounded JQL/);
    expect(
      (await jiraFailure(app.searchIssues({ jql: 'project = IT OR project = HR', fields: [] }))).kind,
    ).toBe('bad_request');
  });

  it('answers 410 Gone on the removed /rest/api/3/search', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await fetch(`${fx.emulator.url}/rest/api/3/search`, {
        method,
        headers: { Authorization: 'Bearer app' },
      });
      expect(res.status).toBe(410);
    }
  });
});

describe('issues, edits, links and comments', () => {
  it('serves descriptions and comments as ADF', async () => {
    const seeded = fx.site.allIssues().find((i) => i.description !== null && i.comments.length > 0);
    const issue = await app.getIssue(seeded?.key ?? '', ['description', 'comment']);
    expect(issue.fields.description).toMatchObject({ type: 'doc', version: 1 });
    const comments = (issue.fields.comment as { comments: { body: unknown }[] }).comments;
    expect(comments[0]?.body).toMatchObject({ type: 'doc' });
    expect(Object.keys(issue.fields).sort()).toEqual(['comment', 'description']);
  });

  it('reflects an edit, records it in the changelog and fires an update event', async () => {
    const events: IssueEvent[] = [];
    // A priority the issue does not have yet, so the edit is a change.
    const target = fx.site.issue('IT-3')?.priority === 'Highest' ? 'Lowest' : 'Highest';
    const off = fx.site.onIssueEvent((e) => events.push(e));
    await agent.editIssue('IT-3', {
      priority: { name: target },
      labels: ['edited-by-agent'],
      customfield_10060: { value: 'Network' },
    });
    off();
    const issue = await app.getIssue('IT-3', ['priority', 'labels', 'customfield_10060']);
    expect(issue.fields.priority).toMatchObject({ name: target });
    expect(issue.fields.labels).toEqual(['edited-by-agent']);
    expect(issue.fields.customfield_10060).toMatchObject({ value: 'Network' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { key: 'IT-3' },
      actorIsApp: false,
    });
    expect(events[0]?.changelog?.items.map((i) => i.fieldId)).toEqual(
      expect.arrayContaining(['priority', 'labels']),
    );
    const log = await app.bulkChangelog({ issueIds: ['IT-3'], fieldIds: ['priority'] });
    const last = log.issueChangeLogs[0]?.changeHistories.at(-1);
    expect(last?.items[0]).toMatchObject({ fieldId: 'priority', toString: target });
  });

  it('rejects invalid edits with Jira’s per-field errors and changes nothing', async () => {
    const before = await app.getIssue('IT-4', ['priority', 'labels']);
    const error = await jiraFailure(
      app.editIssue('IT-4', { priority: { name: 'Urgent!!' }, labels: ['has space'] }),
    );
    expect(error.kind).toBe('bad_request');
    expect(error.message).toMatch(/priority/);
    expect(error.message).toMatch(/label/);
    expect((await app.getIssue('IT-4', ['priority', 'labels'])).fields).toEqual(before.fields);
    expect((await jiraFailure(app.editIssue('IT-4', { unknownField: 1 }))).message).toMatch(/cannot be set/);
  });

  it('sets the Team field by the team id only, as Jira does, and clears it with null', async () => {
    const team = fx.demo.site.teams[0];
    if (!team) throw new Error('no team');
    const byName = await jiraFailure(app.editIssue('IT-5', { customfield_10001: team.name }));
    expect(byName.message).toMatch(/does not exist/);
    const asOption = await jiraFailure(app.editIssue('IT-5', { customfield_10001: { id: team.id } }));
    expect(asOption.message).toMatch(/team id/);
    await app.editIssue('IT-5', { customfield_10001: team.id });
    const read = await app.getIssue('IT-5', ['customfield_10001']);
    expect(read.fields.customfield_10001).toMatchObject({ id: team.id, name: team.name });
    await app.editIssue('IT-5', { customfield_10001: null });
    expect((await app.getIssue('IT-5', ['customfield_10001'])).fields.customfield_10001).toBeNull();
  });

  it('shows a new link on both issues, in Jira’s direction', async () => {
    // Jira's body: the outward issue is the "from" side, so this reads "IT-6 duplicates IT-5".
    await app.createIssueLink({ type: 'Duplicate', inwardKey: 'IT-5', outwardKey: 'IT-6' });
    const dup = await app.getIssue('IT-6', ['issuelinks']);
    const orig = await app.getIssue('IT-5', ['issuelinks']);
    type Link = { inwardIssue?: { key: string }; outwardIssue?: { key: string } };
    const dupLinks = dup.fields.issuelinks as Link[];
    const origLinks = orig.fields.issuelinks as Link[];
    expect(dupLinks.some((l) => l.outwardIssue?.key === 'IT-5')).toBe(true);
    expect(origLinks.some((l) => l.inwardIssue?.key === 'IT-6')).toBe(true);
    const missingType = await jiraFailure(
      app.createIssueLink({ type: 'Nope', inwardKey: 'IT-6', outwardKey: 'IT-5' }),
    );
    expect(missingType.kind).toBe('not_found');
  });

  it('keeps an internal comment internal (sd.public.comment)', async () => {
    const { id } = await app.addComment('IT-7', 'Checked the gateway.\nNothing found.', { internal: true });
    const issue = await app.getIssue('IT-7', ['comment']);
    const comment = (
      issue.fields.comment as { comments: { id: string; jsdPublic: boolean; body: unknown }[] }
    ).comments.find((c) => c.id === id);
    expect(comment?.jsdPublic).toBe(false);
    expect(JSON.stringify(comment?.body)).toContain('Nothing found.');
    const { id: publicId } = await agent.addComment('IT-7', 'We are on it.', { internal: false });
    const again = await app.getIssue('IT-7', ['comment']);
    expect(
      (again.fields.comment as { comments: { id: string; jsdPublic: boolean }[] }).comments.find(
        (c) => c.id === publicId,
      )?.jsdPublic,
    ).toBe(true);
  });

  it('creates issues the way Jira does and fires the created event', async () => {
    const events: IssueEvent[] = [];
    const off = fx.site.onIssueEvent((e) => events.push(e));
    const res = await fetch(`${fx.emulator.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { Authorization: `Bearer user:${customerId}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        fields: {
          project: { key: 'HR' },
          summary: 'Gehaltsabrechnung fehlt',
          issuetype: { name: 'Service Request' },
          customfield_10010: 'Payroll question',
        },
      }),
    });
    off();
    expect(res.status).toBe(201);
    const created = (await res.json()) as { key: string };
    expect(created.key).toMatch(/^HR-\d+$/);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:created:issue',
      issue: { key: created.key },
      atlassianId: customerId,
    });
    const issue = await app.getIssue(created.key, ['customfield_10010', 'reporter']);
    expect(issue.fields.customfield_10010).toMatchObject({ requestType: { name: 'Payroll question' } });
  });
});

describe('who may do what', () => {
  it('hides other people’s requests from a customer (404) and refuses edits (403)', async () => {
    const foreign = fx.site.allIssues().find((i) => i.reporterId !== customerId);
    expect((await jiraFailure(customer.getIssue(foreign?.key ?? '', ['summary']))).kind).toBe('not_found');
    const own = fx.site.allIssues().find((i) => i.reporterId === customerId);
    if (own)
      expect((await jiraFailure(customer.editIssue(own.key, { labels: ['x'] }))).kind).toBe('forbidden');
  });

  it('rejects unknown callers as unauthenticated', async () => {
    const stranger = localJiraClients({ baseUrl: fx.emulator.url }).asUser('nobody');
    expect((await jiraFailure(stranger.getMyself())).kind).toBe('unauthenticated');
  });

  it('reports permissions per caller', async () => {
    const admin = fx.demo.site.users.find((u) => u.kind === 'admin')?.accountId ?? '';
    const asAdmin = await localJiraClients({ baseUrl: fx.emulator.url })
      .asUser(admin)
      .getMyPermissions({ permissions: ['ADMINISTER', 'EDIT_ISSUES'] });
    expect([...asAdmin]).toEqual([
      ['ADMINISTER', true],
      ['EDIT_ISSUES', true],
    ]);
    const asAgent = await agent.getMyPermissions({ permissions: ['ADMINISTER', 'EDIT_ISSUES', 'MADE_UP'] });
    expect([...asAgent]).toEqual([
      ['ADMINISTER', false],
      ['EDIT_ISSUES', true],
      ['MADE_UP', false],
    ]);
  });
});

describe('JSM: SLA, desks, request types, queues, knowledge base', () => {
  it('computes SLA cycles from the goals and the site clock', async () => {
    const open = fx.site.allIssues().find(
      // A request waiting for the customer has its clock paused (tested in sla-pause.test.ts).
      (i) =>
        i.statusCategory !== 'done' &&
        i.priority !== null &&
        i.resolved === null &&
        !/waiting for customer/i.test(i.status),
    );
    expect(open).toBeDefined();
    const key = open?.key ?? '';
    const created = open?.created ?? 0;
    fx.clock.now = created + 60_000;
    const early = (await app.getSla(key)).find((m) => m.name === 'Time to resolution');
    expect(early?.ongoingCycle).toMatchObject({ breached: false, elapsedTime: 60_000 });
    const goal = early?.ongoingCycle?.goalDuration ?? 0;
    expect(early?.ongoingCycle?.remainingTime).toBe(goal - 60_000);
    fx.clock.now = created + goal + 1;
    const late = (await app.getSla(key)).find((m) => m.name === 'Time to resolution');
    expect(late?.ongoingCycle?.breached).toBe(true);
    expect(late?.ongoingCycle?.remainingTime).toBe(-1);
    fx.clock.now = fx.demo.site.now;
  });

  it('reports completed cycles for resolved requests', async () => {
    const done = fx.site.allIssues().find((i) => i.resolved !== null && i.priority !== null);
    const metrics = await app.getSla(done?.key ?? '');
    const ttr = metrics.find((m) => m.name === 'Time to resolution');
    expect(ttr?.ongoingCycle).toBeNull();
    expect(ttr?.completedCycles[0]?.stopTime).toBe(done?.resolved);
  });

  it('lists desks, their request types and queues with counts', async () => {
    const desks = await app.getServiceDesks();
    expect(desks.map((d) => d.projectKey)).toEqual(['IT', 'HR', 'FAC']);
    const types = await app.getRequestTypes(desks[0]?.id ?? '');
    expect(types.map((t) => t.name)).toContain('Reset a password');
    const queues = await app.getQueues(desks[0]?.id ?? '');
    const open = queues.find((q) => q.name === 'All open');
    expect(open?.issueCount).toBe(
      fx.site.allIssues().filter((i) => i.projectKey === 'IT' && i.statusCategory !== 'done').length,
    );
    expect((await jiraFailure(app.getRequestTypes('999'))).kind).toBe('not_found');
  });

  it('finds knowledge-base articles in German and English', async () => {
    const de = await app.searchKnowledgeBase('VPN verbindet nicht', 3);
    expect(de[0]?.title).toMatch(/VPN/);
    expect(de.length).toBeLessThanOrEqual(3);
    expect(await app.searchKnowledgeBase('xyzzy', 3)).toEqual([]);
  });
});

describe('hostile paths', () => {
  it.each(['__proto__', 'constructor', '%3Cscript%3E', 'IT-1%2F..%2F..', '%00'])(
    'GET issue %s is a plain 404',
    async (key) => {
      const res = await fetch(`${fx.emulator.url}/rest/api/3/issue/${key}`, {
        headers: { Authorization: 'Bearer app' },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ errorMessages: [expect.any(String)] });
    },
  );

  it('refuses oversized bodies with 413 and non-JSON bodies with 400', async () => {
    const big = await fetch(`${fx.emulator.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { Authorization: 'Bearer app' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    const bad = await fetch(`${fx.emulator.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { Authorization: 'Bearer app' },
      body: '{',
    });
    expect(bad.status).toBe(400);
  });

  it('answers 405 for a known path with the wrong method', async () => {
    const res = await fetch(`${fx.emulator.url}/rest/api/3/issueLinkType`, {
      method: 'DELETE',
      headers: { Authorization: 'Bearer app' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('hostile edits', () => {
  it('refuses prototype-ish field names with a per-field error', async () => {
    const res = await fetch(`${fx.emulator.url}/rest/api/3/issue/IT-8`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer app', 'Content-Type': 'application/json' },
      body: '{"fields":{"__proto__":{"polluted":true},"constructor":1}}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stores markup and odd Unicode verbatim, and refuses oversized summaries', async () => {
    const summary = '<script>alert(1)</script> Ünïcödé ‮rtl‬ 🎫 \u0000?';
    await app.editIssue('IT-8', { summary });
    expect((await app.getIssue('IT-8', ['summary'])).fields.summary).toBe(summary);
    expect((await jiraFailure(app.editIssue('IT-8', { summary: 'x'.repeat(256) }))).kind).toBe('bad_request');
    expect((await jiraFailure(app.editIssue('IT-8', { summary: '   ' }))).kind).toBe('bad_request');
  });
});

describe('label update operations', () => {
  it('adds and removes labels with Jira’s update syntax, and refuses it elsewhere', async () => {
    const put = (body: unknown): Promise<Response> =>
      fetch(`${fx.emulator.url}/rest/api/3/issue/IT-9`, {
        method: 'PUT',
        headers: { Authorization: 'Bearer app', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ fields: { labels: ['keep', 'drop'] } })).status).toBe(204);
    expect((await put({ update: { labels: [{ add: 'new' }, { remove: 'drop' }] } })).status).toBe(204);
    expect((await app.getIssue('IT-9', ['labels'])).fields.labels).toEqual(['keep', 'new']);
    expect((await put({ update: { summary: [{ set: 'x' }] } })).status).toBe(400);
    expect((await put({ update: { labels: 'add vpn' } })).status).toBe(400);
  });
});
