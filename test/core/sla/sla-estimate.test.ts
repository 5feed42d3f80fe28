import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { slaRiskModel } from '../../../src/core/sla/sla-risk-model';
import type { SlaMetric } from '../../../src/core/ports/jira';
import type { Ticket } from '../../../src/core/shared/ticket';
import { makeTicket } from '../../support/tickets';

const H = 3_600_000;
const NOW = 1_760_000_000_000;

/** `n` resolved High tickets, each taking 12 to 48 hours. */
function resolved(n: number): Ticket[] {
  return Array.from({ length: n }, (_, i) =>
    makeTicket({
      id: String(10_000 + i),
      key: `IT-${i + 1}`,
      priority: 'High',
      created: NOW - (100 + i) * H,
      resolved: NOW - (100 + i) * H + (12 + (i % 7) * 6) * H,
      status: 'Resolved',
      statusCategory: 'done',
    }),
  );
}

const metric = (name: string, elapsedH: number, goalH: number, paused = false): SlaMetric[] => [
  {
    id: '1',
    name,
    completedCycles: [],
    ongoingCycle: {
      startTime: NOW - elapsedH * H,
      stopTime: null,
      breachTime: null,
      breached: false,
      paused,
      withinCalendarHours: true,
      goalDuration: goalH * H,
      elapsedTime: elapsedH * H,
      remainingTime: (goalH - elapsedH) * H,
    },
  },
];
const resolution = (elapsedH: number, goalH: number) => metric('Time to resolution', elapsedH, goalH);
const open = makeTicket({ id: '30001', key: 'IT-500', priority: 'High', created: NOW - 10 * H });

