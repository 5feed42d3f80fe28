import { RESOLVERS } from '../../src/contracts/resolvers';
import { OPEN_LOAD_NAME } from '../../src/core/compute';
import { OPEN_TEAM_LOAD_NAME } from '../../src/core/sla-sweep';
import { parseStoredSuggestions } from '../../src/core/suggestions';
import type { Ticket } from '../../src/core/ticket';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

describe('SLA sweep', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 400, trigger: false, config: { sla: { riskThreshold: 0.3 } } });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  async function auditedRisks(): Promise<string[]> {
    const result = await h.app.resolvers[RESOLVERS.adminAudit](
      { action: 'sla-risk', limit: 200 },
      { accountId: h.users.admin },
    );
    if (!result.ok) throw new Error(result.error.message);
    return (result.data as { entries: { issueKey: string }[] }).entries.map((e) => e.issueKey).sort();
  }

  it('re-scores every open ticket and marks those over the threshold once', async () => {
    await h.app.scheduled.slaSweep();
    await h.queue.drain();
    const open = h.site.allIssues().filter((i) => i.statusCategory !== 'done');
    expect(open.length).toBeGreaterThan(0);
    expect((await h.storage.jobs.get('sla-sweep'))?.status).toMatchObject({
      state: 'done',
      processed: open.length,
    });

    const flagged: string[] = [];
    for (const issue of open) {
      const row = await h.storage.suggestions.get(issue.id, parseStoredSuggestions);
      const risk = row?.value.sla?.risk;
      if (risk === undefined) continue;
      expect(row?.value.slaFlagged).toBe(risk.probability >= 0.3);
      if (row?.value.slaFlagged === true) flagged.push(issue.key);
    }
    expect(flagged.length).toBeGreaterThan(0);
    expect(await auditedRisks()).toEqual(flagged.sort());

    // A second sweep (scheduled triggers may run twice) marks nothing new.
    await h.app.scheduled.slaSweep();
    await h.queue.drain();
    expect(await auditedRisks()).toEqual(flagged.sort());
  });

  it('leaves routing an open-load snapshot counting open tickets per assignee', async () => {
    const loaded = await h.storage.models.load(OPEN_LOAD_NAME, 1);
    if (loaded.status !== 'ok') throw new Error(`snapshot ${loaded.status}`);
    const counts = new Map(JSON.parse(String(loaded.payload)) as [string, number][]);
    const expected = new Map<string, number>();
    for (const i of h.site.allIssues()) {
      if (i.statusCategory !== 'done' && i.assigneeId !== null)
        expected.set(i.assigneeId, (expected.get(i.assigneeId) ?? 0) + 1);
    }
    expect(counts).toEqual(expected);
  });

  it('leaves the SLA engine an open-tickets-per-team snapshot', async () => {
    const loaded = await h.storage.models.load(OPEN_TEAM_LOAD_NAME, 1);
    if (loaded.status !== 'ok') throw new Error(`snapshot ${loaded.status}`);
    const counts = new Map(JSON.parse(String(loaded.payload)) as [string, number][]);
    const open: Ticket[] = [];
    let after: string | null = null;
    do {
      const page = await h.storage.tickets.listOpen({ limit: 500, after });
      open.push(...page.items);
      after = page.next;
    } while (after !== null);
    const expected = new Map<string, number>();
    for (const t of open) if (t.team !== null) expected.set(t.team, (expected.get(t.team) ?? 0) + 1);
    expect(expected.size).toBeGreaterThan(1);
    expect(counts).toEqual(expected);
  });
});
