import type { Rng } from '../util/rng';

/** Sparse term-weight vector, L2-normalised. */
export type TermVector = Map<string, number>;

/** Dot product; the cosine for normalised vectors. */
export const cosine = (a: TermVector, b: TermVector): number => {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, v] of small) s += v * (large.get(t) ?? 0);
  return s;
};

export function centroidOf(members: readonly TermVector[]): TermVector {
  const c: TermVector = new Map();
  for (const m of members) for (const [t, v] of m) c.set(t, (c.get(t) ?? 0) + v);
  let norm = 0;
  for (const v of c.values()) norm += v * v;
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [t, v] of c) c.set(t, v * s);
  return c;
}

export interface TwoClusters {
  assignment: Int8Array;
  /** Cosine similarity of the two centroids: low means two different things under one label. */
  centroidSimilarity: number;
  centroids: [TermVector, TermVector];
}

/** Spherical 2-means (cosine), seeded with the two most dissimilar of a few random picks. */
export function twoMeans(vectors: readonly TermVector[], rng: Rng, iterations = 10): TwoClusters | null {
  if (vectors.length < 4) return null;
  const first = vectors[Math.floor(rng() * vectors.length)] as TermVector;
  let second = first;
  let lowest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 20; k++) {
    const v = vectors[Math.floor(rng() * vectors.length)] as TermVector;
    const s = cosine(first, v);
    if (s < lowest) [lowest, second] = [s, v];
  }
  let centroids: [TermVector, TermVector] = [first, second];
  const assignment = new Int8Array(vectors.length);
  for (let it = 0; it < iterations; it++) {
    let moved = false;
    vectors.forEach((v, i) => {
      const a = cosine(v, centroids[0]) >= cosine(v, centroids[1]) ? 0 : 1;
      if (a !== assignment[i]) moved = true;
      assignment[i] = a;
    });
    const groups: [TermVector[], TermVector[]] = [[], []];
    vectors.forEach((v, i) => groups[assignment[i] === 0 ? 0 : 1].push(v));
    if (groups[0].length === 0 || groups[1].length === 0) return null;
    centroids = [centroidOf(groups[0]), centroidOf(groups[1])];
    if (!moved && it > 0) break;
  }
  return { assignment, centroidSimilarity: cosine(centroids[0], centroids[1]), centroids };
}
