/**
 * MinHash over word shingles: a fixed-size signature whose agreement rate estimates the Jaccard
 * overlap of two texts' shingle sets. Near-duplicates (copied error text, the same template
 * filled twice) agree on most slots; tickets on the same topic written independently do not.
 */
export const SIGNATURE_SIZE = 32;

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A cheap avalanche mix (murmur3 finaliser) so each slot behaves like an independent hash. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const EMPTY = 0xffffffff;

/**
 * Signature of the word bigrams of `terms` (a single term counts as its own shingle). An empty
 * list gives the all-EMPTY signature, which `minhashSimilarity` scores 0 against anything.
 */
export function minhashSignature(terms: readonly string[]): number[] {
  const signature = new Array<number>(SIGNATURE_SIZE).fill(EMPTY);
  const shingles = new Set<string>();
  if (terms.length === 1) shingles.add(terms[0] as string);
  for (let i = 0; i + 1 < terms.length; i++) shingles.add(`${terms[i] as string} ${terms[i + 1] as string}`);
  for (const shingle of shingles) {
    const base = fnv1a(shingle);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(base, k + 1);
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
  return signature;
}

/** Share of agreeing slots, 0..1; 0 when either side is empty or the sizes differ. */
export function minhashSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0 || a[0] === EMPTY || b[0] === EMPTY) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}
