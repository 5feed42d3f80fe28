import type { Rng } from '../util/rng';
import { shuffleInPlace } from '../util/rng';
import type { SparseVector } from './vocabulary';

export interface BinarySvmOptions {
  /** Inverse regularisation strength (as LinearSVC's C). */
  c: number;
  /** Passes over the data at most; stops earlier when the projected gradient is small. */
  maxEpochs: number;
  /** Stop when the spread of projected gradients in an epoch falls below this (LIBLINEAR's eps). */
  tolerance: number;
  rng: Rng;
  /** Optional per-feature multiplier applied to every x (NB-SVM's log-count ratios). */
  featureScale?: Float64Array;
  /** 'squared' (L2-loss, smooth) or 'hinge' (L1-loss: dual variables boxed by C). Default squared. */
  loss?: 'squared' | 'hinge';
}

/**
 * L2-regularised squared-hinge (or hinge) linear SVM, trained by dual coordinate descent (Hsieh et al.,
 * ICML 2008, the LIBLINEAR solver). The bias is a constant feature 1, regularised like the rest.
 * Labels are ±1. Returns the weights and the bias.
 */
export function trainBinarySvm(
  docs: readonly SparseVector[],
  y: Int8Array,
  dim: number,
  options: BinarySvmOptions,
): { weights: Float64Array; bias: number } {
  const w = new Float64Array(dim);
  const scale = options.featureScale;
  const xv = (d: SparseVector, k: number): number =>
    (d.value[k] ?? 0) * (scale === undefined ? 1 : (scale[d.index[k] ?? 0] ?? 0));
  let bias = 0;
  const n = docs.length;
  const alpha = new Float64Array(n);
  const hinge = options.loss === 'hinge';
  // LIBLINEAR's two dual forms: squared hinge adds 1/(2C) to the diagonal, hinge boxes alpha in [0, C].
  const diag = hinge ? 0 : 0.5 / options.c;
  const upper = hinge ? options.c : Number.POSITIVE_INFINITY;
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = docs[i] as SparseVector;
    let s = 1; // the bias feature
    for (let k = 0; k < d.value.length; k++) s += xv(d, k) ** 2;
    qii[i] = s + diag;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleInPlace(order, options.rng);
    let maxPg = Number.NEGATIVE_INFINITY;
    let minPg = Number.POSITIVE_INFINITY;
    for (const i of order) {
      const d = docs[i] as SparseVector;
      const yi = y[i] ?? 1;
      let dot = bias;
      for (let k = 0; k < d.index.length; k++) dot += (w[d.index[k] ?? 0] ?? 0) * xv(d, k);
      const a = alpha[i] ?? 0;
      const g = yi * dot - 1 + diag * a;
      const pg = a === 0 ? Math.min(g, 0) : a >= upper ? Math.max(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.min(Math.max(a - g / (qii[i] ?? 1), 0), upper);
      const delta = (next - a) * yi;
      alpha[i] = next;
      for (let k = 0; k < d.index.length; k++) {
        const f = d.index[k] ?? 0;
        w[f] = (w[f] ?? 0) + delta * xv(d, k);
      }
      bias += delta;
    }
    if (maxPg - minPg < options.tolerance) break;
  }
  return { weights: w, bias };
}
