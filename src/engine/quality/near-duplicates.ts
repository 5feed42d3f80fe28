import { fnv1a } from '../classify/hash';

const HASHES = 24;
const BAND = 3;

/** Jaccard similarity of two sorted unique term-id arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 1 : common / union;
}

/** Sorted unique term hashes of a ticket. */
export const termSet = (terms: readonly string[]): Uint32Array =>
  Uint32Array.from(new Set(terms.map(fnv1a))).sort();

function minHash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const t of set) {
    for (let h = 0; h < HASHES; h++) {
      const v = Math.imul(t ^ Math.imul(h + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
      const mixed = (v ^ (v >>> 13)) >>> 0;
      if (mixed < (sig[h] ?? 0)) sig[h] = mixed;
    }
  }
  return sig;
}

/**
 * Groups of near-identical tickets (token-set Jaccard ≥ `similarity`), found with MinHash LSH
 * (8 bands of 3 hashes) and verified exactly, so cost stays near-linear in the ticket count.
 * Returns groups of indexes, each of size ≥ 2.
 */
export function nearDuplicateGroups(sets: readonly Uint32Array[], similarity: number): number[][] {
  const parent = sets.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[i] !== r) [i, parent[i]] = [parent[i] ?? r, r];
    return r;
  };
  const buckets = new Map<string, number[]>();
  sets.forEach((s, i) => {
    if (s.length === 0) return;
    const sig = minHash(s);
    for (let b = 0; b < HASHES / BAND; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * BAND, (b + 1) * BAND)).join(',')}`;
      let list = buckets.get(key);
      if (list === undefined) buckets.set(key, (list = []));
      // A bucket shared by very many tickets is boilerplate; cap the pairs checked.
      if (list.length < 50) list.push(i);
    }
  });
  for (const list of buckets.values()) {
    for (let x = 1; x < list.length; x++) {
      const i = list[x] ?? 0;
      const j = list[0] ?? 0;
      if (
        find(i) !== find(j) &&
        jaccard(sets[i] ?? new Uint32Array(), sets[j] ?? new Uint32Array()) >= similarity
      )
        parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  sets.forEach((_, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (g === undefined) groups.set(r, (g = []));
    g.push(i);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
