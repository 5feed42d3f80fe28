import type { HeldOutScore, ScoredOutcome } from './calibrate';
import { fitTemperature, precisionThresholds } from './calibrate';
import type { OutOfFold } from './out-of-fold';
import { softmax } from './scores';

/** The C of each view and the word view's share α of the blended score, as cross-validation chose them. */
export interface BlendChoice {
  wordC: number;
  /** Null when the char view is not used (α = 1 or no char view). */
  charC: number | null;
  alpha: number;
  /** Out-of-fold accuracy of this choice. */
  accuracy: number;
  /** Its out-of-fold scores (tickets × classes). */
  scores: Float64Array;
}

function topOf(scores: Float64Array, at: number, classes: number): number {
  let best = 0;
  for (let j = 1; j < classes; j++) if ((scores[at + j] ?? 0) > (scores[at + best] ?? 0)) best = j;
  return best;
}

function hits(scores: Float64Array, ys: readonly number[], classes: number): number {
  let n = 0;
  ys.forEach((y, i) => (n += topOf(scores, i * classes, classes) === y ? 1 : 0));
  return n;
}

/**
 * The most accurate (out of fold) C per view and blend weight. Candidates are tried word view
 * first and smaller C first, and a later one must be strictly better, so ties keep the simpler model.
 */
export function chooseBlend(
  oof: OutOfFold,
  classes: number,
  grid: readonly number[],
  alphas: readonly number[],
): BlendChoice {
  let best: BlendChoice | null = null;
  // Scores are copied only when a candidate wins, so blends are computed into one scratch buffer.
  const consider = (choice: Omit<BlendChoice, 'accuracy'>): void => {
    const accuracy = hits(choice.scores, oof.ys, classes) / Math.max(1, oof.ys.length);
    if (best === null || accuracy > best.accuracy)
      best = { ...choice, scores: choice.scores.slice(), accuracy };
  };
  grid.forEach((wordC, g) => consider({ wordC, charC: null, alpha: 1, scores: oof.word[g] as Float64Array }));
  if (oof.char !== null) {
    const blended = new Float64Array(oof.word[0]?.length ?? 0);
    for (const alpha of alphas.filter((a) => a < 1))
      grid.forEach((wordC, g) =>
        grid.forEach((charC, h) => {
          const w = oof.word[g] as Float64Array;
          const c = (oof.char as Float64Array[])[h] as Float64Array;
          for (let i = 0; i < blended.length; i++)
            blended[i] = alpha * (w[i] ?? 0) + (1 - alpha) * (c[i] ?? 0);
          consider({ wordC, charC, alpha, scores: blended });
        }),
      );
  }
  if (best === null) throw new Error('chooseBlend needs a non-empty C grid');
  return best;
}

/** Softmax temperature and per-class abstain thresholds, both fitted on out-of-fold scores. */
export function calibrateOutOfFold(
  scores: Float64Array,
  ys: readonly number[],
  classes: number,
  targetPrecision: number,
): { temperature: number; thresholds: Float32Array } {
  const held: HeldOutScore[] = ys.map((actual, i) => ({
    scores: scores.subarray(i * classes, (i + 1) * classes),
    actual,
  }));
  const temperature = fitTemperature(held);
  const outcomes: ScoredOutcome[] = held.map((h) => {
    const p = softmax(h.scores, temperature);
    const top = topOf(p, 0, classes);
    return { predicted: top, probability: p[top] ?? 0, correct: top === h.actual };
  });
  return { temperature, thresholds: precisionThresholds(outcomes, classes, targetPrecision) };
}
