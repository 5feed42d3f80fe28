import { InputError } from '../errors';

/** One ticket's stay in the queues it counts for (e.g. its team's and its assignee's). */
export interface QueueStay {
  keys: readonly string[];
  created: number;
  /** null while still open. */
  resolved: number | null;
}

export interface UsualLoadOptions {
  /** The end of the window (ms). */
  now: number;
  /** Window length in days (default 56: eight weeks, so weekdays and weekends both count). */
  days?: number;
  /** Sample times per day (default 4: every 6 hours). */
  samplesPerDay?: number;
  /** A queue needs this many samples since its first ticket to have a usual load (default 7 days' worth). */
  minSamples?: number;
}

/**
 * The usual open load of each queue: the median, over regular sample times in the window, of
 * how many of its tickets were open then (created at or before, not yet resolved). A queue's
 * samples start at its first ticket, so a team that started last week is not averaged with
 * weeks it did not exist. Queues with fewer samples than `minSamples` are left out: "usual"
 * needs some history. Tickets only say where they ended up, so a ticket counts for its final
 * team and assignee throughout.
 */
export function usualOpenLoad(stays: readonly QueueStay[], options: UsualLoadOptions): Map<string, number> {
  const perDay = options.samplesPerDay ?? 4;
  const days = options.days ?? 56;
  const minSamples = options.minSamples ?? perDay * 7;
  if (!Number.isFinite(options.now) || !(perDay >= 1) || !(days >= 1) || !(minSamples >= 1)) {
    throw new InputError('bad_argument', 'now must be a time; days, samplesPerDay and minSamples ≥ 1');
  }
  const step = 86_400_000 / Math.floor(perDay);
  const count = Math.floor(days * perDay);
  const start = options.now - (count - 1) * step;
  // Sample j is at start + j·step. A stay covers the samples with created ≤ t < resolved.
  const firstAtOrAfter = (t: number): number => Math.max(0, Math.ceil((t - start) / step));
  const diffs = new Map<string, { diff: Int32Array; first: number }>();
  for (const s of stays) {
    if (!Number.isFinite(s.created)) continue;
    const from = firstAtOrAfter(s.created);
    const resolved = s.resolved ?? Number.POSITIVE_INFINITY;
    const to = Number.isFinite(resolved) ? Math.min(count, firstAtOrAfter(resolved)) : count;
    for (const key of new Set(s.keys)) {
      let d = diffs.get(key);
      if (d === undefined) {
        d = { diff: new Int32Array(count + 1), first: count };
        diffs.set(key, d);
      }
      d.first = Math.min(d.first, Math.min(from, count));
      if (from >= to) continue;
      d.diff[from] = (d.diff[from] ?? 0) + 1;
      d.diff[to] = (d.diff[to] ?? 0) - 1;
    }
  }
  const usual = new Map<string, number>();
  for (const [key, { diff, first }] of diffs) {
    if (count - first < minSamples) continue;
    const samples: number[] = [];
    let open = 0;
    for (let j = 0; j < count; j++) {
      open += diff[j] ?? 0;
      if (j >= first) samples.push(open);
    }
    usual.set(key, median(samples));
  }
  return usual;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
