import { minhashSimilarity } from './minhash';
import type { QueryPlan } from './query-plan';
import type { Scored } from './top-k';
import { rankOrder } from './top-k';
import type { IndexEntry } from './types';

const DAY_MS = 86_400_000;

/**
 * Stage-2 signals of one candidate, each in 0..1 (retrieval may pass 1 slightly when the
 * candidate repeats the query's words more than the query does).
 */
export interface RerankFeatures {
  /** Stage-1 BM25F score divided by the query's score against itself. */
  retrieval: number;
  /** idf-weighted share of the query's summary terms found in the candidate's summary. */
  summary: number;
  /** MinHash estimate of the word-bigram Jaccard overlap (near-duplicate text). */
  shingles: number;
  /** exp(−days apart / recencyDays); 0 when either date is unknown. */
  recency: number;
  /** Jaccard overlap of components and request type; 0 when neither has any. */
  facets: number;
}

export const FEATURE_NAMES = [
  'retrieval',
  'summary',
  'shingles',
  'recency',
  'facets',
] as const satisfies readonly (keyof RerankFeatures)[];

/** Linear reranking weights over RerankFeatures plus the recency scale. */
export interface RerankParams {
  weights: RerankFeatures;
  /** Days over which the recency signal decays by 1/e. */
  recencyDays: number;
  /** Stage-1 candidates reranked. */
  depth: number;
}

export const DEFAULT_RERANK: RerankParams = {
  weights: { retrieval: 1, summary: 0.4, shingles: 0, recency: 0.2, facets: 0 },
  recencyDays: 60,
  depth: 50,
};

export function rerankFeatures(
  plan: QueryPlan,
  candidate: IndexEntry,
  retrievalScore: number,
  params: RerankParams,
): RerankFeatures {
  const query = plan.query;
  const candidateSummary = new Set<string>();
  for (const t of candidate.terms) if (t.tf[0] > 0) candidateSummary.add(t.term);
  let shared = 0;
  let total = 0;
  for (const t of plan.terms) {
    if (t.queryTf[0] === 0) continue;
    total += t.idf;
    if (candidateSummary.has(t.term)) shared += t.idf;
  }
  const apart = Math.abs(query.createdMs - candidate.createdMs) / DAY_MS;
  return {
    retrieval: plan.selfScore > 0 ? retrievalScore / plan.selfScore : 0,
    summary: total > 0 ? shared / total : 0,
    shingles: minhashSimilarity(query.signature, candidate.signature),
    recency: Number.isFinite(apart) ? Math.exp(-apart / params.recencyDays) : 0,
    facets: jaccard(query.facets, candidate.facets),
  };
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const set = new Set(a);
  let both = 0;
  for (const x of b) if (set.has(x)) both++;
  return both / (a.length + b.length - both);
}

export const linearScore = (f: RerankFeatures, w: RerankFeatures): number =>
  w.retrieval * f.retrieval +
  w.summary * f.summary +
  w.shingles * f.shingles +
  w.recency * f.recency +
  w.facets * f.facets;

export interface Reranked extends Scored {
  features: RerankFeatures;
  /** The stage-1 BM25F score. */
  retrievalScore: number;
}

/**
 * Stage 2: rescore the top `depth` stage-1 candidates with the linear model and return them in
 * the new order. `entryOf` returning undefined (a ticket removed between the two stages) drops
 * that candidate.
 */
export function rerankCandidates(
  plan: QueryPlan,
  candidates: readonly Scored[],
  entryOf: (id: string) => IndexEntry | undefined,
  params: RerankParams = DEFAULT_RERANK,
): Reranked[] {
  const head: Reranked[] = [];
  for (const c of candidates.slice(0, params.depth)) {
    const entry = entryOf(c.id);
    if (entry === undefined) continue;
    const features = rerankFeatures(plan, entry, c.score, params);
    head.push({ id: c.id, score: linearScore(features, params.weights), features, retrievalScore: c.score });
  }
  head.sort(rankOrder);
  return head;
}
