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
export const MATCH_FEATURES = [
  'retrieval',
  'summary',
  'shingles',
  'recency',
  '1/rank',
  'margin',
  'score/top',
] as const;

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
  return [
    f.retrieval,
    f.summary,
    f.shingles,
    f.recency,
    1 / (i + 1),
    r.score > 0 ? (r.score - next) / r.score : 0,
    top > 0 ? r.score / top : 0,
  ];
}

/**
 * P(duplicate), fitted by `npm run bench similar` on gitbugs-hadoop (the top-10 of each of the
 * 65 queries; positive = the labelled duplicate). Threshold 0.61: out-of-fold precision 0.79 on
 * the 14 suggestions (of 65 queries) that clear it. Hadoop bug reports are the only public
 * labelled duplicates at hand; a site should refit on its own "duplicates" links.
 */
export const DEFAULT_DUPLICATE_MODEL: MatchModel = {
  bias: -5.64,
  weights: [-0.13, 0.77, -0.34, 0.63, 2.77, 0.92, 2.03],
  threshold: 0.61,
};

/**
 * P(related), i.e. the same topic, fitted by `npm run bench similar` on itsc (479 test tickets
 * against the train rows, top-10, positive = same Topic_group). Threshold 0.755: out-of-fold
 * precision 0.85 with 2.3 suggestions per query (0.84 would give 0.90 with 1.2, and hid
 * same-summary tickets of short, templated requests). A related ticket costs a glance when it is
 * wrong, a duplicate link does not, so related gets the lower precision target.
 */
export const DEFAULT_RELATED_MODEL: MatchModel = {
  bias: -0.54,
  weights: [1.45, 1.12, 1.33, 0.32, -0.15, 0, -0.39],
  threshold: 0.755,
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
      duplicateProbability >= dup.threshold
        ? 'duplicate'
        : relatedProbability >= rel.threshold
          ? 'related'
          : 'weak';
    return { ...r, kind, duplicateProbability, relatedProbability };
  });
}
