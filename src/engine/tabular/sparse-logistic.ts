import { InputError } from '../errors';
import { minimizeLbfgs } from './lbfgs';
import type { SparseRow } from './sparse';
import { addL2Penalty, logisticLoss, sigmoid, sparseDot } from './sparse';

/**
 * Binary logistic regression over sparse one-hot rows (thousands of columns) with an L2 penalty,
 * fitted by L-BFGS on the mean log-loss: the linear layer of the tabular classifiers. The
 * similar reranker's dense, few-feature calibration (Newton steps) is another model, in
 * engine/similar/logistic.ts.
 */
export interface SparseLogisticOptions {
  /** L2 strength on the mean loss (default 1e-3); the intercept is not penalised. */
  l2?: number;
  maxIterations?: number;
}

export interface SparseLogisticModel {
  bias: number;
  weights: Float64Array;
}

export function trainSparseLogistic(
  rows: readonly SparseRow[],
  labels: readonly (0 | 1)[],
  width: number,
  options: SparseLogisticOptions = {},
): SparseLogisticModel {
  if (rows.length !== labels.length) throw new InputError('bad_argument', 'rows and labels differ in length');
  if (rows.length === 0) throw new InputError('too_few_examples', 'no training rows');
  const l2 = options.l2 ?? 1e-3;
  if (!(l2 >= 0)) throw new InputError('bad_argument', `l2 must be ≥ 0, got ${l2}`);
  const n = rows.length;
  const start = new Float64Array(width + 1);
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  // Start at the prior: the intercept alone fits the base rate.
  start[0] = Math.log((positives + 0.5) / (n - positives + 0.5));
  const result = minimizeLbfgs(
    (w, grad) => {
      grad.fill(0);
      let loss = 0;
      const weights = w.subarray(1);
      for (let r = 0; r < n; r++) {
        const row = rows[r] as SparseRow;
        const z = (w[0] as number) + sparseDot(row, weights);
        const y = labels[r] as number;
        loss += logisticLoss(z, y);
        const g = (sigmoid(z) - y) / n;
        grad[0] = (grad[0] as number) + g;
        for (let k = 0; k < row.indices.length; k++) {
          const j = 1 + (row.indices[k] as number);
          grad[j] = (grad[j] as number) + g * (row.values[k] as number);
        }
      }
      return loss / n + addL2Penalty(w, grad, l2, w.length);
    },
    start,
    { maxIterations: options.maxIterations ?? 300 },
  );
  return { bias: result.weights[0] as number, weights: result.weights.slice(1) };
}

export function logisticScore(model: SparseLogisticModel, row: SparseRow): number {
  return model.bias + sparseDot(row, model.weights);
}

/** The columns of `row` that pushed the score most, largest |contribution| first. */
export function topContributions(
  model: SparseLogisticModel,
  row: SparseRow,
  limit: number,
): { column: number; contribution: number }[] {
  const out: { column: number; contribution: number }[] = [];
  for (let k = 0; k < row.indices.length; k++) {
    const column = row.indices[k] as number;
    out.push({ column, contribution: (row.values[k] as number) * (model.weights[column] as number) });
  }
  out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.column - b.column);
  return out.slice(0, limit);
}
