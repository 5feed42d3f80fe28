import { InputError } from '../errors';
import { minimizeLbfgs } from './lbfgs';
import { logisticLoss, sigmoid } from './sparse';

/**
 * Maps raw scores to probabilities that match observed rates, fitted on a held-back slice.
 * Both calibrators are non-decreasing in the score, so they never reverse a ranking (and never
 * break a monotonicity guarantee of the score they wrap).
 */
export type Calibrator =
  | { kind: 'platt'; a: number; b: number }
  | { kind: 'isotonic'; thresholds: number[]; probabilities: number[] };

/** Platt scaling: p = σ(a·score + b), with a ≥ 0 enforced so order is kept. */
export function fitPlatt(scores: readonly number[], labels: readonly (0 | 1)[]): Calibrator {
  if (scores.length === 0) throw new InputError('too_few_examples', 'no rows to calibrate on');
  const n = scores.length;
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  // Platt's targets: smoothed labels keep the fit finite on separable slices.
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (n - positives + 2);
  const { weights } = minimizeLbfgs(
    (w, grad) => {
      grad.fill(0);
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const z = (w[0] as number) * (scores[i] as number) + (w[1] as number);
        const t = labels[i] === 1 ? hi : lo;
        loss += logisticLoss(z, t);
        const g = sigmoid(z) - t;
        grad[0] = (grad[0] as number) + g * (scores[i] as number);
        grad[1] = (grad[1] as number) + g;
      }
      return loss / n;
    },
    Float64Array.from([1, 0]),
    { maxIterations: 100 },
  );
  return { kind: 'platt', a: Math.max(0, weights[0] as number), b: weights[1] as number };
}

/**
 * Isotonic regression by pool-adjacent-violators: a step function of the score. Blocks are
 * kept with a little Laplace smoothing so no slice maps to exactly 0 or 1.
 */
export function fitIsotonic(scores: readonly number[], labels: readonly (0 | 1)[]): Calibrator {
  if (scores.length === 0) throw new InputError('too_few_examples', 'no rows to calibrate on');
  const order = scores
    .map((_, i) => i)
    .sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
  const blocks: { sum: number; n: number; maxScore: number }[] = [];
  for (const i of order) {
    blocks.push({ sum: labels[i] as number, n: 1, maxScore: scores[i] as number });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { sum: number; n: number; maxScore: number };
      const prev = blocks[blocks.length - 2] as { sum: number; n: number; maxScore: number };
      const tieScore = prev.maxScore === last.maxScore;
      if (!tieScore && prev.sum / prev.n < last.sum / last.n) break;
      prev.sum += last.sum;
      prev.n += last.n;
      prev.maxScore = last.maxScore;
      blocks.pop();
    }
  }
  // Smoothing pulls small blocks toward ½, which can dent the order: restore it with a running max.
  let floor = 0;
  const probabilities = blocks.map((b) => {
    floor = Math.max(floor, (b.sum + 0.5) / (b.n + 1));
    return floor;
  });
  return { kind: 'isotonic', thresholds: blocks.map((b) => b.maxScore), probabilities };
}

export function calibrate(calibrator: Calibrator, score: number): number {
  if (calibrator.kind === 'platt') return sigmoid(calibrator.a * score + calibrator.b);
  const { thresholds, probabilities } = calibrator;
  // First block whose upper score reaches this score; above the last block, the last block.
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((thresholds[mid] as number) >= score) hi = mid;
    else lo = mid + 1;
  }
  return probabilities[lo] as number;
}
