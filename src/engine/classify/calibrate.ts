import { operatingPoint } from '../eval/operating-point';
import { softmax } from './scores';

/** Scores of one held-back ticket and the index of its true class. */
export interface HeldOutScore {
  scores: Float64Array;
  actual: number;
}

function negLogLikelihood(items: readonly HeldOutScore[], temperature: number): number {
  let nll = 0;
  for (const it of items) nll -= Math.log(Math.max(softmax(it.scores, temperature)[it.actual] ?? 0, 1e-12));
  return nll;
}

/**
 * Temperature scaling (Guo et al., ICML 2017): the one scalar T that minimises the held-back
 * negative log-likelihood of softmax(scores / T). Golden-section search on log T.
 */
export function fitTemperature(items: readonly HeldOutScore[]): number {
  if (items.length === 0) return 1;
  let lo = Math.log(0.01);
  let hi = Math.log(10);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = negLogLikelihood(items, Math.exp(a));
  let fb = negLogLikelihood(items, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = negLogLikelihood(items, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = negLogLikelihood(items, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** One held-back prediction: the predicted class, its probability, and whether it was right. */
export interface ScoredOutcome {
  predicted: number;
  probability: number;
  correct: boolean;
}

/** A threshold that is never reached: the class always abstains. */
export const NEVER = 1.000001;

/**
 * Per class, the lowest probability threshold at which that class's predictions reach the
 * target precision (on held-back, i.e. out-of-fold, predictions). Classes that never reach it get NEVER.
 */
export function precisionThresholds(
  outcomes: readonly ScoredOutcome[],
  classes: number,
  target: number,
): Float32Array {
  const out = new Float32Array(classes).fill(NEVER);
  for (let c = 0; c < classes; c++)
    out[c] = thresholdFor(
      outcomes.filter((o) => o.predicted === c),
      target,
    );
  return out;
}

/**
 * Lowest threshold whose top slice reaches `target` precision, cutting only between distinct
 * probabilities. Fed with out-of-fold predictions of every training ticket, so small classes
 * have their whole history as evidence rather than a held-back handful.
 */
export function thresholdFor(outcomes: readonly ScoredOutcome[], target: number): number {
  const point = operatingPoint(
    outcomes.map((o) => ({ confidence: o.probability, correct: o.correct })),
    target,
  );
  return point.threshold ?? NEVER;
}
