import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { slaRiskModel } from '../../../src/core/sla/sla-risk-model';
import type { SlaMetric } from '../../../src/core/ports/jira';
import { STORAGE_KEYS } from '../../../src/core/ports/storage-keys';
import { writeStateDoc } from '../../../src/core/shared/state-docs';
import type { Ticket } from '../../../src/core/shared/ticket';
import { makeTicket } from '../../support/tickets';

const H = 3_600_000;
const NOW = 1_760_000_000_000;

/**
 * Ten weeks of a Network team: a ticket every 12 hours, each resolved 24 hours later, so two
 * are open at almost any time; its two agents take turns (one open each). Beside it, tickets
 * of no team that take 12 to 48 hours give the resolution history its spread.
 */
function history(): Ticket[] {
  const ticket = (i: number, created: number, hours: number, over: Partial<Ticket>) =>
    makeTicket({
      id: String(20_000 + i),
      key: `IT-${i + 1}`,
      priority: 'High',
      created,
      updated: created + hours * H,
      resolved: created + hours * H,
      status: 'Resolved',
      statusCategory: 'done',
      ...over,
    });
  const start = NOW - 70 * 24 * H;
  return Array.from({ length: 140 }, (_, i) => [
    ticket(i, start + i * 12 * H, 24, { team: 'Network', assigneeId: i % 2 === 0 ? 'agent-a' : 'agent-b' }),
    ticket(1000 + i, start + i * 12 * H, 12 + (i % 7) * 6, {}),
  ]).flat();
}

const running = (elapsedH: number, goalH: number): SlaMetric[] => [
  {
    id: '1',
    name: 'Time to resolution',
    completedCycles: [],
    ongoingCycle: {
      startTime: NOW - elapsedH * H,
      stopTime: null,
      breachTime: null,
      breached: false,
      paused: false,
      withinCalendarHours: true,
      goalDuration: goalH * H,
      elapsedTime: elapsedH * H,
      remainingTime: (goalH - elapsedH) * H,
    },
  },
];

describe('SLA engine wiring: queue load now against usual', () => {
  let db: SqlDatabase;
  let storage: SqlStorage;
  let now = NOW;
  beforeEach(async () => {
    db = await openSqlite(':memory:');
    storage = createSqlStorage(db);
    now = NOW;
  });
  afterEach(() => db.close());

  const engine = () => slaRiskModel(storage, { now: () => now });
  const open = makeTicket({
    id: '30001',
    key: 'IT-500',
    priority: 'High',
    team: 'Network',
    assigneeId: 'agent-a',
    created: NOW - 10 * H,
  });

  async function snapshot(teams: [string, number][], assignees: [string, number][]) {
    await writeStateDoc(storage, STORAGE_KEYS.openTeamLoad, teams);
    await writeStateDoc(storage, STORAGE_KEYS.openLoad, assignees);
  }

  it('names a team queue at three times its usual size and rates the ticket riskier', async () => {
    const trained = engine();
    await trained.train(history(), NOW);
    await snapshot([['Network', 2]], [['agent-a', 1]]);
    const calm = await engine().score(open, running(10, 30));
    await snapshot([['Network', 6]], [['agent-a', 1]]);
    const busy = await engine().score(open, running(10, 30));
    expect(calm?.drivers.some((d) => d.code === 'queue-load')).toBe(false);
    expect(busy?.drivers).toContainEqual({ code: 'queue-load', who: 'team', ratio: 3 });
    expect(busy!.probability!).toBeGreaterThan(calm!.probability!);
    // Codes and numbers only: the same reading for every viewer, whatever their locale.
    expect(await engine().score(open, running(10, 30))).toEqual(busy);
  });

  it("the assignee's own queue counts when it is the busier one", async () => {
    await engine().train(history(), NOW);
    await snapshot([['Network', 2]], [['agent-a', 4]]);
    const risk = await engine().score(open, running(10, 30));
    expect(risk?.drivers).toContainEqual({ code: 'queue-load', who: 'assignee', ratio: 4 });
  });

  it('a team with no history, or no sweep yet, scores as if load were usual', async () => {
    const e = engine();
    await e.train(history(), NOW);
    const unknownTeam = { ...open, team: 'Payroll', assigneeId: null };
    const noSnapshot = await e.score(unknownTeam, running(10, 30));
    await snapshot([['Payroll', 40]], []);
    const withSnapshot = await engine().score(unknownTeam, running(10, 30));
    expect(withSnapshot?.probability).toBeCloseTo(noSnapshot!.probability!, 12);
    expect(withSnapshot?.drivers.some((d) => d.code === 'queue-load')).toBe(false);
    // A fresh engine (another process) reads the stored model.
    const fresh = await slaRiskModel(createSqlStorage(db), { now: () => now }).score(open, running(10, 30));
    expect(fresh?.probability).toBeGreaterThanOrEqual(0);
    expect(fresh?.probability).toBeLessThanOrEqual(1);
  });

  it('re-reads the snapshot after a minute, not on every score', async () => {
    const e = engine();
    await e.train(history(), NOW);
    await snapshot([['Network', 2]], []);
    const before = await e.score(open, running(10, 30));
    await snapshot([['Network', 8]], []);
    expect((await e.score(open, running(10, 30)))?.probability).toBe(before?.probability);
    now += 61_000;
    const after = await e.score(open, running(10, 30));
    expect(after?.drivers).toContainEqual({ code: 'queue-load', who: 'team', ratio: 4 });
  });

  it('counts stored open tickets as still running: a slow backlog raises the risk', async () => {
    await engine().train(history(), NOW);
    const without = await engine().score(open, running(10, 30));
    for (let i = 0; i < 60; i++) {
      await storage.tickets.upsert(
        makeTicket({
          id: String(40_000 + i),
          key: `IT-${900 + i}`,
          priority: 'High',
          created: NOW - 200 * H,
        }),
      );
    }
    await engine().train(history(), NOW);
    const withBacklog = await engine().score(open, running(10, 30));
    expect(withBacklog!.probability!).toBeGreaterThan(without!.probability!);
  });

  it('a damaged snapshot is ignored, not thrown', async () => {
    await engine().train(history(), NOW);
    await storage.state.compareAndSet('open-team-load', 0, [['Network', 'many']]);
    const risk = await engine().score(open, running(10, 30));
    expect(risk?.drivers.some((d) => d.code === 'queue-load')).toBe(false);
  });

  it('reads the snapshots an older version kept in the model store until the next sweep rewrites them', async () => {
    await engine().train(history(), NOW);
    await storage.models.save('snapshot:open-team-load', JSON.stringify([['Network', 6]]), 1);
    await storage.models.save('snapshot:open-load', JSON.stringify([['agent-a', 1]]), 1);
    const risk = await engine().score(open, running(10, 30));
    expect(risk?.drivers.some((d) => d.code === 'queue-load' && d.who === 'team')).toBe(true);
  });

  it('a damaged snapshot under the old model-store key is ignored too', async () => {
    await engine().train(history(), NOW);
    await storage.models.save('snapshot:open-team-load', '[["Network", "many"]', 1);
    const risk = await engine().score(open, running(10, 30));
    expect(risk?.drivers.some((d) => d.code === 'queue-load')).toBe(false);
  });
});
