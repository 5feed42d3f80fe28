import { parseDate } from '../data/parse-date';
import type { SlaCycle } from './types';

/**
 * Builds an SLA cycle from wall-clock timestamps, for sources that give times instead of JSM's
 * SLA-clock millis. Times are compared as instants (ISO offsets applied), so a DST change between
 * start and now neither adds nor loses an hour. Returns a reason instead when the times are
 * unreadable or run backwards.
 */
export function cycleFromTimes(input: {
  startedAt: string;
  now: string;
  goalMs: number;
  /** SLA-clock time spent paused so far (ms). */
  pausedMs?: number;
  paused?: boolean;
}): { cycle: SlaCycle } | { problem: string } {
  const start = parseDate(input.startedAt);
  const now = parseDate(input.now);
  if (Number.isNaN(start) || Number.isNaN(now))
    return { problem: 'start or current time is not a readable date' };
  const elapsedMs = now - start - (input.pausedMs ?? 0);
  if (elapsedMs < 0)
    return {
      problem: `the SLA clock would run backwards (${elapsedMs} ms): check start, now and paused time`,
    };
  const remainingMs = input.goalMs - elapsedMs;
  return {
    cycle: {
      goalMs: input.goalMs,
      elapsedMs,
      remainingMs,
      paused: input.paused ?? false,
      withinCalendarHours: true,
      breached: remainingMs < 0,
    },
  };
}
