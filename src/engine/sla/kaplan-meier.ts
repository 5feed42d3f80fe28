import { InputError } from '../errors';

/**
 * Kaplan–Meier survival curve of time to resolution. Resolved tickets are events; tickets still
 * open are censored at their current age, so a slow open backlog counts as "at least this long"
 * instead of being dropped (which would make the desk look faster than it is).
 */
export interface Duration {
  /** SLA-clock time from start to resolution, or to now when still open (ms). */
  ms: number;
  resolved: boolean;
}

export interface SurvivalCurve {
  /** Distinct event times, ascending (ms). */
  times: number[];
  /** S(t) just after each event time; S = 1 before the first. */
  survival: number[];
  /** Tickets behind the curve (resolved + censored). */
  count: number;
  /** Largest time observed (event or censoring): beyond it the curve is a guess. */
  horizon: number;
}

export function kaplanMeier(durations: readonly Duration[]): SurvivalCurve {
  const valid = durations.filter((d) => Number.isFinite(d.ms) && d.ms >= 0);
  if (valid.length !== durations.length) {
    throw new InputError(
      'bad_value',
      'durations must be finite and non-negative (clean history before fitting)',
    );
  }
  // At equal times, events come before censorings (the usual KM convention).
  const sorted = [...valid].sort((a, b) => a.ms - b.ms || Number(b.resolved) - Number(a.resolved));
  const times: number[] = [];
  const survival: number[] = [];
  let atRisk = sorted.length;
  let s = 1;
  let i = 0;
  while (i < sorted.length) {
    const t = (sorted[i] as Duration).ms;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && (sorted[i] as Duration).ms === t) {
      if ((sorted[i] as Duration).resolved) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      times.push(t);
      survival.push(s);
    }
    atRisk -= leaving;
  }
  return {
    times,
    survival,
    count: sorted.length,
    horizon: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] as Duration).ms,
  };
}

/** S(t): the share of tickets still unresolved after t. Non-increasing in t. */
export function survivalAt(curve: SurvivalCurve, t: number): number {
  let lo = 0;
  let hi = curve.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((curve.times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : (curve.survival[lo - 1] as number);
}
