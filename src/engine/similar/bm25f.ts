import { InputError } from '../errors';
import type { CorpusStats, FieldTriple } from './types';

/**
 * BM25F parameters (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
 * Beyond", 2009, §3.3 "simple BM25F"). Each field's term frequency is length-normalised with its
 * own `b`, weighted, summed into one pseudo-frequency, and saturated once with `k1`.
 */
export interface Bm25fParams {
  /** Saturation, usually 0.8–2.0. */
  k1: number;
  /** Field weights [summary, description, comments], each ≥ 0. */
  weights: FieldTriple;
  /** Length normalisation per field, each in 0..1 (0 = none, 1 = full). */
  b: FieldTriple;
}

/** Tuned on gitbugs-hadoop (see docs/benchmarks.md); the summary says most, comments least. */
export const DEFAULT_BM25F: Bm25fParams = { k1: 1.2, weights: [2, 1, 0.5], b: [0.5, 0.75, 0.75] };

export function validateBm25f(p: Bm25fParams): Bm25fParams {
  const bad = (what: string): never => {
    throw new InputError('bad_value', `BM25F ${what}`);
  };
  if (!(p.k1 > 0 && Number.isFinite(p.k1))) bad(`k1 must be a positive number (got ${p.k1})`);
  p.weights.forEach((w, i) => {
    if (!(w >= 0 && Number.isFinite(w))) bad(`weight ${i} must be ≥ 0 (got ${w})`);
  });
  p.b.forEach((b, i) => {
    if (!(b >= 0 && b <= 1)) bad(`b ${i} must be within 0..1 (got ${b})`);
  });
  return p;
}

/** Robertson–Spärck Jones idf with the +1 that keeps it positive for very common terms. */
export function idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Average field lengths; a field that is empty everywhere gets 1 so it never divides by 0. */
export function averageLengths(stats: CorpusStats): [number, number, number] {
  const n = Math.max(1, stats.documents);
  return [0, 1, 2].map((f) => {
    const avg = (stats.lengthSums[f] as number) / n;
    return avg > 0 ? avg : 1;
  }) as [number, number, number];
}

/**
 * Saturated BM25F term weight of one document (without idf): the sum over fields of
 * weight·tf / (1 − b + b·len/avg), then pseudoTf·(k1+1)/(k1+pseudoTf).
 * Fields are added in FIELDS order so every backend computes the same float.
 */
export function bm25fTermWeight(
  tf: FieldTriple,
  lengths: FieldTriple,
  averages: FieldTriple,
  params: Bm25fParams,
): number {
  let pseudo = 0;
  for (let f = 0; f < 3; f++) {
    const t = tf[f] as number;
    if (t === 0) continue;
    const b = params.b[f] as number;
    pseudo +=
      ((params.weights[f] as number) * t) / (1 - b + (b * (lengths[f] as number)) / (averages[f] as number));
  }
  return pseudo === 0 ? 0 : (pseudo * (params.k1 + 1)) / (params.k1 + pseudo);
}
