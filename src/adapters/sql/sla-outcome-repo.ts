import type { ExpressionBuilder, Kysely } from 'kysely';
import type {
  PendingCycle,
  SettledCycle,
  PredictedBand,
  SlaCycleKey,
  SlaOutcomeCounts,
  SlaOutcomeLog,
  SlaReading,
} from '../../core/ports/sla-outcomes';
import type { SqlDatabase } from './dialect';
import { num, slices } from './dialect';
import type { Database } from './schema';

/** A row of `tl_sla_predictions` (migration 020): one SLA cycle the app predicted. */
export interface SlaPredictionRow {
  ticket_id: string;
  metric: string;
  cycle_start: number;
  issue_key: string;
  /** The cycle's goal and the clock time used at the first reading: enough to replay it. */
  goal_ms: number;
  first_elapsed_ms: number;
  first_ms: number;
  /** Probabilities in parts per million: the schema keeps to integer types all three databases share. */
  first_ppm: number;
  /** 0–9: the first probability's tenth, for the reliability table. */
  first_bin: number;
  peak_ppm: number;
  /** Rank of the highest band predicted: 0 on-track, 1 at-risk, 2 likely-breach. */
  peak_rank: number;
  /** 1 breached, 0 met; NULL while pending. */
  outcome: number | null;
  settled_ms: number | null;
}

type Schema = Database & { tl_sla_predictions: SlaPredictionRow };
type Db = Kysely<Schema>;

/** WHERE on one cycle's key. */
const cycleIs = (key: SlaCycleKey) => (eb: ExpressionBuilder<Schema, 'tl_sla_predictions'>) =>
  eb.and([
    eb('ticket_id', '=', key.ticketId),
    eb('metric', '=', key.metricName.slice(0, 200)),
    eb('cycle_start', '=', key.cycleStart),
  ]);

const BANDS: readonly PredictedBand[] = ['on-track', 'at-risk', 'likely-breach'];
const rankOf = (band: PredictedBand): number => BANDS.indexOf(band);
const finite = (x: number): number => (Number.isFinite(x) ? x : 0);
const ppm = (p: number): number => Math.round(Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0)) * 1e6);

/** Predicted SLA cycles and their outcomes, for the admin's predicted-vs-breached metrics. */
export class SqlSlaOutcomeLog implements SlaOutcomeLog {
  private readonly db: Db;

  constructor(private readonly sqlDb: SqlDatabase) {
    this.db = sqlDb.db.withTables<{ tl_sla_predictions: SlaPredictionRow }>();
  }

  async pending(ticketIds: readonly string[]): Promise<PendingCycle[]> {
    const out: PendingCycle[] = [];
    for (const part of slices([...new Set(ticketIds)], this.sqlDb.maxParams)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('tl_sla_predictions')
        .select(['ticket_id', 'metric', 'cycle_start', 'peak_rank'])
        .where('ticket_id', 'in', part)
        .where('settled_ms', 'is', null)
        .execute();
      for (const r of rows) {
        out.push({
          ticketId: r.ticket_id,
          metricName: r.metric,
          cycleStart: num(r.cycle_start),
          peakBand: BANDS[num(r.peak_rank)] ?? 'on-track',
        });
      }
    }
    return out;
  }

