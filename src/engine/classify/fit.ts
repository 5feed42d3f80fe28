import type { Rng } from '../util/rng';
import { firstAtLeast } from './features';
import type { BinarySvmOptions } from './svm';
import { trainBinarySvm } from './svm';
import type { SparseVector } from './vocabulary';

/** One-vs-rest weights over `dim` features: row-major [feature][class]. */
export interface OneVsRest {
  weights: Float32Array;
  bias: Float32Array;
  /** Per class, the dual variables: they warm-start the next (larger) C on the same examples. */
  alphas: Float64Array[];
}

export interface OneVsRestOptions {
  c: number;
  /** Positive examples of class k weigh (n / (classes · n_k))^power: 0 = unweighted, 1 = balanced. */
  classWeightPower: number;
  maxEpochs: number;
  tolerance: number;
  loss: BinarySvmOptions['loss'];
}

/** Trains one binary SVM per class (that class against the rest). */
export function fitOneVsRest(
  docs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  dim: number,
  o: OneVsRestOptions,
  rng: Rng,
  warm?: OneVsRest,
): OneVsRest {
  const weights = new Float32Array(dim * classes);
  const bias = new Float32Array(classes);
  const alphas: Float64Array[] = [];
  const sizes = new Float64Array(classes);
  for (const y of ys) sizes[y] = (sizes[y] ?? 0) + 1;
  const y = new Int8Array(docs.length);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < docs.length; i++) y[i] = ys[i] === c ? 1 : -1;
    const balanced = docs.length / (classes * Math.max(1, sizes[c] ?? 0));
    const fit = trainBinarySvm(docs, y, dim, {
      c: o.c,
      positiveWeight: balanced ** o.classWeightPower,
      maxEpochs: o.maxEpochs,
      tolerance: o.tolerance,
      loss: o.loss,
      rng,
      ...(warm?.alphas[c] === undefined ? {} : { warmStart: warm.alphas[c] }),
    });
    for (let f = 0; f < dim; f++) weights[f * classes + c] = fit.weights[f] ?? 0;
    bias[c] = fit.bias;
    alphas.push(fit.alpha);
  }
  return { weights, bias, alphas };
}

/** The part of each vector whose compact index is in [from, to): one view of a two-view vector. */
export function viewOf(docs: readonly SparseVector[], from: number, to: number): SparseVector[] {
  return docs.map((d) => {
    const a = firstAtLeast(d.index, from);
    const b = firstAtLeast(d.index, to, a);
    return { index: d.index.subarray(a, b), value: d.value.subarray(a, b) };
  });
}

/** w_word·α + w_char·(1 − α) as one matrix: the blended model is still one dot product per class. */
export function blendViews(
  word: OneVsRest,
  char: OneVsRest | null,
  alpha: number,
): Pick<OneVsRest, 'weights' | 'bias'> {
  if (char === null) return { weights: word.weights, bias: word.bias };
  return {
    weights: Float32Array.from(word.weights, (w, i) => alpha * w + (1 - alpha) * (char.weights[i] ?? 0)),
    bias: Float32Array.from(word.bias, (b, i) => alpha * b + (1 - alpha) * (char.bias[i] ?? 0)),
  };
}
