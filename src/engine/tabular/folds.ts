import type { Rng } from '../util/rng';
import { createRng, shuffleInPlace } from '../util/rng';

/**
 * Stratified random folds: each outcome's rows are shuffled and dealt round-robin, so every
 * fold has the base rate of the whole and no fold depends on the order the rows came in.
 */
export function stratifiedFolds(labels: readonly (0 | 1)[], foldCount: number, seed: number): Int32Array {
  const rng: Rng = createRng(seed);
  const folds = new Int32Array(labels.length);
  for (const outcome of [0, 1] as const) {
    const rows: number[] = [];
    labels.forEach((y, i) => {
      if (y === outcome) rows.push(i);
    });
    shuffleInPlace(rows, rng);
    rows.forEach((r, j) => {
      folds[r] = j % foldCount;
    });
  }
  return folds;
}
