/**
 * What the app predicted for each SLA cycle and how the cycle ended: the data behind the admin's
 * "SLA risk predicted vs breaches" metrics. One row per cycle (ticket, metric, cycle start), not
 * per reading, so an hourly sweep does not grow it with every open ticket every hour.
 */
import type { SlaBand } from '../../contracts/panel';

/** The bands a prediction can have: "breached" is an observation, not a prediction. */
export type PredictedBand = Exclude<SlaBand, 'breached'>;

export interface SlaCycleKey {
  ticketId: string;
  metricName: string;
  /** The cycle's start (epoch ms), as JSM reports it: tells repeated cycles of a metric apart. */
  cycleStart: number;
}

export interface SlaReading extends SlaCycleKey {
  issueKey: string;
  at: number;
  probability: number;
  band: PredictedBand;
  /** The cycle's goal and SLA-clock time used at this reading (ms): enough to replay it later. */
  goalMs: number;
  elapsedMs: number;
}

/** A cycle whose outcome is not known yet, with the highest band predicted so far. */
export interface PendingCycle extends SlaCycleKey {
  peakBand: PredictedBand;
}

/** Settled cycles since a time, counted for the admin page. */
export interface SlaOutcomeCounts {
  /** By the highest band predicted before the outcome. */
  byPeakBand: { band: PredictedBand; cycles: number; breached: number }[];
  /** By the first prediction's probability, in tenths (bin 0 is [0, 0.1), bin 9 is [0.9, 1]). */
  byFirstProbability: { bin: number; cycles: number; breached: number; probabilitySum: number }[];
}

/** A settled cycle as first read: what the SLA models learn from. */
export interface SettledCycle extends SlaCycleKey {
  /** When the first prediction was made. */
  at: number;
  goalMs: number;
  /** SLA-clock time used at the first prediction. */
  elapsedMs: number;
  breached: boolean;
}

export interface SlaOutcomeLog {
  /** Unsettled cycles of these tickets. */
  pending(ticketIds: readonly string[]): Promise<PendingCycle[]>;
  /**
   * Records a reading: the first one of a cycle becomes its first prediction; a later one only
   * raises the cycle's peak band. Nothing changes once the cycle is settled.
   */
  record(reading: SlaReading): Promise<void>;
  /** The cycle ended (or breached while running); false when it was not pending. */
  settle(key: SlaCycleKey, breached: boolean, at: number): Promise<boolean>;
  /** Drops pending cycles whose outcome can no longer be read (ticket or cycle gone). */
  drop(keys: readonly SlaCycleKey[]): Promise<void>;
  /** Tickets with a pending cycle that are no longer open (or no longer stored), by id. */
  pendingClosed(limit: number, after: string | null): Promise<string[]>;
  counts(sinceMs: number): Promise<SlaOutcomeCounts>;
  /** The newest `limit` settled cycles, oldest first (by their first prediction). */
  settled(limit: number): Promise<SettledCycle[]>;
  /** Retention: removes up to `limit` cycles settled before `cutoffMs`; returns how many. */
  purgeSettledBefore(cutoffMs: number, limit: number): Promise<number>;
}
