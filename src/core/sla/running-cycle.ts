import type { SlaCycle } from '../../engine/sla';
import type { JsmSlaCycle, SlaMetric } from '../ports/jira';

/** The most urgent running cycle: least remaining time first. */
export function runningCycle(metrics: readonly SlaMetric[]): { name: string; cycle: JsmSlaCycle } | null {
  const running = metrics.flatMap((m) =>
    m.ongoingCycle && m.ongoingCycle.goalDuration !== null ? [{ name: m.name, cycle: m.ongoingCycle }] : [],
  );
  running.sort((a, b) => (a.cycle.remainingTime ?? 0) - (b.cycle.remainingTime ?? 0));
  return running[0] ?? null;
}

/** JSM's cycle as the engine reads its SLA clock. */
export function clockOf(c: JsmSlaCycle): SlaCycle {
  const goalMs = c.goalDuration ?? 0;
  return {
    goalMs,
    elapsedMs: c.elapsedTime,
    remainingMs: c.remainingTime ?? goalMs - c.elapsedTime,
    paused: c.paused,
    withinCalendarHours: c.withinCalendarHours,
    breached: c.breached,
  };
}