describe('SLA estimate: never a made-up risk', () => {
  let db: SqlDatabase;
  let storage: SqlStorage;
  beforeEach(async () => {
    db = await openSqlite(':memory:');
    storage = createSqlStorage(db);
  });
  afterEach(() => db.close());

  it('before any model exists it is "still learning": the clock, no probability, no expected time', async () => {
    const risk = await slaRiskModel(storage).score(open, resolution(10, 30));
    expect(risk).toMatchObject({
      basis: 'learning',
      band: null,
      probability: null,
      expected: null,
      elapsedMs: 10 * H,
      remainingMs: 20 * H,
    });
  });

  it('a panel engine that scored before training uses the model another process trained since', async () => {
    let now = NOW;
    const panel = slaRiskModel(storage, { now: () => now });
    await panel.score(open, resolution(10, 30));
    const worker = slaRiskModel(storage, { now: () => now });
    await worker.train(resolved(120), NOW);
    // Within seconds (the stamp is re-read at most every 5 s), not never.
    now += 5_000;
    const seen = await panel.score(open, resolution(10, 30));
    expect(seen?.basis).toBe('history');
    expect(seen?.expected?.medianMs).toBeGreaterThan(0);
    expect(seen?.probability).toBeLessThan(1);
    // One reading, one source: the sweep (worker) and the panel agree exactly.
    expect(seen).toEqual(await worker.score(open, resolution(10, 30)));
  });

  it('a model trained on too little history says so and shows no 0 min estimate', async () => {
    const engine = slaRiskModel(storage);
    await engine.train(resolved(3), NOW);
    const risk = await engine.score(open, resolution(10, 30));
    expect(risk).toMatchObject({ basis: 'prior', priorReason: 'little-history', historyCount: 3 });
    expect(risk?.probability).toBeNull();
    expect(risk?.expected).toBeNull();
    expect(risk).toMatchObject({ goalMs: 30 * H, elapsedMs: 10 * H, remainingMs: 20 * H });
  });

  it('an empty history (e.g. a training that found no resolved tickets) is not a 100 % risk', async () => {
    const engine = slaRiskModel(storage);
    await engine.train([], NOW);
    const risk = await engine.score(open, resolution(10, 30));
    expect(risk?.probability).toBeNull();
    expect(risk?.expected).toBeNull();
    expect(risk?.basis).toBe('prior');
  });

  it('a first-response goal is not estimated from resolution history, and says so', async () => {
    const engine = slaRiskModel(storage);
    await engine.train(resolved(120), NOW);
    const risk = await engine.score(open, metric('Time to first response', 1, 4));
    expect(risk).toMatchObject({
      metricKind: 'first-response',
      basis: 'prior',
      priorReason: 'not-modelled',
      probability: null,
      expected: null,
    });
    expect(risk).toMatchObject({ goalMs: 4 * H, elapsedMs: 1 * H, remainingMs: 3 * H });
  });

  it('a first-response goal is estimated from completed first-response cycles, not from resolution times', async () => {
    const engine = slaRiskModel(storage);
    // First responses take 30 min to 2 h 30 min; resolutions 12 to 48 h.
    const responses = resolved(120).map((t, i) => ({
      ticketId: t.id,
      ms: (0.5 + (i % 5) * 0.5) * H,
      priority: t.priority,
      type: t.requestType ?? t.issueType,
    }));
    await engine.train(resolved(120), NOW, responses);
    const fresh = makeTicket({ id: '30002', key: 'IT-501', priority: 'High', created: NOW });
    const risk = await engine.score(fresh, metric('Time to first response', 0, 4));
    expect(risk).toMatchObject({ metricKind: 'first-response', basis: 'history', historyCount: 120 });
    expect(risk?.expected?.medianMs).toBeGreaterThanOrEqual(1 * H);
    expect(risk?.expected?.medianMs).toBeLessThanOrEqual(2 * H);
    expect(risk?.expected?.highMs).toBeLessThanOrEqual(3 * H);
    // Nearly every first response came within the 4 h goal.
    expect(risk?.probability).toBeLessThan(0.2);
    // Tickets without a completed first response teach nothing; too few is "little history".
    const sparse = slaRiskModel(storage);
    await sparse.train(resolved(120), NOW, [
      ...responses.slice(0, 5),
      ...responses.slice(5).map((r) => ({ ...r, ms: null })),
    ]);
    await expect(sparse.score(fresh, metric('Time to first response', 0, 4))).resolves.toMatchObject({
      basis: 'prior',
      priorReason: 'little-history',
      historyCount: 5,
      expected: null,
    });
  });

  it('requests still waiting for a first response count as "at least this long": a long wait is no 0 % risk', async () => {
    const engine = slaRiskModel(storage);
    const responses = resolved(120).map((t, i) => ({
      ticketId: t.id,
      // A few answered only after 20 h: the history reaches past the wait below.
      ms: i % 40 === 0 ? 20 * H : (0.5 + (i % 5) * 0.5) * H,
      priority: t.priority,
      type: t.requestType ?? t.issueType,
    }));
    // Open requests nobody has answered yet, waiting 10 to 40 h.
    await storage.tickets.upsertMany(
      Array.from({ length: 40 }, (_, i) =>
        makeTicket({
          id: String(40_000 + i),
          key: `IT-${700 + i}`,
          priority: 'High',
          created: NOW - (10 + i * 0.75) * H,
        }),
      ),
    );
    await engine.train(resolved(120), NOW, responses);
    const waited = makeTicket({ id: '30003', key: 'IT-502', priority: 'High', created: NOW - 15 * H });
    const risk = await engine.score(waited, metric('Time to first response', 15, 24));
    expect(risk).toMatchObject({ metricKind: 'first-response', basis: 'history', historyCount: 120 });
    expect(risk?.probability).toBeGreaterThan(0.1);
  });

  it('a ticket older than every ticket in history gets no expected time rather than 0 min', async () => {
    const engine = slaRiskModel(storage);
    await engine.train(resolved(120), NOW);
    const risk = await engine.score(open, resolution(70, 100));
    expect(risk?.basis).toBe('history');
    expect(risk?.expected).toBeNull();
    expect(risk?.drivers).toContainEqual({ code: 'beyond-history' });
  });
});
