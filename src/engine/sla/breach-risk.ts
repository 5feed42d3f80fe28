import type { Calibrator } from '../tabular/calibration';
import { calibrate } from '../tabular/calibration';
import { logit } from '../tabular/sparse';
import { heuristicBand, heuristicScore } from './heuristic';
import type { RiskBlend } from './risk-blend';
import { blendRisk } from './risk-blend';
import type { BlendedCurve, ResolutionModel } from './resolution-model';
import { blendFor, blendHorizon, blendedSurvival } from './resolution-model';
import type { ExpectedResolution, SlaBand, SlaCycle, SlaDriver, SlaRiskInput, SlaRiskResult } from './types';
import { cycleProblem } from './validate-cycle';

export interface BreachRiskOptions {
  /** Probability from which a ticket is "at risk" / "likely breach" (defaults 0.3 / 0.6). */
  bands?: { atRisk: number; likelyBreach: number };
  /**
   * How strongly queue load slows resolution: the rate at which tickets get resolved is divided
   * by ratio^elasticity, clamped to 0.5–3 (default 0.3, a damped prior, not fitted: a queue twice
   * as long resolves at ~81 % of its usual rate). Scaling the rate (proportional hazards) rather
   * than stretching the clock keeps the risk from ever falling as the load rises, whatever the
   * shape of the history: P(still open) becomes P^(1/factor).
   */
  loadElasticity?: number;
  /** Maps the raw survival probability (as a logit) to a calibrated one; see fitRiskCalibrator. */
  calibrator?: Calibrator;
  /** Remaining-goal share below which the heuristic says "at risk" (default 0.25). */
  heuristicShare?: number;
  /** Stacks the survival risk with `input.fieldProbability` (used instead of `calibrator`). */
  blend?: RiskBlend;
}

const SURVIVAL_FLOOR = 1e-9;

function loadFactor(input: SlaRiskInput, elasticity: number): { factor: number; driver: SlaDriver | null } {
  const ratios: { who: 'team' | 'assignee'; ratio: number }[] = [];
  const { load } = input;
  const add = (who: 'team' | 'assignee', open?: number, usual?: number): void => {
    if (
      open !== undefined &&
      usual !== undefined &&
      open >= 0 &&
      usual > 0 &&
      Number.isFinite(usual) &&
      Number.isFinite(open / usual)
    ) {
      ratios.push({ who, ratio: open / usual });
    }
  };
  add('team', load?.teamOpen, load?.teamUsualOpen);
  add('assignee', load?.assigneeOpen, load?.assigneeUsualOpen);
  if (ratios.length === 0) return { factor: 1, driver: null };
  // The busier of the two queues is the one the ticket waits in.
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const factor = Math.min(3, Math.max(0.5, worst.ratio ** elasticity));
  const notable = worst.ratio >= 1.5 || worst.ratio <= 0.67;
  return { factor, driver: notable ? { code: 'queue-load', who: worst.who, ratio: worst.ratio } : null };
}

/** Conditional survival S(t)/S(e); NaN when S(e) is ~0. */
function conditional(blend: BlendedCurve, elapsed: number, t: number): number {
  const base = blendedSurvival(blend, elapsed);
  if (base < SURVIVAL_FLOOR) return Number.NaN;
  return blendedSurvival(blend, t) / base;
}

/**
 * Time from now by which the share `q` of tickets like this one are resolved (bisection): the
 * first t with conditional(t)^(1/factor) ≤ 1 − q, i.e. conditional(t) ≤ (1 − q)^factor.
 */
function quantileFromNow(
  blend: BlendedCurve,
  factor: number,
  elapsed: number,
  q: number,
): { ms: number; openEnded: boolean } {
  const horizon = blendHorizon(blend);
  const level = (1 - q) ** factor;
  if (horizon <= elapsed || conditional(blend, elapsed, horizon) > level) {
    return { ms: Math.max(0, horizon - elapsed), openEnded: true };
  }
  let lo = elapsed;
  let hi = horizon;
  for (let i = 0; i < 50 && hi - lo > 1000; i++) {
    const mid = (lo + hi) / 2;
    if (conditional(blend, elapsed, mid) <= level) hi = mid;
    else lo = mid;
  }
  return { ms: hi - elapsed, openEnded: false };
}

export function bandFor(probability: number, bands: { atRisk: number; likelyBreach: number }): SlaBand {
  if (probability >= bands.likelyBreach) return 'likely-breach';
  if (probability >= bands.atRisk) return 'at-risk';
  return 'on-track';
}

