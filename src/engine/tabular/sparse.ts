/** A sparse feature vector: parallel arrays of column indexes and values. */
export interface SparseRow {
  indices: Int32Array;
  values: Float64Array;
}

export function sparseDot(row: SparseRow, weights: Float64Array, offset = 0): number {
  let s = 0;
  for (let k = 0; k < row.indices.length; k++) {
    s += (row.values[k] as number) * (weights[offset + (row.indices[k] as number)] as number);
  }
  return s;
}

/** Logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Logistic loss log(1 + e^z) − y·z of a score z against a target y in [0, 1], computed stably. */
export function logisticLoss(z: number, y: number): number {
  return (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

/**
 * Adds ½·l2·‖w‖² to a loss and its gradient, skipping the intercepts: weights are laid out in
 * rows of `stride` with the intercept first in each row.
 */
export function addL2Penalty(w: Float64Array, grad: Float64Array, l2: number, stride: number): number {
  let penalty = 0;
  for (let j = 0; j < w.length; j++) {
    if (j % stride === 0) continue;
    const v = w[j] as number;
    penalty += 0.5 * l2 * v * v;
    grad[j] = (grad[j] as number) + l2 * v;
  }
  return penalty;
}
