import { JiraError, type JiraPort } from '../../../src/core/ports/jira';
import { localJiraClients } from '../../../src/local/adapters/http-jira-transport';
import { fakeRetryEnv, jiraFailure } from '../../adapters/jira/helpers';
import { startFixture, type EmulatorFixture } from './fixture';

let fx: EmulatorFixture;
let jira: JiraPort;
/** Waits the client asked for; the clock advances by them so the time budget is exercised. */
let waits: number[];

beforeAll(async () => {
  fx = await startFixture(300);
});

/** A client with a virtual retry clock; `timeoutMs` is real time, generous unless a test hangs on purpose. */
function client(timeoutMs: number, maxAttempts = 5): JiraPort {
  const env = fakeRetryEnv();
  waits = env.sleeps;
  return localJiraClients({
    baseUrl: fx.emulator.url,
    timeoutMs,
    env,
    policy: { maxAttempts, baseDelayMs: 50, maxDelayMs: 2000, maxTotalMs: 60_000 },
  }).asApp();
}

beforeEach(() => {
  fx.emulator.faults.clear();
  jira = client(5000);
});

afterAll(async () => {
  await fx.emulator.close();
});

describe('the client against an emulator that misbehaves', () => {
  it('survives a 429 storm, waiting as Retry-After says', async () => {
    fx.emulator.faults.add({
      route: 'searchJql',
      fault: { kind: 'status', status: 429, retryAfterSeconds: 2 },
      times: 3,
    });
    const page = await jira.searchIssues({ jql: 'project = IT', fields: ['summary'], maxResults: 5 });
    expect(page.issues).toHaveLength(5);
    expect(fx.emulator.faults.firedCount()).toBe(3);
    expect(waits).toHaveLength(3);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(2000);
  });

  it('surfaces rate_limited when the storm outlasts the bounded retries', async () => {
    fx.emulator.faults.add({
      route: '*',
      fault: { kind: 'status', status: 429, retryAfterSeconds: 1 },
      times: 100,
    });
    const error = await jiraFailure(jira.getMyself());
    expect(error.kind).toBe('rate_limited');
    expect(fx.emulator.faults.firedCount()).toBe(5);
  });

  it('retries 500s on reads and succeeds', async () => {
    fx.emulator.faults.add({ route: 'getIssue', fault: { kind: 'status', status: 500 }, times: 2 });
    const issue = await jira.getIssue('IT-1', ['summary']);
    expect(issue.key).toBe('IT-1');
    expect(waits).toHaveLength(2);
  });

  it('does not repeat a comment after a 500, and says so', async () => {
    const before = fx.site.issue('IT-2')?.comments.length ?? 0;
    fx.emulator.faults.add({ route: 'addComment', fault: { kind: 'status', status: 500 }, times: 1 });
    const error = await jiraFailure(jira.addComment('IT-2', 'hello', { internal: true }));
    expect(error.kind).toBe('upstream');
    expect(error.status).toBe(500);
    expect(fx.site.issue('IT-2')?.comments.length).toBe(before);
  });

  it('reports malformed JSON as bad_response', async () => {
    fx.emulator.faults.add({ route: 'getIssueLinkTypes', fault: { kind: 'malformed' } });
    const error = await jiraFailure(jira.getIssueLinkTypes());
    expect(error.kind).toBe('bad_response');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('times out a hung request and retries it', async () => {
    jira = client(400);
    fx.emulator.faults.add({ route: 'getSla', fault: { kind: 'hang' } });
    const metrics = await jira.getSla('IT-1');
    expect(metrics.length).toBeGreaterThan(0);
    // At least the hung try was retried (a busy machine may time out a second one too).
    expect(waits.length).toBeGreaterThanOrEqual(1);
  });

  it('gives up on a route that never answers with upstream, status 0', async () => {
    jira = client(300, 3);
    fx.emulator.faults.add({ route: 'getServiceDesks', fault: { kind: 'hang' }, times: 10 });
    const error = await jiraFailure(jira.getServiceDesks());
    expect(error.kind).toBe('upstream');
    expect(error.status).toBe(0);
  });

  it('retries a dropped connection', async () => {
    fx.emulator.faults.add({ route: 'getMyself', fault: { kind: 'drop' } });
    await expect(jira.getMyself()).resolves.toMatchObject({ displayName: 'Triage Lens' });
  });

  it('answers late but correctly under a delay', async () => {
    fx.emulator.faults.add({ route: 'getMyself', fault: { kind: 'delay', ms: 100 } });
    await expect(jira.getMyself()).resolves.toMatchObject({ accountId: expect.any(String) as string });
  });

  it('lets a search page disappear (expired token) and a pager resume from its checkpoint', async () => {
    fx.emulator.faults.add({ route: 'searchJql', fault: { kind: 'expire-token' }, after: 2 });
    fx.emulator.faults.add({
      route: 'searchJql',
      fault: { kind: 'status', status: 503 },
      times: 2,
      after: 4,
    });
    fx.emulator.faults.add({ route: 'searchJql', fault: { kind: 'malformed' }, after: 6 });
    const jql = (since: number): string =>
      `project = IT AND created >= "${new Date(since).toISOString().slice(0, 16).replace('T', ' ')}" ORDER BY created ASC`;
    // A backfill-like pager: remembers the last created time it finished; restarts from there.
    const seen = new Map<string, number>();
    let checkpoint = 0;
    let token: string | undefined;
    let errors = 0;
    for (let guard = 0; guard < 200; guard++) {
      try {
        const page = await jira.searchIssues({
          jql: jql(checkpoint),
          fields: ['created'],
          maxResults: 25,
          nextPageToken: token,
        });
        for (const issue of page.issues) {
          seen.set(issue.key, (seen.get(issue.key) ?? 0) + 1);
          checkpoint = Math.max(checkpoint, Date.parse(String(issue.fields.created)) - 60_000);
        }
        token = page.nextPageToken;
        if (token === undefined) break;
      } catch (e) {
        if (!(e instanceof JiraError)) throw e;
        errors++;
        token = undefined;
      }
    }
    const all = fx.site
      .allIssues()
      .filter((i) => i.projectKey === 'IT')
      .map((i) => i.key);
    expect(errors).toBeGreaterThanOrEqual(2);
    expect([...seen.keys()].sort()).toEqual([...all].sort());
  });

  it('accepts fault rules over HTTP and validates them', async () => {
    const bad = await fetch(`${fx.emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'nope', fault: { kind: 'hang' } }),
    });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${fx.emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'getMyself', fault: { kind: 'status', status: 403 } }),
    });
    expect(ok.status).toBe(201);
    expect((await jiraFailure(jira.getMyself())).kind).toBe('forbidden');
    const cleared = await fetch(`${fx.emulator.url}/__emulator/faults`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    await expect(jira.getMyself()).resolves.toBeDefined();
  });
});
