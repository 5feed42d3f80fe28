import { bm25fTermWeight } from './bm25f';
import type { CandidateSource } from './candidate-source';
import type { QueryPlan } from './query-plan';
import { TopK } from './top-k';
import type { Scored } from './top-k';
import type { CandidateFilter } from './types';

/**
 * Stage 1: BM25F scores of every ticket sharing a planned term (and passing the filter), summed
 * term by term in plan order, and the `limit` best (score, then id). Excluded ids never count.
 */
export function retrieveCandidates(
  source: CandidateSource,
  plan: QueryPlan,
  options: { filter?: CandidateFilter; limit: number },
): Scored[] {
  const filter = options.filter ?? {};
  const scores = new Map<number, number>();
  const { averages } = plan;
  const bm25f = plan.params.bm25f;
  for (const t of plan.terms) {
    const w = t.idf * t.queryWeight;
    source.forEachPosting(t.term, filter, (doc, p) => {
      scores.set(doc, (scores.get(doc) ?? 0) + w * bm25fTermWeight(p.tf, p.lengths, averages, bm25f));
    });
  }
  const top = new TopK<Scored>(options.limit);
  const exclude = filter.excludeIds;
  for (const [doc, score] of scores) {
    if (!(score > 0)) continue;
    const id = source.idOf(doc);
    if (exclude?.has(id) === true || !top.accepts(score, id)) continue;
    top.offer({ id, score });
  }
  return top.sorted();
}
