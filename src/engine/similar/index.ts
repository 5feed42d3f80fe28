export { FIELDS } from './types';
export type {
  CandidateFilter,
  CorpusStats,
  FieldName,
  FieldTriple,
  IndexEntry,
  TermFrequencies,
  TicketDoc,
} from './types';
export { computeIndexEntry, MAX_TERM_FREQUENCY } from './index-entry';
export type { CandidateSource, PostingView } from './candidate-source';
export { SimilarityIndex } from './memory-index';
export { DEFAULT_BM25F, idf, bm25fTermWeight } from './bm25f';
export type { Bm25fParams } from './bm25f';
export { DEFAULT_RETRIEVAL, planQuery } from './query-plan';
export type { QueryPlan, QueryTerm, RetrievalParams } from './query-plan';
export { retrieveCandidates } from './retrieve';
export { DEFAULT_RERANK, FEATURE_NAMES, rerankCandidates, rerankFeatures } from './rerank';
export type { Reranked, RerankFeatures, RerankParams } from './rerank';
export { findSimilar, scopeFilter } from './search';
export type { FindSimilarOptions, SimilarScope } from './search';
export { explainMatch } from './explain';
export type { Highlight, MatchExplanation, SharedTerm } from './explain';
export { howSolved } from './how-solved';
export type { SolvedBefore } from './how-solved';
export { fitLogistic, predictLogistic } from './logistic';
export type { LogisticModel } from './logistic';
export {
  DEFAULT_DUPLICATE_MODEL,
  DEFAULT_RELATED_MODEL,
  labelMatches,
  MATCH_FEATURES,
  matchVector,
} from './match-kind';
export type { LabelledMatch, MatchKind, MatchModel } from './match-kind';
export { fromSnapshot, SNAPSHOT_KIND, SNAPSHOT_VERSION, toSnapshot } from './snapshot';
export type { SimilarIndexSnapshot } from './snapshot';
export { createRowSource } from './row-source';
export type { PostingRow, PrefetchedRows } from './row-source';
export { passesFilter } from './candidate-source';
