import { localJiraClients } from '../../../src/local/adapters/http-jira-transport';
import { errorForStatus } from '../../../src/adapters/jira/request-core';
import type { JiraClientFactory, JiraPort, SearchIssuesRequest } from '../../../src/core/ports/jira';
import { AppError } from '../../../src/core/shared/errors';
import { solutionExcerpt } from '../../../src/core/panel/panel';
import type { Ticket } from '../../../src/core/shared/ticket';
import { keepVisible, ViewerChecks, VISIBILITY_TTL_MS } from '../../../src/core/shared/visibility';
import { startFixture, type EmulatorFixture } from '../../local/emulator/fixture';

let fx: EmulatorFixture;
let jira: JiraClientFactory;
let searches: SearchIssuesRequest[];
let now: number;

/** The emulator's clients, counting the searches made as a user. */
function counting(inner: JiraClientFactory): JiraClientFactory {
  return {
    asApp: () => inner.asApp(),
    asUser: (accountId) => {
      const port = inner.asUser(accountId);
      return {
        ...port,
        searchIssues: (request) => {
          searches.push(request);
          return port.searchIssues(request);
        },
      };
    },
  };
}

const userOf = (kind: 'agent' | 'admin' | 'customer') => {
  const u = fx.demo.site.users.find((x) => x.kind === kind);
  if (!u) throw new Error(`no ${kind}`);
  return u.accountId;
};

beforeAll(async () => {
  fx = await startFixture(120);
  jira = counting(localJiraClients({ baseUrl: fx.emulator.url }));
});
afterAll(async () => {
  await fx.emulator.close();
});
beforeEach(() => {
  searches = [];
  now = 1_000_000;
  fx.site.projectAccess.clear();
});

describe('ViewerChecks.visibleKeys', () => {
  it('keeps exactly the keys Jira shows the viewer, dropping hidden, deleted and malformed ones', async () => {
    const [mine, theirs] = [...new Set(fx.site.allIssues().map((i) => i.projectKey))];
    fx.site.setProjectAccess({ projectKey: theirs ?? '', accountIds: [] });
    const own = fx.site
      .allIssues()
      .filter((i) => i.projectKey === mine)
      .slice(0, 3)
      .map((i) => i.key);
    const foreign = fx.site
      .allIssues()
      .filter((i) => i.projectKey === theirs)
      .slice(0, 2)
      .map((i) => i.key);
    const checks = new ViewerChecks(jira, () => now);
    const asked = [...own, ...foreign, 'ZZ-404', 'not a key) OR (1', own[0]?.toLowerCase() ?? ''];
    expect([...(await checks.visibleKeys(userOf('agent'), asked))].sort()).toEqual([...own].sort());
    // One refusal naming the hidden keys, then one search for the rest.
    expect(searches).toHaveLength(2);
    expect(searches.every((s) => !s.jql.includes('not a key'))).toBe(true);
  });

  it('answers from its cache for a while, per viewer, then asks Jira again', async () => {
    const keys = fx.site
      .allIssues()
      .slice(0, 5)
      .map((i) => i.key);
    const checks = new ViewerChecks(jira, () => now);
    await checks.visibleKeys(userOf('agent'), keys);
    await checks.visibleKeys(userOf('agent'), keys.slice(1));
    expect(searches).toHaveLength(1);
    await checks.visibleKeys(userOf('admin'), keys);
    expect(searches).toHaveLength(2);
    // A permission taken away shows once the cached answer has expired.
    fx.site.setProjectAccess({ projectKey: fx.site.issue(keys[0] ?? '')?.projectKey ?? '', accountIds: [] });
    expect((await checks.visibleKeys(userOf('agent'), keys)).size).toBe(5);
    now += VISIBILITY_TTL_MS;
    expect((await checks.visibleKeys(userOf('agent'), keys)).has(keys[0] ?? '')).toBe(false);
  });

  it('splits a refusal that names no key until every key is settled', async () => {
    const visible = new Set(['IT-1', 'IT-3', 'IT-8']);
    let calls = 0;
    const vague: JiraPort = {
      searchIssues: (request: SearchIssuesRequest) => {
        calls++;
        const keys = /\((.*)\)/.exec(request.jql)?.[1]?.split(', ') ?? [];
        if (keys.some((k) => !visible.has(k)))
          throw errorForStatus(
            400,
            '{"errorMessages":["Error in the JQL Query."]}',
            'POST /rest/api/3/search/jql',
          );
        return Promise.resolve({ issues: keys.map((key, i) => ({ id: String(i), key, fields: {} })) });
      },
    } as unknown as JiraPort;
    const checks = new ViewerChecks({ asUser: () => vague, asApp: () => vague }, () => now);
    const asked = Array.from({ length: 10 }, (_, i) => `IT-${i + 1}`);
    expect([...(await checks.visibleKeys('u1', asked))].sort()).toEqual([...visible].sort());
    expect(calls).toBeLessThanOrEqual(24);
  });

  it('throws what is not a refusal of keys (nothing is shown on a failed check)', async () => {
    const down = {
      searchIssues: () => Promise.reject(errorForStatus(503, '', 'POST /rest/api/3/search/jql')),
    } as unknown as JiraPort;
    const checks = new ViewerChecks({ asUser: () => down, asApp: () => down }, () => now);
    await expect(checks.visibleKeys('u1', ['IT-1'])).rejects.toMatchObject({ kind: 'upstream' });
  });

  it('keepVisible filters items in their order', async () => {
    const keys = fx.site
      .allIssues()
      .slice(0, 4)
      .map((i) => i.key);
    fx.site.setProjectAccess({ projectKey: fx.site.issue(keys[1] ?? '')?.projectKey ?? '', accountIds: [] });
    const checks = new ViewerChecks(jira, () => now);
    const items = keys.map((key, i) => ({ key, i }));
    const kept = await keepVisible(checks, userOf('agent'), items, (x) => x.key);
    const expected = items.filter(
      (x) => fx.site.issue(x.key)?.projectKey !== fx.site.issue(keys[1] ?? '')?.projectKey,
    );
    expect(kept).toEqual(expected);
  });
});

describe('ViewerChecks.requireAgent', () => {
  it('refuses a portal customer and lets agents and admins through', async () => {
    const checks = new ViewerChecks(jira, () => now);
    await expect(checks.requireAgent(userOf('agent'))).resolves.toBeUndefined();
    await expect(checks.requireAgent(userOf('admin'))).resolves.toBeUndefined();
    const refusal = await checks.requireAgent(userOf('customer')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'forbidden' });
  });
});

describe('solutionExcerpt', () => {
  const ticket = (comments: { body: string; internal: boolean }[]) =>
    ({ comments: comments.map((c, i) => ({ ...c, authorId: 'a', created: i })) }) as unknown as Ticket;

  it('takes the last public reply, never a later internal note', () => {
    const t = ticket([
      { body: 'Reset the token.', internal: false },
      { body: 'Internal: customer is on the watch list.', internal: true },
    ]);
    expect(solutionExcerpt(t, true)).toBe('Reset the token.');
    expect(solutionExcerpt(t, false)).toBe('Reset the token.');
  });

  it('falls back to an internal note only for a viewer who may read it', () => {
    const t = ticket([{ body: 'Internal: replaced the board.', internal: true }]);
    expect(solutionExcerpt(t, true)).toBe('Internal: replaced the board.');
    expect(solutionExcerpt(t, false)).toBe('');
  });
});
