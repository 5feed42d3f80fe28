import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { slaRiskModel } from '../../../src/core/sla/sla-risk-model';
import { STORAGE_KEYS } from '../../../src/core/ports/storage-keys';
import type { FieldTicket } from '../../../src/engine/sla';
import { FIELD_MODEL_FORMAT, fieldProbability, MIN_LABELLED, trainFieldModel } from '../../../src/engine/sla';
import type { SlaMetric } from '../../../src/core/ports/jira';
import type { SettledCycle } from '../../../src/core/ports/sla-outcomes';
import type { Ticket } from '../../../src/core/shared/ticket';
import { createRng } from '../../../src/engine/util';
import { makeTicket } from '../../support/tickets';

const H = 3_600_000;
const NOW = 1_760_000_000_000;
const METRIC = 'Time to resolution';

/**
 * A desk where the Network team breaches its resolution SLA most of the time and Payroll
 * rarely, while both take the same time in the history (so survival alone cannot tell them apart).
 */
function desk(n: number, seed = 3): { tickets: Ticket[]; cycles: SettledCycle[] } {
  const rng = createRng(seed);
  const tickets: Ticket[] = [];
  const cycles: SettledCycle[] = [];
  for (let i = 0; i < n; i++) {
    const team = i % 2 === 0 ? 'Network' : 'Payroll';
    const created = NOW - 60 * 24 * H + i * 2 * H;
    tickets.push(
      makeTicket({
        id: String(50_000 + i),
        key: `IT-${i + 1}`,
        priority: 'High',
        team,
        created,
        updated: created + (6 + (i % 5) * 6) * H,
        resolved: created + (6 + (i % 5) * 6) * H,
        status: 'Resolved',
        statusCategory: 'done',
      }),
    );
    cycles.push({
      ticketId: String(50_000 + i),
      metricName: METRIC,
      cycleStart: created,
      at: created + H,
      goalMs: 24 * H,
      elapsedMs: H,
      breached: rng() < (team === 'Network' ? 0.8 : 0.1),
    });
  }
  return { tickets, cycles };
}

const segmentsOf = (t: Pick<Ticket, 'priority'>) => [`priority=${t.priority ?? '-'}`];

describe('SLA field model (trainFieldModel)', () => {
  it('learns what breaches from the fields and blends it with survival', () => {
    const { tickets, cycles } = desk(400);
    const byId = new Map<string, FieldTicket>(tickets.map((t) => [t.id, t]));
    const fitted = trainFieldModel(cycles, byId, tickets, segmentsOf);
    if (!fitted) throw new Error('expected a field model');
    expect(fitted.labelled).toBe(400);
    expect(fitted.held).toBe(60);
    const network = fieldProbability(fitted.model, { ...tickets[0]!, team: 'Network' }, METRIC);
    const payroll = fieldProbability(fitted.model, { ...tickets[0]!, team: 'Payroll' }, METRIC);
    expect(network).toBeGreaterThan(0.6);
    expect(payroll).toBeLessThan(0.3);
    // The field view carries the signal here, so the blend gives it weight.
    expect(fitted.model.blend.b).toBeGreaterThan(0.1);
  });

  it('learns a team × priority interaction (boosted trees, chosen by cross-validation)', () => {
    // Only Network's High tickets breach often: no one field carries the whole effect.
    const { tickets, cycles } = desk(1200, 5);
    const rng = createRng(9);
    const mixed = tickets.map((t, i) => ({ ...t, priority: i % 4 < 2 ? 'High' : 'Low' }));
    const labelled = cycles.map((c, i) => {
      const t = mixed[i]!;
      const hard = t.team === 'Network' && t.priority === 'High';
      return { ...c, breached: rng() < (hard ? 0.85 : 0.1) };
    });
    const fitted = trainFieldModel(labelled, new Map(mixed.map((t) => [t.id, t])), mixed, segmentsOf);
    if (!fitted) throw new Error('expected a field model');
    expect(fitted.model.classifier.choice.model).not.toBe('linear');
    const p = (team: string, priority: string) =>
      fieldProbability(fitted.model, { ...mixed[0]!, team, priority }, METRIC);
    expect(p('Network', 'High')).toBeGreaterThan(0.7);
    expect(p('Payroll', 'Low')).toBeLessThan(0.2);
    expect(p('Network', 'Low')).toBeLessThan(0.2);
    expect(p('Payroll', 'High')).toBeLessThan(0.2);
  });

  it('stays survival-only with too few settled cycles or a single outcome', () => {
    const small = desk(MIN_LABELLED - 1);
    expect(
      trainFieldModel(small.cycles, new Map(small.tickets.map((t) => [t.id, t])), small.tickets, segmentsOf),
    ).toBeNull();
    const { tickets, cycles } = desk(400);
    const allMet = cycles.map((c) => ({ ...c, breached: false }));
    expect(trainFieldModel(allMet, new Map(tickets.map((t) => [t.id, t])), tickets, segmentsOf)).toBeNull();
    // Cycles whose tickets are gone are left out, not guessed at.
    expect(trainFieldModel(cycles, new Map(), tickets, segmentsOf)).toBeNull();
  });
});

