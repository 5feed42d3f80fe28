import type { ResolverResult } from '../../src/contracts/common';
import { ProblemCandidates } from '../../src/contracts/problem-candidates';
import { RESOLVERS } from '../../src/contracts/resolvers';
import type { Ticket } from '../../src/core/shared/ticket';
import { makeTicket } from '../support/tickets';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const PRINTER = [
  'Printer on floor 3 jams, paper stuck in tray 2',
  'Floor 3 printer jams again, paper stuck in tray 2',
  'Paper jam: the printer on floor 3 is stuck at tray 2',
];

/** A burst of printer-jam reports, `hoursAgo` before now, keys HELP-<n> (no demo project uses HELP). */
function jam(n: number, createdAt: number, over: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    id: String(900_000 + n),
    key: `HELP-${n}`,
    projectKey: 'HELP',
    summary: PRINTER[n % PRINTER.length] as string,
    description:
      'The printer on floor 3 shows a paper jam in tray 2 and prints nothing; the queue keeps growing.',
    issueType: 'Incident',
    created: createdAt,
    updated: createdAt,
    ...over,
  });
}

function data(result: ResolverResult<unknown>): ProblemCandidates {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return ProblemCandidates.parse(result.data);
}

describe('problem candidates on an installed site', () => {
  let h: Harness;
  let now: number;
  const list = async (app = h.app) =>
    data(await app.resolvers[RESOLVERS.adminRecurring]({}, { accountId: h.users.admin }));
  const dismiss = (firstKey: unknown, app = h.app) =>
    app.resolvers[RESOLVERS.adminRecurringDismiss]({ firstKey }, { accountId: h.users.admin });
  const jamsOf = (c: ProblemCandidates) => c.candidates.filter((x) => x.firstKey.startsWith('HELP-'));

  beforeAll(async () => {
    h = await startHarness({
      quickTraining: true,
      tickets: 120,
      trigger: false,
      config: { recurring: { minTickets: 3, windowHours: 24 } },
    });
    await installAndTrain(h);
    now = h.site.now();
    // Jira must know the HELP issues: the list shows only tickets it lets the admin see.
    const model = h.site.allIssues()[0];
    if (!model) throw new Error('no issue');
    const app = { kind: 'app' as const };
    while ((h.site.issue('HELP-600') ?? null) === null)
      h.site.createIssue({ ...model, projectKey: 'HELP', securityLevelId: null }, app);
    // Four reports within three hours, two days ago.
    await h.storage.tickets.upsertMany([0, 1, 2, 3].map((i) => jam(i + 1, now - 48 * HOUR + i * HOUR)));
  });
  afterAll(() => h.close());

  it('groups at least N similar tickets within T hours, with terms, members and first/last seen', async () => {
    const result = await list();
    expect(result).toMatchObject({ minTickets: 3, windowHours: 24, lookbackDays: 30, truncated: false });
    expect(result.scanned).toBeGreaterThanOrEqual(4);
    const [cluster, ...others] = jamsOf(result);
    expect(others).toEqual([]);
    expect(cluster?.members.map((m) => m.key)).toEqual(['HELP-1', 'HELP-2', 'HELP-3', 'HELP-4']);
    expect(cluster?.members[0]?.summary).toBe(PRINTER[1]);
    expect(cluster?.size).toBe(4);
    expect(cluster?.firstSeen).toBe(new Date(now - 48 * HOUR).toISOString());
    expect(cluster?.lastSeen).toBe(new Date(now - 45 * HOUR).toISOString());
    expect(cluster?.terms.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['printer']));
    expect(cluster?.problemLinked).toBe(false);
  });

  it('shows an admin only the members Jira lets them see, and no candidate of a desk they cannot browse', async () => {
    const help = (key: string) => {
      const found = h.site.issue(key);
      if (!found) throw new Error(`${key} missing`);
      return found;
    };
    const issue = help('HELP-1');
    try {
      // A security level nobody is in hides the earliest member: the rest still make a candidate.
      h.site.securityLevels.set('77', { id: '77', name: 'Board', projectKey: 'HELP', memberIds: [] });
      issue.securityLevelId = '77';
      const [cluster] = jamsOf(await list(h.twin()));
      expect(cluster?.firstKey).toBe('HELP-2');
      expect(cluster?.members.map((m) => m.key)).toEqual(['HELP-2', 'HELP-3', 'HELP-4']);
      expect(cluster?.size).toBe(3);
      expect(cluster?.firstSeen).toBe(new Date(now - 47 * HOUR).toISOString());
      // Hiding the earliest member does not name it to a dismissal either.
      expect(await dismiss('HELP-1', h.twin())).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // Fewer visible members than the admin's N: no candidate for this viewer.
      help('HELP-2').securityLevelId = '77';
      expect(jamsOf(await list(h.twin()))).toEqual([]);
      // An admin outside the HELP desk's roles sees none of it.
      issue.securityLevelId = null;
      help('HELP-2').securityLevelId = null;
      h.site.setProjectAccess({ projectKey: 'HELP', accountIds: [h.users.agent] });
      expect(jamsOf(await list(h.twin()))).toEqual([]);
    } finally {
      h.site.projectAccess.delete('HELP');
      issue.securityLevelId = null;
      help('HELP-2').securityLevelId = null;
      h.site.securityLevels.delete('77');
    }
    expect(jamsOf(await list(h.twin()))[0]?.size).toBe(4);
  });

  it("follows the admin's N and T", async () => {
    const base = { ...(await h.config.load()) };
    try {
      await h.config.save({ ...base, recurring: { minTickets: 5, windowHours: 24 } });
      expect(jamsOf(await list(h.twin()))).toEqual([]);
      // Four reports over three hours: a one-hour window never holds three of them.
      await h.config.save({ ...base, recurring: { minTickets: 3, windowHours: 1 } });
      expect(jamsOf(await list(h.twin()))).toEqual([]);
    } finally {
      await h.config.save(base);
    }
  });

  it('says when a problem ticket links the cluster, by link type or by the linked ticket', async () => {
    await h.storage.tickets.upsert(
      jam(2, now - 47 * HOUR, {
        updated: now,
        links: [{ key: 'HELP-500', type: 'Problem/Incident', direction: 'inward' }],
      }),
    );
    let [cluster] = jamsOf(await list());
    expect(cluster?.problemLinked).toBe(true);
    expect(cluster?.problemKeys).toEqual(['HELP-500']);

    // An old problem ticket (outside the look-back), linked as "Relates" from a member.
    await h.storage.tickets.upsert(
      jam(2, now - 47 * HOUR, {
        updated: now + 1,
        links: [{ key: 'HELP-600', type: 'Relates', direction: 'outward' }],
      }),
    );
    expect(jamsOf(await list())[0]?.problemLinked).toBe(false);
    await h.storage.tickets.upsert(
      makeTicket({
        id: '900600',
        key: 'HELP-600',
        projectKey: 'HELP',
        issueType: 'Problem',
        created: now - 90 * 24 * HOUR,
      }),
    );
    [cluster] = jamsOf(await list());
    expect(cluster?.problemLinked).toBe(true);
    expect(cluster?.problemKeys).toEqual(['HELP-600']);
    await h.storage.tickets.upsert(jam(2, now - 47 * HOUR, { updated: now + 2 }));
  });

  it('shows hostile ticket text as plain strings and pollutes nothing', async () => {
    const hostile = '__proto__ <script>alert(1)</script> printer floor 3 jams paper stuck tray 2';
    await h.storage.tickets.upsert(jam(3, now - 46 * HOUR, { updated: now + 3, summary: hostile }));
    const [cluster] = jamsOf(await list());
    expect(cluster?.members.find((m) => m.key === 'HELP-3')?.summary).toBe(hostile);
    expect(cluster?.terms.every((t) => typeof t === 'string')).toBe(true);
    expect(({} as Record<string, unknown>).alert).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses a dismissal of something that is not a current candidate', async () => {
    for (const bad of ['__proto__', '<script>', 'HELP-0', { key: 'HELP-1' }, ['HELP-1']])
      expect(await dismiss(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dismiss('HELP-2')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(jamsOf(await list())).toHaveLength(1);
  });

  it('remembers a dismissal across app instances until new tickets make it a different incident', async () => {
    const answer = data(await dismiss('HELP-1'));
    expect(jamsOf(answer)).toEqual([]);
    expect(answer.dismissed).toBe(1);
    // Another invocation (a later page load) reads the dismissal from the database.
    const later = await list(h.twin());
    expect(jamsOf(later)).toEqual([]);
    expect(later.dismissed).toBe(1);
    const audit = await h.storage.audit.query({ limit: 5, issueKey: 'HELP-1' });
    expect(audit.items[0]).toMatchObject({ action: 'problem-candidate-dismiss', actor: h.users.admin });

    // One more report is the same incident: still dismissed.
    await h.storage.tickets.upsert(jam(5, now - 44 * HOUR));
    expect(jamsOf(await list(h.twin()))).toEqual([]);
    // Twice as many reports and then some: it is recurring harder than when it was judged.
    await h.storage.tickets.upsertMany([6, 7, 8, 9].map((n) => jam(n, now - 44 * HOUR + n * 60_000)));
    const [back] = jamsOf(await list(h.twin()));
    expect(back?.size).toBe(9);
  });

  it('keeps both of two dismissals made at the same moment by two invocations', async () => {
    const badge = (n: number, hours: number) =>
      jam(n, now - hours * HOUR, {
        summary: 'Badge reader at entrance B rejects every access card',
        description:
          'The badge reader at entrance B flashes red and rejects every access card since the night.',
      });
    await h.storage.tickets.upsertMany([badge(20, 30), badge(21, 29), badge(22, 28)]);
    await h.storage.tickets.upsertMany([10, 11, 12].map((n) => jam(n, now - 10 * HOUR + n * 60_000)));
    // Two new incidents beside the printer cluster that came back above.
    const before = jamsOf(await list());
    expect(before.map((c) => c.firstKey).sort()).toEqual(['HELP-1', 'HELP-10', 'HELP-20']);
    const answers = await Promise.all([dismiss('HELP-10', h.app), dismiss('HELP-20', h.twin())]);
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    const after = await list(h.twin());
    expect(jamsOf(after).map((c) => c.firstKey)).toEqual(['HELP-1']);
    expect(after.dismissed).toBe(3);
  });

  it('treats an unreadable stored dismissal state as none, and a dismissal overwrites it', async () => {
    const stored = await h.storage.state.get('recurring-dismissals');
    await h.storage.state.compareAndSet('recurring-dismissals', stored?.revision ?? 0, {
      kind: 'other',
      dismissed: 7,
    });
    const result = await list();
    expect(result.dismissed).toBe(0);
    expect(
      jamsOf(result)
        .map((c) => c.firstKey)
        .sort(),
    ).toEqual(['HELP-1', 'HELP-10', 'HELP-20']);
    expect(data(await dismiss('HELP-1')).dismissed).toBe(1);
    expect(
      jamsOf(await list())
        .map((c) => c.firstKey)
        .sort(),
    ).toEqual(['HELP-10', 'HELP-20']);
  });
});

describe('problem candidates on an empty store', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 20, trigger: false });
  });
  afterAll(() => h.close());

  it('lists nothing and dismisses nothing', async () => {
    const result = data(await h.app.resolvers[RESOLVERS.adminRecurring]({}, { accountId: h.users.admin }));
    expect(result).toEqual({
      candidates: [],
      minTickets: 3,
      windowHours: 24,
      lookbackDays: 30,
      scanned: 0,
      truncated: false,
      dismissed: 0,
    });
    const dismissed = await h.app.resolvers[RESOLVERS.adminRecurringDismiss](
      { firstKey: 'IT-1' },
      { accountId: h.users.admin },
    );
    expect(dismissed).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
