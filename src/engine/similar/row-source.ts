import { passesFilter } from './candidate-source';
import type { CandidateSource, PostingView } from './candidate-source';
import type { CandidateFilter, CorpusStats, FieldTriple, IndexEntry } from './types';

/** One row of a postings table joined with its ticket row, as a SQL backend reads it. */
export interface PostingRow {
  term: string;
  id: string;
  tf: FieldTriple;
  lengths: FieldTriple;
  createdMs: number;
  project: string;
}

/** What an asynchronous store prefetches for one query (see CandidateSource for each part). */
export interface PrefetchedRows {
  stats: CorpusStats;
  /** Corpus-wide document frequency of every query term (missing = 0). */
  documentFrequencies: ReadonlyMap<string, number>;
  /** Posting rows of the planned terms (at least those passing the filter). */
  postings: readonly PostingRow[];
  /** Index entries of the candidates to rerank (at least the stage-1 top `depth`). */
  entries: readonly IndexEntry[];
}

/**
 * A CandidateSource over prefetched rows, so an asynchronous backend (Forge SQL) runs the same
 * synchronous ranking code: fetch stats and document frequencies of the query's terms, call
 * `planQuery`, fetch the postings of `plan.terms`, call `retrieveCandidates`, fetch the entries
 * of the winners, call `rerankCandidates`. Filters are applied again here, so rows the store did
 * not filter do no harm.
 */
export function createRowSource(rows: PrefetchedRows): CandidateSource {
  const byTerm = new Map<string, PostingRow[]>();
  for (const row of rows.postings) {
    let list = byTerm.get(row.term);
    if (list === undefined) byTerm.set(row.term, (list = []));
    list.push(row);
  }
  const docIds: string[] = [];
  const docOf = new Map<string, number>();
  for (const row of rows.postings) {
    if (!docOf.has(row.id)) {
      docOf.set(row.id, docIds.length);
      docIds.push(row.id);
    }
  }
  const entries = new Map(rows.entries.map((e) => [e.id, e]));
  return {
    stats: () => rows.stats,
    documentFrequency: (term) => rows.documentFrequencies.get(term) ?? 0,
    forEachPosting(
      term: string,
      filter: CandidateFilter,
      visit: (doc: number, posting: PostingView) => void,
    ): void {
      for (const row of byTerm.get(term) ?? []) {
        if (passesFilter(filter, row.createdMs, row.project)) visit(docOf.get(row.id) as number, row);
      }
    },
    docLimit: () => docIds.length,
    idOf: (d) => docIds[d] ?? '',
    entryOf: (id) => entries.get(id),
  };
}
