import type { CandidateFilter, CorpusStats, FieldTriple, IndexEntry } from './types';

/**
 * One posting as a backend hands it over: valid only during the visit call (the in-memory index
 * reuses one object so a query allocates nothing per posting).
 */
export interface PostingView {
  /** The ticket's per-field frequency of the visited term. */
  tf: FieldTriple;
  /** The ticket's per-field lengths (IndexEntry.lengths). */
  lengths: FieldTriple;
}

/**
 * Where candidate retrieval reads from. The in-memory `SimilarityIndex` is one implementation;
 * `createRowSource` wraps rows prefetched from another store (the SQL postings table). The
 * ranking code (`planQuery`, `retrieveCandidates`, `rerankCandidates`) only ever calls these
 * methods, so any backend that returns the same numbers gives the same top-10, float for float.
 *
 * What a SQL backend must store, per ticket, is exactly `computeIndexEntry(ticket)`:
 * - a tickets row: id, createdMs, project, lengths[0..2], facets, signature;
 * - one postings row per entry term: (term, id, tf[0], tf[1], tf[2]);
 * - corpus totals: number of live tickets and the sum of each field length over them
 *   (maintained on insert / update / delete, or computed with `SELECT COUNT(*), SUM(...)`).
 *
 * What it must return:
 * - `stats()`: those totals over ALL live tickets (not only those passing a filter: idf and
 *   average lengths are corpus-wide, which is also what the in-memory index does);
 * - `documentFrequency(term)`: number of live tickets with a postings row for `term`
 *   (corpus-wide, no filter); 0 for an unknown term;
 * - `forEachPosting(term, filter, visit)`: every live ticket with that term that passes the
 *   project / time filter of `filter` (`excludeIds` may be ignored: the scorer drops them),
 *   in any order, with tf and lengths as stored;
 * - `docLimit()`: a bound on those `doc` numbers (small, dense integers: row numbers of the
 *   fetched set, not database ids);
 * - `idOf(doc)`: the ticket id behind the `doc` number it passed to `visit`;
 * - `entryOf(id)`: the stored IndexEntry (for reranking), or undefined if not indexed.
 *
 * Only the terms of `plan.terms` are ever visited and only the stage-1 winners (`rerank.depth`)
 * are asked for their entry, so a store fetches little. Pruning (term count, postings budget,
 * accumulator limit) is decided by the engine from `documentFrequency` and the order of
 * `plan.terms`, never from the order rows arrive in, so it needs nothing from the backend.
 * An unknown creation time is NaN in the entry (NULL in SQL): it fails every time filter.
 */
export interface CandidateSource {
  stats(): CorpusStats;
  documentFrequency(term: string): number;
  forEachPosting(
    term: string,
    filter: CandidateFilter,
    visit: (doc: number, posting: PostingView) => void,
  ): void;
  /** Every `doc` number passed to `visit` is an integer in [0, docLimit()) (scores live in an array). */
  docLimit(): number;
  idOf(doc: number): string;
  entryOf(id: string): IndexEntry | undefined;
}

/** The project / time part of a filter, as every backend applies it. */
export function passesFilter(filter: CandidateFilter, createdMs: number, project: string): boolean {
  if (filter.project !== undefined && filter.project !== project) return false;
  if (filter.createdFromMs !== undefined && !(createdMs >= filter.createdFromMs)) return false;
  if (filter.createdBeforeMs !== undefined && !(createdMs < filter.createdBeforeMs)) return false;
  return true;
}
