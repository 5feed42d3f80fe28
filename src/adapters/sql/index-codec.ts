import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FieldTriple, IndexEntry, TermFrequencies } from '../../engine/similar/types';
import type { IndexDocRow } from './schema';

/**
 * 53-bit hash of a term: postings are keyed by a number instead of the term text (8 bytes
 * instead of the term plus its length, and a fixed-width primary key). 53 bits keep it exact in
 * JavaScript numbers and in Forge SQL's JSON; with a million distinct terms the chance of any
 * collision is about 1 in 18,000.
 */
export function termHash(term: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Three field frequencies (each ≤ 1023, the engine's cap) in one integer, as the engine packs them. */
export const packTf = (tf: FieldTriple): number =>
  (((tf[0] & 1023) << 20) | ((tf[1] & 1023) << 10) | (tf[2] & 1023)) >>> 0;

/** Unpacks into `out` (a search unpacks every posting it visits: no array per posting). */
export function unpackTfInto(packed: number, out: [number, number, number]): void {
  out[0] = (packed >>> 20) & 1023;
  out[1] = (packed >>> 10) & 1023;
  out[2] = packed & 1023;
}

export const unpackTf = (packed: number): [number, number, number] => {
  const out: [number, number, number] = [0, 0, 0];
  unpackTfInto(packed, out);
  return out;
};

const StoredFacets = z.array(z.string());

/**
 * The stored `[term, packedTf][]` list, checked by hand: zod over thousands of tuples per
 * candidate would cost more than the query that read them.
 */
function parseStoredTerms(json: string): [string, number][] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || item.length !== 2) return null;
    const [term, packed] = item as unknown[];
    if (typeof term !== 'string' || typeof packed !== 'number' || !Number.isInteger(packed) || packed < 0)
      return null;
  }
  return value as [string, number][];
}

/** The columns of an index entry's row, minus the bookkeeping (rev, lock). */
export type EncodedEntry = Omit<IndexDocRow, 'rev' | 'lock_until' | 'claim'>;

export function encodeEntry(entry: IndexEntry): EncodedEntry {
  const terms = entry.terms.map((t) => [t.term, packTf(t.tf)] as const);
  const body = {
    created_ms: Number.isFinite(entry.createdMs) ? entry.createdMs : null,
    project: entry.project,
    len_summary: entry.lengths[0],
    len_description: entry.lengths[1],
    len_comments: entry.lengths[2],
    facets: JSON.stringify(entry.facets),
    signature: entry.signature.map((n) => n.toString(36)).join(','),
    terms: JSON.stringify(terms),
  };
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return { ticket_id: entry.id, digest, ...body };
}

/**
 * The stored entry back, or null when a column does not parse (a row written by another build
 * or damaged): the caller re-indexes that ticket.
 */
export function decodeEntry(
  row: Omit<EncodedEntry, 'digest'>,
  num: (v: unknown) => number,
): IndexEntry | null {
  const terms = parseStoredTerms(row.terms);
  let facets: string[];
  try {
    facets = StoredFacets.parse(JSON.parse(row.facets));
  } catch {
    return null;
  }
  if (terms === null) return null;
  const signature = row.signature === '' ? [] : row.signature.split(',').map((s) => parseInt(s, 36));
  if (signature.some((n) => !Number.isFinite(n))) return null;
  const created = row.created_ms === null ? Number.NaN : num(row.created_ms);
  return {
    id: row.ticket_id,
    createdMs: created,
    project: row.project,
    facets,
    lengths: [num(row.len_summary), num(row.len_description), num(row.len_comments)],
    terms: terms.map(([term, packed]): TermFrequencies => ({ term, tf: unpackTf(packed) })),
    signature,
  };
}

/** The term list of a stored row (empty when unreadable), for diffing against a new entry. */
export function storedTermHashes(termsJson: string): Map<number, number> {
  const out = new Map<number, number>();
  // An unreadable list counts as empty; the caller also clears every term of the new entry.
  for (const [term, packed] of parseStoredTerms(termsJson) ?? []) out.set(termHash(term), packed);
  return out;
}
