import type { RawFeatures } from './features';

/** A sparse, L2-normalised TF-IDF vector over the model's compact feature indexes (ascending). */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/**
 * The kept hash buckets (sorted) and their IDF. Buckets seen in fewer than `minDf` training
 * tickets are dropped: they cannot generalise and would only grow the model.
 */
export interface Vocabulary {
  buckets: Uint32Array;
  idf: Float32Array;
}

export function buildVocabulary(docs: readonly RawFeatures[], minDf: number): Vocabulary {
  const df = new Map<number, number>();
  for (const d of docs) for (const k of d.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const kept: number[] = [];
  for (const [k, n] of df) if (n >= minDf) kept.push(k);
  const buckets = Uint32Array.from(kept).sort();
  const idf = new Float32Array(buckets.length);
  const n = docs.length;
  buckets.forEach((b, i) => (idf[i] = Math.log((1 + n) / (1 + (df.get(b) ?? 0))) + 1));
  return { buckets, idf };
}

/** Maps a hash bucket to its compact feature index, or -1 when the vocabulary does not keep it. */
export type BucketIndex = (bucket: number) => number;

/** A dense bucket → index table: constant time, 4 bytes per hash bucket; for training only. */
export function denseBucketIndex(vocab: Vocabulary, space: number): BucketIndex {
  const table = new Int32Array(space).fill(-1);
  vocab.buckets.forEach((b, i) => (table[b] = i));
  return (bucket) => table[bucket] ?? -1;
}

/**
 * Binary search over the sorted kept buckets: no memory beyond the model (a dense table of a
 * 2^22-bucket model costs 16 MB per loaded classifier) at about 20 steps per feature.
 */
export function sortedBucketIndex(vocab: Vocabulary): BucketIndex {
  const buckets = vocab.buckets;
  return (bucket) => {
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const b = buckets[mid] ?? 0;
      if (b === bucket) return mid;
      if (b < bucket) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/**
 * TF (sublinear: 1 + ln tf) × IDF, L2-normalised; unknown buckets are ignored. With a char view
 * (`viewStart` > 0), the word block (buckets below it) and the char block are normalised apart,
 * so each has unit length whatever the other's size.
 */
export function vectorize(
  raw: RawFeatures,
  vocab: Vocabulary,
  indexOf: BucketIndex,
  sublinear = true,
  viewStart = 0,
): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  const norms = [0, 0];
  const blocks: number[] = [];
  for (let i = 0; i < raw.keys.length; i++) {
    const bucket = raw.keys[i] ?? 0;
    const f = indexOf(bucket);
    if (f < 0) continue;
    const tf = raw.counts[i] ?? 0;
    const v = (sublinear ? 1 + Math.log(Math.max(tf, 1e-9)) : tf) * (vocab.idf[f] ?? 1);
    if (!(v > 0)) continue;
    const block = viewStart > 0 && bucket >= viewStart ? 1 : 0;
    index.push(f);
    value.push(v);
    blocks.push(block);
    norms[block] = (norms[block] ?? 0) + v * v;
  }
  const scales = norms.map((n) => (n > 0 ? 1 / Math.sqrt(n) : 0));
  // Buckets are sorted, so compact indexes come out ascending too.
  return {
    index: Int32Array.from(index),
    value: Float32Array.from(value, (v, k) => v * (scales[blocks[k] ?? 0] ?? 0)),
  };
}
