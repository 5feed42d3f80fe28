import type { Rng } from '../util/rng';
import { shuffleInPlace } from '../util/rng';
import type { SparseVector } from './vocabulary';

export interface BinarySvmOptions {
  /** Inverse regularisation strength (as LinearSVC's C). */
  c: number;
  /** C is multiplied by this for the positive examples (class weight of one-vs-rest; default 1). */
  positiveWeight?: number;
  /** Passes over the data at most; stops earlier when the projected gradient is small. */
  maxEpochs: number;
  /** Stop when the spread of projected gradients in an epoch falls below this (LIBLINEAR's eps). */
  tolerance: number;
  rng: Rng;
  /** 'squared' (L2-loss, smooth) or 'hinge' (L1-loss: dual variables boxed by C). Default squared. */
  loss?: 'squared' | 'hinge';
  /**
   * Dual variables to start from (a fit of the same examples at a smaller C): a C grid then
   * costs little more than its largest C. Read, not changed.
   */
  warmStart?: Float64Array;
}

export interface BinarySvmFit {
  weights: Float64Array;
  bias: number;
  /** The dual variables, to warm-start the next C. */
  alpha: Float64Array;
}

/**
 * L2-regularised squared-hinge (or hinge) linear SVM, trained by dual coordinate descent (Hsieh et al.,
 * ICML 2008, the LIBLINEAR solver). The bias is a constant feature 1, regularised like the rest.
 * Labels are ±1. Returns the weights, the bias and the dual variables.
 */
export function trainBinarySvm(
  docs: readonly SparseVector[],
  y: Int8Array,
  dim: number,
  options: BinarySvmOptions,
): BinarySvmFit {
  const w = new Float64Array(dim);
  let bias = 0;
  const n = docs.length;
  const hinge = options.loss === 'hinge';
  const cPos = options.c * (options.positiveWeight ?? 1);
  // LIBLINEAR's two dual forms: squared hinge adds 1/(2C) to the diagonal, hinge boxes alpha in [0, C].
  const diagOf = (i: number): number => (hinge ? 0 : 0.5 / ((y[i] ?? 0) > 0 ? cPos : options.c));
  const upperOf = (i: number): number =>
    hinge ? ((y[i] ?? 0) > 0 ? cPos : options.c) : Number.POSITIVE_INFINITY;
  const alpha = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = docs[i] as SparseVector;
    let s = 1; // the bias feature
    for (let k = 0; k < d.value.length; k++) s += (d.value[k] ?? 0) ** 2;
    qii[i] = s + diagOf(i);
    const a0 = Math.min(options.warmStart?.[i] ?? 0, upperOf(i));
    if (a0 > 0) {
      alpha[i] = a0;
      const ya = a0 * (y[i] ?? 1);
      for (let k = 0; k < d.index.length; k++) {
        const f = d.index[k] ?? 0;
        w[f] = (w[f] ?? 0) + ya * (d.value[k] ?? 0);
      }
      bias += ya;
    }
  }
  // Shrinking (as LIBLINEAR): an example at its bound whose gradient pushes further out is set
  // aside until the active ones converge; then every example is checked once more.
  const active = Array.from({ length: n }, (_, i) => i);
  let size = n;
  let pgMaxOld = Number.POSITIVE_INFINITY;
  let pgMinOld = Number.NEGATIVE_INFINITY;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleInPlace(active, options.rng, size);
    let maxPg = Number.NEGATIVE_INFINITY;
    let minPg = Number.POSITIVE_INFINITY;
    for (let s = 0; s < size; s++) {
      const i = active[s] ?? 0;
      const d = docs[i] as SparseVector;
      const yi = y[i] ?? 1;
      let dot = bias;
      for (let k = 0; k < d.index.length; k++) dot += (w[d.index[k] ?? 0] ?? 0) * (d.value[k] ?? 0);
      const a = alpha[i] ?? 0;
      const upper = upperOf(i);
      const g = yi * dot - 1 + diagOf(i) * a;
      let pg = g;
      if (a === 0 || a >= upper) {
        const outward = a === 0 ? g > pgMaxOld : g < pgMinOld;
        if (outward) {
          size--;
          active[s] = active[size] ?? 0;
          active[size] = i;
          s--;
          continue;
        }
        pg = a === 0 ? Math.min(g, 0) : Math.max(g, 0);
      }
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.min(Math.max(a - g / (qii[i] ?? 1), 0), upper);
      const delta = (next - a) * yi;
      alpha[i] = next;
      for (let k = 0; k < d.index.length; k++) {
        const f = d.index[k] ?? 0;
        w[f] = (w[f] ?? 0) + delta * (d.value[k] ?? 0);
      }
      bias += delta;
    }
    if (maxPg - minPg < options.tolerance) {
      if (size === n) break;
      // Converged on the active set: check every example again before stopping.
      size = n;
      pgMaxOld = Number.POSITIVE_INFINITY;
      pgMinOld = Number.NEGATIVE_INFINITY;
      continue;
    }
    pgMaxOld = maxPg > 0 ? maxPg : Number.POSITIVE_INFINITY;
    pgMinOld = minPg < 0 ? minPg : Number.NEGATIVE_INFINITY;
  }
  return { weights: w, bias, alpha };
}