describe('SLA engine with recorded outcomes', () => {
  let db: SqlDatabase;
  let storage: SqlStorage;
  beforeEach(async () => {
    db = await openSqlite(':memory:');
    storage = createSqlStorage(db);
  });
  afterEach(() => db.close());

  const running: SlaMetric[] = [
    {
      id: '1',
      name: METRIC,
      completedCycles: [],
      ongoingCycle: {
        startTime: NOW - 2 * H,
        stopTime: null,
        breachTime: null,
        breached: false,
        paused: false,
        withinCalendarHours: true,
        goalDuration: 24 * H,
        elapsedTime: 2 * H,
        remainingTime: 22 * H,
      },
    },
  ];

  async function record(cycles: readonly SettledCycle[], tickets: readonly Ticket[]) {
    for (const [i, c] of cycles.entries()) {
      await storage.slaOutcomes.record({
        ...c,
        issueKey: tickets[i]!.key,
        probability: 0.5,
        band: 'at-risk',
      });
      await storage.slaOutcomes.settle(c, c.breached, c.at + 30 * H);
    }
  }

  it('scores a team that usually breaches as riskier once enough outcomes are recorded', async () => {
    const { tickets, cycles } = desk(300);
    const open = (team: string) =>
      makeTicket({ id: '60001', key: 'IT-999', priority: 'High', team, created: NOW - 2 * H });
    const engine = slaRiskModel(storage, { now: () => NOW });
    await engine.train(tickets, NOW);
    const before = [
      await engine.score(open('Network'), running),
      await engine.score(open('Payroll'), running),
    ];
    expect(before[0]?.probability).toBeCloseTo(before[1]!.probability!, 12);
    expect((await storage.models.load(STORAGE_KEYS.slaFields.name, 1)).status).toBe('absent');

    await record(cycles, tickets);
    await engine.train(tickets, NOW);
    const network = await engine.score(open('Network'), running);
    const payroll = await engine.score(open('Payroll'), running);
    expect(network!.probability!).toBeGreaterThan(payroll!.probability! + 0.2);
    // A fresh engine (the next invocation) reads the stored field model.
    const reloaded = await slaRiskModel(storage, { now: () => NOW }).score(open('Network'), running);
    expect(reloaded?.probability).toBeCloseTo(network!.probability!, 12);
  });

  it('an unreadable stored field model falls back to survival only', async () => {
    const { tickets } = desk(300);
    const engine = slaRiskModel(storage, { now: () => NOW });
    await engine.train(tickets, NOW);
    const open = makeTicket({
      id: '60001',
      key: 'IT-999',
      priority: 'High',
      team: 'Network',
      created: NOW - 2 * H,
    });
    const survivalOnly = await engine.score(open, running);
    await storage.models.save(
      STORAGE_KEYS.slaFields.name,
      '{"classifier": {"kind": "nonsense"}, "blend": {}}',
      FIELD_MODEL_FORMAT,
    );
    const fresh = await slaRiskModel(storage, { now: () => NOW }).score(open, running);
    expect(fresh?.probability).toBeCloseTo(survivalOnly!.probability!, 12);
  });
});
