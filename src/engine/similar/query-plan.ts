import { averageLengths, bm25fTermWeight, DEFAULT_BM25F, idf, validateBm25f } from './bm25f';
import type { Bm25fParams } from './bm25f';
import type { CandidateSource } from './candidate-source';
import type { FieldTriple, IndexEntry } from './types';

/** How a query ticket becomes weighted query terms. */
export interface RetrievalParams {
  bm25f: Bm25fParams;
  /** Query terms kept after pruning (the most informative ones), ≥ 1. */
  maxQueryTerms: number;
  /** How much a query term counts per query field it occurs in [summary, description, comments]. */
  queryFieldWeights: FieldTriple;
  /** Saturation of the query-side frequency (BM25's k3); a word repeated 10 times is not 10× the topic. */
  queryK3: number;
  /**
   * Candidate tickets collected at most ("quit/continue" accumulator limiting, Moffat & Zobel,
   * "Self-indexing inverted files for fast text retrieval", 1996): terms are read rarest-first
   * by weight, and once this many tickets have a score, later (commoner) terms only add to
   * them. A ticket sharing nothing but common words with the query is never a good candidate,
   * and those terms' long posting lists are where the time goes.
   */
  maxAccumulators: number;
  /**
   * Postings read at most per query: after the 8 most informative terms, a term is kept only
   * while the summed document frequencies stay within this budget. Bounds the cost of long
   * queries made of common words on a large site; never binds on a few thousand tickets.
   */
  maxPostings: number;
}

/** Terms always kept (budget permitting or not): a query is never cut below its core. */
const MIN_QUERY_TERMS = 8;

export const DEFAULT_RETRIEVAL: RetrievalParams = {
  bm25f: DEFAULT_BM25F,
  maxQueryTerms: 32,
  queryFieldWeights: [2, 1, 0.5],
  queryK3: 1,
  maxAccumulators: 5_000,
  maxPostings: 200_000,
};

export interface QueryTerm {
  term: string;
  /** Corpus-wide document frequency. */
  df: number;
  idf: number;
  /** Saturated query-side weight; the term's contribution is idf · queryWeight · bm25fTermWeight. */
  queryWeight: number;
  /** The query's own frequencies of this term, per field. */
  queryTf: FieldTriple;
}

/** Stage-1 query: pruned terms in scoring order plus the corpus numbers they were weighed with. */
export interface QueryPlan {
  terms: QueryTerm[];
  averages: FieldTriple;
  documents: number;
  params: RetrievalParams;
  /** Score of the query against itself (same formula): divides scores into 0..~1. */
  selfScore: number;
  query: IndexEntry;
}

/**
 * Weighs every query term by idf × saturated query frequency, drops terms no ticket has, keeps
 * the `maxQueryTerms` most informative (ties by term, so every backend keeps the same ones) and
 * returns them in that order, which is also the order scores are summed in.
 */
export function planQuery(
  query: IndexEntry,
  source: CandidateSource,
  params: RetrievalParams = DEFAULT_RETRIEVAL,
): QueryPlan {
  // Checked per query (a few comparisons): parameters come from benches, the CLI and stored config.
  validateBm25f(params.bm25f);
  const stats = source.stats();
  const averages = averageLengths(stats);
  const weighed: QueryTerm[] = [];
  for (const { term, tf } of query.terms) {
    const df = source.documentFrequency(term);
    if (df <= 0) continue;
    let q = 0;
    for (let f = 0; f < 3; f++) q += (params.queryFieldWeights[f] as number) * (tf[f] as number);
    if (q <= 0) continue;
    weighed.push({
      term,
      df,
      idf: idf(df, stats.documents),
      queryWeight: (q * (params.queryK3 + 1)) / (params.queryK3 + q),
      queryTf: tf,
    });
  }
  weighed.sort(
    (a, b) =>
      b.idf * b.queryWeight - a.idf * a.queryWeight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
  );
  const terms: QueryTerm[] = [];
  let postings = 0;
  for (const t of weighed) {
    if (terms.length >= Math.max(1, Math.floor(params.maxQueryTerms))) break;
    if (terms.length >= MIN_QUERY_TERMS && postings + t.df > params.maxPostings) continue;
    terms.push(t);
    postings += t.df;
  }
  let selfScore = 0;
  for (const t of terms)
    selfScore += t.idf * t.queryWeight * bm25fTermWeight(t.queryTf, query.lengths, averages, params.bm25f);
  return { terms, averages, documents: stats.documents, params, selfScore, query };
}
