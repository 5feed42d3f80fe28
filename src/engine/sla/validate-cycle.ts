import type { SlaCycle } from './types';

/** Ten years: no SLA goal or clock is longer; anything past it is a unit or data error. */
export const ABSURD_MS = 10 * 365 * 24 * 3_600_000;

/** Why a cycle cannot be scored, or null when it can. */
export function cycleProblem(cycle: SlaCycle): string | null {
  const { goalMs, elapsedMs, remainingMs } = cycle;
  if (![goalMs, elapsedMs, remainingMs].every(Number.isFinite))
    return 'goal, elapsed or remaining time is not a number';
  if (goalMs <= 0) return `goal must be positive (got ${goalMs} ms)`;
  if (elapsedMs < 0) return `elapsed time is negative (${elapsedMs} ms)`;
  if (goalMs > ABSURD_MS || elapsedMs > ABSURD_MS || Math.abs(remainingMs) > ABSURD_MS) {
    return 'a duration exceeds ten years: check the unit (ms expected)';
  }
  return null;
}
