import type { SlaBand, SlaCycle } from './types';

/**
 * The remaining-time rule JSM's own colours follow: at risk once less than `share` of the goal
 * is left, breached once nothing is. Kept beside the model as a baseline.
 */
export function heuristicBand(cycle: SlaCycle, share = 0.25): SlaBand {
  if (cycle.breached || cycle.remainingMs <= 0) return 'breached';
  return cycle.remainingMs < share * cycle.goalMs ? 'at-risk' : 'on-track';
}

/** A score for ranking by the same rule (share of the goal used), for AUC beside the model. */
export function heuristicScore(cycle: SlaCycle): number {
  if (cycle.breached || cycle.remainingMs <= 0) return 1;
  return Math.min(1, Math.max(0, 1 - cycle.remainingMs / cycle.goalMs));
}
