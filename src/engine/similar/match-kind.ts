import { predictLogistic } from './logistic';
import type { LogisticModel } from './logistic';
import { FEATURE_NAMES } from './rerank';
import type { Reranked, RerankFeatures } from './rerank';

/**
 * A calibrated score over the rerank features plus the result's rank, with the threshold at
 * which a suggestion is shown under that label.
 */
export interface MatchModel extends LogisticModel {
  threshold: number;
}

/** Feature vector of a result: the RerankFeatures in FEATURE_NAMES order, then 1/rank. */
export function matchVector(features: RerankFeatures, rank: number): number[] {
  return [...FEATURE_NAMES.map((n) => features[n]), 1 / Math.max(1, rank)];
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
    const x = matchVector(r.features, i + 1);
    const duplicateProbability = predictLogistic(dup, x);
    const relatedProbability = Math.max(duplicateProbability, predictLogistic(rel, x));
    const kind: MatchKind =
      duplicateProbability >= dup.threshold ? 'duplicate' : relatedProbability >= rel.threshold ? 'related' : 'weak';
    return { ...r, kind, duplicateProbability, relatedProbability };
  });
}
