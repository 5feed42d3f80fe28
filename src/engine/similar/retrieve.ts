import { bm25fTermWeight } from './bm25f';
import type { CandidateSource } from './candidate-source';
import type { QueryPlan } from './query-plan';
import { TopK } from './top-k';
import type { Scored } from './top-k';
import type { CandidateFilter } from './types';

/**
 * One score array per source, reused across queries (zeroed again after each): a fresh
 * 100,000-slot array per query would be 800 KB of garbage every time.
 */
const scratch = new WeakMap<CandidateSource, Float64Array>();

function scoreArray(source: CandidateSource): Float64Array {
  const size = source.docLimit();
  let scores = scratch.get(source);
  if (scores === undefined || scores.length < size) {
    scores = new Float64Array(Math.max(size, (scores?.length ?? 0) * 2, 64));
    scratch.set(source, scores);
  }
  return scores;
}

/**
 * Stage 1: BM25F scores of the tickets sharing a planned term (and passing the filter), summed
 * term by term in plan order, and the `limit` best (score, then id). Once `maxAccumulators`
 * tickets have a score, the following terms only add to those (checked before each term, so
 * every backend stops admitting at the same term). Excluded ids never count.
 */
export function retrieveCandidates(
  source: CandidateSource,
  plan: QueryPlan,
  options: { filter?: CandidateFilter; limit: number },
): Scored[] {
  const filter = options.filter ?? {};
  const scores = scoreArray(source);
  const touched: number[] = [];
  const { averages } = plan;
  const bm25f = plan.params.bm25f;
  for (const t of plan.terms) {
    const w = t.idf * t.queryWeight;
    const onlyKnown = touched.length >= plan.params.maxAccumulators;
    source.forEachPosting(t.term, filter, (doc, p) => {
      const before = scores[doc] as number;
      if (before === 0) {
        if (onlyKnown) return;
        touched.push(doc);
      }
      scores[doc] = before + w * bm25fTermWeight(p.tf, p.lengths, averages, bm25f);
    });
  }
  const top = new TopK<Scored>(options.limit);
  const exclude = filter.excludeIds;
  for (const doc of touched) {
    const score = scores[doc] as number;
    scores[doc] = 0;
    if (!(score > 0)) continue;
    const id = source.idOf(doc);
    if (exclude?.has(id) === true || !top.accepts(score, id)) continue;
    top.offer({ id, score });
  }
  return top.sorted();
}