/** The uncalibrated breach probability: P(not resolved within the remaining time | open now). */
export function rawBreachProbability(
  model: ResolutionModel,
  input: SlaRiskInput,
  options: BreachRiskOptions = {},
): number {
  const { factor } = loadFactor(input, options.loadElasticity ?? 0.3);
  return breachFromCurve(blendFor(model, input.segments), factor, input.cycle as SlaCycle).raw;
}

/** The raw breach probability from an already blended curve and load factor. */
function breachFromCurve(
  blend: BlendedCurve,
  factor: number,
  cycle: SlaCycle,
): { raw: number; beyondHistory: boolean } {
  const remaining = Math.max(0, cycle.remainingMs);
  const stillOpen = conditional(blend, cycle.elapsedMs, cycle.elapsedMs + remaining);
  // Older than every ticket in history: the curve says nothing, so use the remaining-time share.
  if (Number.isNaN(stillOpen)) return { raw: heuristicScore(cycle), beyondHistory: true };
  return { raw: stillOpen ** (1 / factor), beyondHistory: false };
}

/**
 * Breach risk of one SLA metric on one ticket. Monotone: with everything else equal, more
 * remaining time never raises the probability and more queue load never lowers it (the survival
 * curve is non-increasing, P^(1/factor) grows with the factor, and the calibrator and the blend
 * are non-decreasing in the raw score).
 */
export function scoreBreachRisk(
  model: ResolutionModel,
  input: SlaRiskInput,
  options: BreachRiskOptions = {},
): SlaRiskResult {
  const { metricName, cycle } = input;
  if (cycle === null)
    return { status: 'no-sla', metricName, reason: 'this ticket has no SLA on this metric' };
  const problem = cycleProblem(cycle);
  if (problem !== null) return { status: 'invalid', metricName, reason: problem };
  const bands = options.bands ?? { atRisk: 0.3, likelyBreach: 0.6 };
  const blend = blendFor(model, input.segments);
  const { factor, driver: loadDriver } = loadFactor(input, options.loadElasticity ?? 0.3);
  const expected = expectedResolution(blend, factor, cycle.elapsedMs);
  const heuristic = { band: heuristicBand(cycle, options.heuristicShare) };
  const base = {
    status: 'scored' as const,
    metricName,
    goalMs: cycle.goalMs,
    elapsedMs: cycle.elapsedMs,
    remainingMs: cycle.remainingMs,
    paused: cycle.paused,
    expected,
    heuristic,
  };
  if (cycle.breached || cycle.remainingMs <= 0) {
    return { ...base, probability: 1, band: 'breached', drivers: [{ code: 'breached' }] };
  }
  const { raw, beyondHistory: beyond } = breachFromCurve(blend, factor, cycle);
  const probability =
    options.blend && input.fieldProbability !== undefined && Number.isFinite(input.fieldProbability)
      ? blendRisk(options.blend, raw, input.fieldProbability)
      : options.calibrator
        ? calibrate(options.calibrator, logit(raw))
        : raw;
  const drivers: SlaDriver[] = [];
  if (beyond) drivers.push({ code: 'beyond-history' });
  else {
    drivers.push({
      code: 'similar-take',
      segment: input.segmentLabel ?? blend.finestKey ?? 'all tickets',
      medianMs: expected.medianMs,
      remainingMs: cycle.remainingMs,
      support: blend.support,
    });
  }
  if (loadDriver) drivers.push(loadDriver);
  if (cycle.elapsedMs / cycle.goalMs >= 0.5)
    drivers.push({ code: 'goal-used', share: cycle.elapsedMs / cycle.goalMs });
  if (cycle.paused) drivers.push({ code: 'paused' });
  if (!cycle.withinCalendarHours) drivers.push({ code: 'outside-hours' });
  if (blend.support < 10) drivers.push({ code: 'little-history', support: blend.support });
  return { ...base, probability, band: bandFor(probability, bands), drivers: drivers.slice(0, 6) };
}

function expectedResolution(blend: BlendedCurve, factor: number, elapsed: number): ExpectedResolution {
  const low = quantileFromNow(blend, factor, elapsed, 0.1);
  const median = quantileFromNow(blend, factor, elapsed, 0.5);
  const high = quantileFromNow(blend, factor, elapsed, 0.9);
  return { lowMs: low.ms, medianMs: median.ms, highMs: high.ms, openEnded: high.openEnded };
}
