import { InputError } from '../errors';
import type { SparseRow } from './sparse';
import { createRng, shuffleInPlace } from '../util/rng';

/**
 * Multinomial logistic regression (one weight row per class), fitted by Adagrad SGD over
 * shuffled passes. Full-batch L-BFGS costs minutes with ~70 classes; a dozen sparse passes
 * reach the same accuracy in seconds.
 */
export interface SoftmaxOptions {
  /** L2 strength on touched weights (default 1e-4). */
  l2?: number;
  /** Passes over the data (default 12). */
  epochs?: number;
  /** Adagrad base step (default 0.3). */
  learningRate?: number;
  /** Seed for the order of examples per pass (default 1): same seed, same model. */
  seed?: number;
  /** Per-row weights (e.g. favouring recent tickets when teams change over time); default 1. */
  sampleWeights?: readonly number[];
}

export interface SoftmaxModel {
  classes: string[];
  width: number;
  /** classes.length × (width + 1); column 0 of each row is the intercept. */
  weights: Float64Array;
}

export function trainSoftmax(
  rows: readonly SparseRow[],
  labels: readonly string[],
  width: number,
  options: SoftmaxOptions = {},
): SoftmaxModel {
  if (rows.length !== labels.length) throw new InputError('bad_argument', 'rows and labels differ in length');
  const classes = [...new Set(labels)].sort();
  if (classes.length < 2)
    throw new InputError('too_few_examples', `need at least 2 classes, got ${classes.length}`);
  const l2 = options.l2 ?? 1e-4;
  if (!(l2 >= 0)) throw new InputError('bad_argument', `l2 must be ≥ 0, got ${l2}`);
  const epochs = options.epochs ?? 12;
  const rate = options.learningRate ?? 0.3;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const y = labels.map((l) => classIndex.get(l) as number);
  const k = classes.length;
  const stride = width + 1;
  const n = rows.length;
  const w = new Float64Array(k * stride);
  // Adagrad's per-weight sums of squared gradients: rare one-hot columns keep larger steps.
  const g2 = new Float64Array(k * stride).fill(1e-8);
  const counts = new Array<number>(k).fill(0);
  for (const c of y) counts[c] = (counts[c] as number) + 1;
  for (let c = 0; c < k; c++) w[c * stride] = Math.log(((counts[c] as number) + 0.5) / n);
  const order = rows.map((_, i) => i);
  const rng = createRng(options.seed ?? 1);
  const probs = new Float64Array(k);
  const step = (idx: number, g: number): void => {
    const acc = (g2[idx] as number) + g * g;
    g2[idx] = acc;
    w[idx] = (w[idx] as number) - (rate * g) / Math.sqrt(acc);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (const r of order) {
      const row = rows[r] as SparseRow;
      softmaxInPlace(w, stride, row, probs);
      const target = y[r] as number;
      const weight = options.sampleWeights?.[r] ?? 1;
      for (let c = 0; c < k; c++) {
        const g = weight * ((probs[c] as number) - (c === target ? 1 : 0));
        const base = c * stride;
        step(base, g);
        for (let q = 0; q < row.indices.length; q++) {
          const j = base + 1 + (row.indices[q] as number);
          // L2 on the touched weights only: sparse rows keep each update O(non-zeros · classes).
          step(j, g * (row.values[q] as number) + l2 * (w[j] as number));
        }
      }
    }
  }
  return { classes, width, weights: w };
}

function softmaxInPlace(w: Float64Array, stride: number, row: SparseRow, out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < out.length; c++) {
    const base = c * stride;
    let z = w[base] as number;
    for (let q = 0; q < row.indices.length; q++) {
      z += (row.values[q] as number) * (w[base + 1 + (row.indices[q] as number)] as number);
    }
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < out.length; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < out.length; c++) out[c] = (out[c] as number) / sum;
}

/** Class probabilities for one row, highest first. */
export function softmaxRank(model: SoftmaxModel, row: SparseRow): { label: string; probability: number }[] {
  const probs = new Float64Array(model.classes.length);
  softmaxInPlace(model.weights, model.width + 1, row, probs);
  return model.classes
    .map((label, i) => ({ label, probability: probs[i] as number }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
}