  async record(reading: SlaReading): Promise<void> {
    const probability = ppm(reading.probability);
    const rank = rankOf(reading.band);
    const inserted = await this.db
      .insertInto('tl_sla_predictions')
      .ignore()
      .values({
        ticket_id: reading.ticketId,
        metric: reading.metricName.slice(0, 200),
        cycle_start: reading.cycleStart,
        issue_key: reading.issueKey.slice(0, 40),
        goal_ms: Math.round(finite(reading.goalMs)),
        first_elapsed_ms: Math.round(finite(reading.elapsedMs)),
        first_ms: reading.at,
        first_ppm: probability,
        first_bin: Math.min(9, Math.floor(probability / 100_000)),
        peak_ppm: probability,
        peak_rank: rank,
        outcome: null,
        settled_ms: null,
      })
      .executeTakeFirst();
    if (num(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return;
    // Already recorded: only a higher band moves the peak (one conditional UPDATE, race-free).
    await this.db
      .updateTable('tl_sla_predictions')
      .set({ peak_ppm: probability, peak_rank: rank })
      .where(cycleIs(reading))
      .where('settled_ms', 'is', null)
      .where('peak_rank', '<', rank)
      .execute();
  }

  async settle(key: SlaCycleKey, breached: boolean, at: number): Promise<boolean> {
    const r = await this.db
      .updateTable('tl_sla_predictions')
      .set({ outcome: breached ? 1 : 0, settled_ms: at })
      .where(cycleIs(key))
      .where('settled_ms', 'is', null)
      .executeTakeFirst();
    return num(r.numUpdatedRows) > 0;
  }

  async drop(keys: readonly SlaCycleKey[]): Promise<void> {
    for (const key of keys) {
      await this.db
        .deleteFrom('tl_sla_predictions')
        .where(cycleIs(key))
        .where('settled_ms', 'is', null)
        .execute();
    }
  }

  async pendingClosed(limit: number, after: string | null): Promise<string[]> {
    let q = this.db
      .selectFrom('tl_sla_predictions as p')
      .leftJoin('tl_tickets as t', 't.id', 'p.ticket_id')
      .select('p.ticket_id')
      .distinct()
      .where('p.settled_ms', 'is', null)
      .where((eb) => eb.or([eb('t.is_open', 'is', null), eb('t.is_open', '=', 0)]))
      .orderBy('p.ticket_id')
      .limit(Math.max(1, Math.min(1000, Math.floor(limit))));
    if (after !== null) q = q.where('p.ticket_id', '>', after);
    return (await q.execute()).map((r) => r.ticket_id);
  }

  async counts(sinceMs: number): Promise<SlaOutcomeCounts> {
    const settled = this.db.selectFrom('tl_sla_predictions').where('settled_ms', '>=', sinceMs);
    const [byPeak, byFirst] = await Promise.all([
      settled
        .select(['peak_rank', 'outcome', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['peak_rank', 'outcome'])
        .execute(),
      settled
        .select([
          'first_bin',
          'outcome',
          (eb) => eb.fn.countAll().as('n'),
          (eb) => eb.fn.sum('first_ppm').as('s'),
        ])
        .groupBy(['first_bin', 'outcome'])
        .execute(),
    ]);
    const bands = BANDS.map((band) => ({ band, cycles: 0, breached: 0 }));
    for (const r of byPeak) {
      const row = bands[num(r.peak_rank)];
      if (row === undefined) continue;
      row.cycles += num(r.n);
      if (num(r.outcome) === 1) row.breached += num(r.n);
    }
    const bins = new Map<number, SlaOutcomeCounts['byFirstProbability'][number]>();
    for (const r of byFirst) {
      const bin = num(r.first_bin);
      const row = bins.get(bin) ?? { bin, cycles: 0, breached: 0, probabilitySum: 0 };
      row.cycles += num(r.n);
      row.probabilitySum += num(r.s) / 1e6;
      if (num(r.outcome) === 1) row.breached += num(r.n);
      bins.set(bin, row);
    }
    return {
      byPeakBand: bands,
      byFirstProbability: [...bins.values()].sort((a, b) => a.bin - b.bin),
    };
  }

  async settled(limit: number): Promise<SettledCycle[]> {
    const rows = await this.db
      .selectFrom('tl_sla_predictions')
      .select(['ticket_id', 'metric', 'cycle_start', 'first_ms', 'goal_ms', 'first_elapsed_ms', 'outcome'])
      .where('settled_ms', 'is not', null)
      .orderBy('first_ms', 'desc')
      .orderBy('ticket_id', 'desc')
      .limit(Math.max(1, Math.min(100_000, Math.floor(limit))))
      .execute();
    return rows.reverse().map((r) => ({
      ticketId: r.ticket_id,
      metricName: r.metric,
      cycleStart: num(r.cycle_start),
      at: num(r.first_ms),
      goalMs: num(r.goal_ms),
      elapsedMs: num(r.first_elapsed_ms),
      breached: num(r.outcome) === 1,
    }));
  }

  async purgeSettledBefore(cutoffMs: number, limit: number): Promise<number> {
    const old = await this.db
      .selectFrom('tl_sla_predictions')
      .select(['ticket_id', 'metric', 'cycle_start'])
      .where('settled_ms', '<', cutoffMs)
      .limit(Math.max(1, Math.min(1000, Math.floor(limit))))
      .execute();
    for (const r of old) {
      await this.db
        .deleteFrom('tl_sla_predictions')
        .where(cycleIs({ ticketId: r.ticket_id, metricName: r.metric, cycleStart: num(r.cycle_start) }))
        .execute();
    }
    return old.length;
  }
}
