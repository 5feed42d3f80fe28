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

/** Bucket → compact index (or -1), as a dense table for constant-time lookups. */
export function bucketLookup(vocab: Vocabulary, hashBits: number): Int32Array {
  const table = new Int32Array(1 << hashBits).fill(-1);
  vocab.buckets.forEach((b, i) => (table[b] = i));
  return table;
}

/** TF (sublinear: 1 + ln tf) × IDF, L2-normalised; unknown buckets are ignored. */
export function vectorize(
  raw: RawFeatures,
  vocab: Vocabulary,
  lookup: Int32Array,
  sublinear = true,
): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  let norm = 0;
  for (let i = 0; i < raw.keys.length; i++) {
    const f = lookup[raw.keys[i] ?? 0] ?? -1;
    if (f < 0) continue;
    const tf = raw.counts[i] ?? 0;
    const v = (sublinear ? 1 + Math.log(Math.max(tf, 1e-9)) : tf) * (vocab.idf[f] ?? 1);
    if (!(v > 0)) continue;
    index.push(f);
    value.push(v);
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  // Buckets are sorted, so compact indexes come out ascending too.
  return { index: Int32Array.from(index), value: Float32Array.from(value, (v) => v * scale) };
}
