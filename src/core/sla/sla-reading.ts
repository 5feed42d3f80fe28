import type { SlaDriver as EngineDriver, SlaCycle as EngineCycle, SlaRiskResult } from '../../engine/sla';
import type { SlaDriver, SlaMetricKind, SlaPriorReason, SlaRisk } from '../../contracts/panel';

/*
 * The engine's SLA result as the panel's reading (src/contracts/panel.ts): codes and numbers
 * only, the UI words them.
 */

/** Fewer resolved tickets than this in the whole history and no time is estimated from it. */
export const MIN_RESOLVED_HISTORY = 20;

/** A history segment key ("priority=High|type=VPN") as its parts; "(all tickets)" has none. */
function segmentOf(key: string): { priority: string | null; type: string | null } {
  const parts = new Map(
    key.split('|').flatMap((p) => {
      const at = p.indexOf('=');
      return at < 0 ? [] : [[p.slice(0, at), p.slice(at + 1)] as const];
    }),
  );
  const value = (k: string): string | null => {
    const v = parts.get(k);
    return v === undefined || v === '' || v === '-' ? null : v.slice(0, 200);
  };
  return { priority: value('priority'), type: value('type') };
}

function driverOf(d: EngineDriver): SlaDriver {
  switch (d.code) {
    case 'similar-take':
      return {
        code: d.code,
        segment: segmentOf(d.segment),
        medianMs: d.medianMs,
        remainingMs: d.remainingMs,
      };
    case 'queue-load':
      return { code: d.code, who: d.who, ratio: d.ratio };
    case 'goal-used':
      return { code: d.code, share: d.share };
    case 'little-history':
      return { code: d.code, support: d.support };
    default:
      return { code: d.code };
  }
}

interface Clock {
  metricName: string;
  metricKind: SlaMetricKind;
  cycle: EngineCycle;
  historyCount: number;
}

function clockFields({ metricName, metricKind, cycle, historyCount }: Clock) {
  return {
    metricName,
    metricKind,
    historyCount,
    goalMs: Math.max(0, cycle.goalMs),
    elapsedMs: Math.max(0, cycle.elapsedMs),
    remainingMs: cycle.remainingMs,
    paused: cycle.paused,
  };
}

/**
 * The facts of the clock that stand whatever the model: breached, paused, off calendar hours
 * (the share of the goal used is the reading's own line, not repeated as a driver).
 */
function clockDrivers(cycle: EngineCycle): SlaDriver[] {
  const breached = cycle.breached || cycle.remainingMs <= 0;
  return [
    ...(breached ? [{ code: 'breached' as const }] : []),
    ...(cycle.paused ? [{ code: 'paused' as const }] : []),
    ...(!cycle.withinCalendarHours ? [{ code: 'outside-hours' as const }] : []),
  ];
}

/**
 * No estimate from history: before any model ("learning"), or with a stated prior (too little
 * history, or a metric not modelled). The clock is shown as JSM reports it; no probability and
 * no expected time are made up.
 */
export function unestimatedReading(
  clock: Clock,
  basis: 'learning' | 'prior',
  priorReason: SlaPriorReason | null,
): SlaRisk {
  const breached = clock.cycle.breached || clock.cycle.remainingMs <= 0;
  return {
    ...clockFields(clock),
    basis,
    priorReason: basis === 'prior' ? priorReason : null,
    band: breached ? 'breached' : null,
    probability: null,
    expected: null,
    // The reason itself (and historyCount) is in priorReason; drivers are the clock's facts.
    drivers: clockDrivers(clock.cycle),
  };
}

/** The model's estimate; the expected time is withheld when the ticket is older than all history. */
export function estimatedReading(
  clock: Clock,
  result: Extract<SlaRiskResult, { status: 'scored' }>,
): SlaRisk {
  const e = result.expected;
  const beyond = e.openEnded && e.medianMs >= e.highMs;
  return {
    ...clockFields(clock),
    basis: 'history',
    priorReason: null,
    band: result.band,
    probability: Math.min(1, Math.max(0, result.probability)),
    expected: beyond ? null : { medianMs: e.medianMs, lowMs: e.lowMs, highMs: e.highMs },
    drivers: result.drivers.slice(0, 6).map(driverOf),
  };
}
