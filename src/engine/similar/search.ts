import type { CandidateSource } from './candidate-source';
import { computeIndexEntry } from './index-entry';
import { DEFAULT_RETRIEVAL, planQuery } from './query-plan';
import type { RetrievalParams } from './query-plan';
import { DEFAULT_RERANK, rerankCandidates } from './rerank';
import type { Reranked, RerankParams } from './rerank';
import { retrieveCandidates } from './retrieve';
import type { CandidateFilter, IndexEntry, TicketDoc } from './types';

export interface FindSimilarOptions {
  /** Results returned, default 10. */
  limit?: number;
  filter?: CandidateFilter;
  retrieval?: RetrievalParams;
  rerank?: RerankParams;
}

/**
 * Two-stage search: BM25F over the pruned query terms picks `rerank.depth` candidates, the
 * reranker orders them. The query ticket itself is always excluded. A query with no indexed
 * term (empty text, words no ticket has) returns [].
 */
export function findSimilar(
  source: CandidateSource,
  query: TicketDoc | IndexEntry,
  options: FindSimilarOptions = {},
): Reranked[] {
  const entry = 'terms' in query ? query : computeIndexEntry(query);
  const rerank = options.rerank ?? DEFAULT_RERANK;
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  const plan = planQuery(entry, source, options.retrieval ?? DEFAULT_RETRIEVAL);
  if (plan.terms.length === 0 || limit === 0) return [];
  const exclude = new Set(options.filter?.excludeIds ?? []);
  exclude.add(entry.id);
  const candidates = retrieveCandidates(source, plan, {
    filter: { ...options.filter, excludeIds: exclude },
    limit: Math.max(limit, rerank.depth),
  });
  return rerankCandidates(plan, candidates, (id) => source.entryOf(id), {
    ...rerank,
    depth: Math.max(limit, rerank.depth),
  }).slice(0, limit);
}

/** Options a panel or admin sets for which tickets may be suggested. */
export interface SimilarScope {
  /** Only the query's own project / service desk. */
  sameProject?: boolean;
  /** Only tickets created within this many days before `nowMs`. */
  windowDays?: number;
  nowMs?: number;
}

/**
 * The filter for a query ticket: never itself nor what it already links to; optionally the same
 * project and a time window.
 */
export function scopeFilter(query: TicketDoc, scope: SimilarScope = {}): CandidateFilter {
  const filter: CandidateFilter = { excludeIds: new Set([query.id, ...(query.linkedIds ?? [])]) };
  if (scope.sameProject === true) filter.project = query.project ?? '';
  if (scope.windowDays !== undefined && scope.nowMs !== undefined)
    filter.createdFromMs = scope.nowMs - scope.windowDays * 86_400_000;
  return filter;
}
