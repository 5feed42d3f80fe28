import { predictLogistic } from './logistic';
import type { LogisticModel } from './logistic';
import type { Reranked } from './rerank';

/**
 * A calibrated score over the rerank features plus the result's rank, with the threshold at
 * which a suggestion is shown under that label.
 */
export interface MatchModel extends LogisticModel {
  threshold: number;
}

/** Names of the matchVector entries, in order. */
export const MATCH_FEATURES = ['retrieval', 'summary', 'shingles', 'recency', '1/rank', 'margin', 'score/top'] as const;

/**
 * Feature vector of result `i` of a ranked list: its rerank features (facets left out: no
 * public labelled data has them, so no weight could be fitted), 1/rank, its relative lead over
 * the next result (a clear winner is more often the duplicate) and its score relative to the top.
 */
export function matchVector(results: readonly Reranked[], i: number): number[] {
  const r = results[i];
  if (r === undefined) return MATCH_FEATURES.map(() => 0);
  const f = r.features;
  const next = results[i + 1]?.score ?? 0;
  const top = results[0]?.score ?? r.score;
  return [f.retrieval, f.summary, f.shingles, f.recency, 1 / (i + 1), r.score > 0 ? (r.score - next) / r.score : 0, top > 0 ? r.score / top : 0];
}

/**
 * P(duplicate): fitted by `npm run bench similar` on gitbugs-hadoop (the top-10 of every query;
 * positive = the labelled duplicate), threshold at cross-validated precision ≥ 0.8. Hadoop bug
 * reports are the only public labelled duplicates; refit on a site's own linked duplicates.
 */
export const DEFAULT_DUPLICATE_MODEL: MatchModel = {
  bias: -6.5,
  weights: [3, 2, 2, 1, 0.5, 2],
  threshold: 0.5,
};

/**
 * P(related), i.e. the same topic: fitted by `npm run bench similar` on itsc (same Topic_group
 * as the query among its top-10), threshold 0.5.
 */
export const DEFAULT_RELATED_MODEL: MatchModel = {
  bias: -1,
  weights: [3, 1, 1, 0, 0.5, 0.5],
  threshold: 0.5,
};

export type MatchKind = 'duplicate' | 'related' | 'weak';

export interface LabelledMatch extends Reranked {
  kind: MatchKind;
  duplicateProbability: number;
  relatedProbability: number;
}

/** Labels ranked results: duplicate above its threshold, else related above its, else weak. */
export function labelMatches(
  results: readonly Reranked[],
  models: { duplicate?: MatchModel; related?: MatchModel } = {},
): LabelledMatch[] {
  const dup = models.duplicate ?? DEFAULT_DUPLICATE_MODEL;
  const rel = models.related ?? DEFAULT_RELATED_MODEL;
  return results.map((r, i) => {
    const x = matchVector(results, i);
    const duplicateProbability = predictLogistic(dup, x);
    const relatedProbability = Math.max(duplicateProbability, predictLogistic(rel, x));
    const kind: MatchKind =
      duplicateProbability >= dup.threshold ? 'duplicate' : relatedProbability >= rel.threshold ? 'related' : 'weak';
    return { ...r, kind, duplicateProbability, relatedProbability };
  });
}
