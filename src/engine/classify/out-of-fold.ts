import type { Rng } from '../util/rng';
import { shuffleInPlace } from '../util/rng';
import type { RawFeatures } from './features';
import { firstAtLeast } from './features';
import type { OneVsRest, OneVsRestOptions } from './fit';
import { fitOneVsRest, viewOf } from './fit';
import { linearScores } from './scores';
import { buildVocabulary, denseBucketIndex, vectorize } from './vocabulary';
import type { SparseVector, Vocabulary } from './vocabulary';

/** How the training tickets are vectorised and fitted, in every fold and in the final fit. */
export interface FitPlan extends Omit<OneVsRestOptions, 'c'> {
  /** Possible buckets (the size of the dense bucket index). */
  space: number;
  minDf: number;
  sublinear: boolean;
  /** First bucket of the char view (0: word view only). */
  viewStart: number;
}

/** Vectorised tickets over a vocabulary built from them, with the compact index where the char view starts. */
export interface Vectorised {
  vocab: Vocabulary;
  docs: SparseVector[];
  dim: number;
  /** Compact indexes below this are word features, the rest char-view features. */
  split: number;
}

export function vectoriseAll(raws: readonly RawFeatures[], plan: FitPlan, vocabFrom = raws): Vectorised {
  const vocab = buildVocabulary(vocabFrom, plan.minDf);
  const indexOf = denseBucketIndex(vocab, plan.space);
  const docs = raws.map((r) => vectorize(r, vocab, indexOf, plan.sublinear, plan.viewStart));
  const split = plan.viewStart > 0 ? firstAtLeast(vocab.buckets, plan.viewStart) : vocab.buckets.length;
  return { vocab, docs, dim: vocab.buckets.length, split };
}

/** Fits of one view for each C of the grid, ascending C, each warm-started from the previous. */
export function fitGrid(
  docs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  dim: number,
  grid: readonly number[],
  plan: FitPlan,
  rng: Rng,
): OneVsRest[] {
  const fits: OneVsRest[] = [];
  let warm: OneVsRest | undefined;
  for (const c of grid) {
    warm = fitOneVsRest(docs, ys, classes, dim, { ...plan, c }, rng, warm);
    fits.push(warm);
  }
  return fits;
}

/** Stratified folds: each class's tickets shuffled and dealt round-robin, so every fold has its share. */
export function stratifiedFolds(ys: readonly number[], classes: number, folds: number, rng: Rng): Int32Array {
  const fold = new Int32Array(ys.length);
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  ys.forEach((y, i) => byClass[y]?.push(i));
  let next = 0;
  for (const members of byClass) {
    for (const i of shuffleInPlace(members, rng)) fold[i] = next++ % folds;
  }
  return fold;
}

/** Out-of-fold linear scores (scored tickets × classes, row-major) per view and per C of the grid. */
export interface OutOfFold {
  word: Float64Array[];
  /** Null when the plan has no char view. */
  char: Float64Array[] | null;
  /** Class of each scored ticket, in the matrices' row order. */
  ys: number[];
}

/**
 * k-fold cross-fitting on the training tickets only: each fold is scored by models trained on
 * the other folds (vocabulary included), for every C of the grid and each view. These scores
 * choose C and the view blend, and fit the temperature and the per-class thresholds, so every
 * training ticket of a small site counts as held-back evidence. Folds stop once `enough`
 * tickets are scored: a large site has evidence to spare and pays for one fold, not k.
 */
export function outOfFoldScores(
  raws: readonly RawFeatures[],
  ys: readonly number[],
  classes: number,
  folds: number,
  grid: readonly number[],
  plan: FitPlan,
  rng: Rng,
  enough = Number.POSITIVE_INFINITY,
): OutOfFold {
  const n = raws.length;
  const fold = stratifiedFolds(ys, classes, folds, rng);
  const matrix = (): Float64Array[] => grid.map(() => new Float64Array(n * classes));
  const out: OutOfFold = { word: matrix(), char: plan.viewStart > 0 ? matrix() : null, ys: [] };
  for (let f = 0; f < folds && out.ys.length < enough; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? testIdx : trainIdx).push(i);
    if (testIdx.length === 0) continue;
    const trainRaws = trainIdx.map((i) => raws[i] as RawFeatures);
    const v = vectoriseAll([...trainRaws, ...testIdx.map((i) => raws[i] as RawFeatures)], plan, trainRaws);
    const trainDocs = v.docs.slice(0, trainIdx.length);
    const testDocs = v.docs.slice(trainIdx.length);
    const trainYs = trainIdx.map((i) => ys[i] ?? 0);
    const offset = out.ys.length;
    for (const i of testIdx) out.ys.push(ys[i] ?? 0);
    const views: [Float64Array[] | null, number, number][] = [
      [out.word, 0, v.split],
      [out.char, v.split, v.dim],
    ];
    for (const [target, from, to] of views) {
      if (target === null) continue;
      const fits = fitGrid(viewOf(trainDocs, from, to), trainYs, classes, v.dim, grid, plan, rng);
      const viewTest = viewOf(testDocs, from, to);
      fits.forEach((fit, g) =>
        viewTest.forEach((d, r) =>
          (target[g] as Float64Array).set(linearScores(fit, d), (offset + r) * classes),
        ),
      );
    }
  }
  const used = (m: Float64Array[]): Float64Array[] => m.map((a) => a.subarray(0, out.ys.length * classes));
  return { word: used(out.word), char: out.char === null ? null : used(out.char), ys: out.ys };
}
