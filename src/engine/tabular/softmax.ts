import { InputError } from '../errors';
import { minimizeLbfgs } from './lbfgs';
import type { SparseRow } from './sparse';
import { addL2Penalty } from './sparse';

/** Multinomial logistic regression (one weight row per class) with an L2 penalty, fitted by L-BFGS. */
export interface SoftmaxOptions {
  l2?: number;
  maxIterations?: number;
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
  if (classes.length < 2) throw new InputError('too_few_examples', `need at least 2 classes, got ${classes.length}`);
  const l2 = options.l2 ?? 1e-3;
  if (!(l2 >= 0)) throw new InputError('bad_argument', `l2 must be ≥ 0, got ${l2}`);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const y = labels.map((l) => classIndex.get(l) as number);
  const k = classes.length;
  const stride = width + 1;
  const n = rows.length;
  const start = new Float64Array(k * stride);
  const counts = new Array<number>(k).fill(0);
  for (const c of y) counts[c] = (counts[c] as number) + 1;
  for (let c = 0; c < k; c++) start[c * stride] = Math.log(((counts[c] as number) + 0.5) / n);
  const scores = new Float64Array(k);
  const result = minimizeLbfgs(
    (w, grad) => {
      grad.fill(0);
      let loss = 0;
      for (let r = 0; r < n; r++) {
        const row = rows[r] as SparseRow;
        softmaxInPlace(w, stride, row, scores);
        const target = y[r] as number;
        loss -= Math.log(Math.max(1e-300, scores[target] as number));
        for (let c = 0; c < k; c++) {
          const g = ((scores[c] as number) - (c === target ? 1 : 0)) / n;
          const base = c * stride;
          grad[base] = (grad[base] as number) + g;
          for (let q = 0; q < row.indices.length; q++) {
            const j = base + 1 + (row.indices[q] as number);
            grad[j] = (grad[j] as number) + g * (row.values[q] as number);
          }
        }
      }
      return loss / n + addL2Penalty(w, grad, l2, stride);
    },
    start,
    { maxIterations: options.maxIterations ?? 200 },
  );
  return { classes, width, weights: result.weights };
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
