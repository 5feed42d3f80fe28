import { percentile, meanReciprocalRank, recallAtK } from '../../../engine/eval';
import type { TicketDoc } from '../../../engine/similar';

/** Anything that can be fed tickets one by one and asked for the most similar ones. */
export interface IncrementalRanker {
  add(ticket: TicketDoc): void;
  /** Ids of the best matches for `query`, best first, at most `k`. */
  search(query: TicketDoc, k: number): string[];
}

export interface DuplicateQuery {
  query: TicketDoc;
  duplicateId: string;
}

/**
 * The "duplicates" protocol of the benchmark docs: every unordered pair whose two tickets are
 * both known yields one query, the later-created ticket (equal times: the larger id), looking
 * for the earlier one. Pairs listed in both directions count once.
 */
export function duplicateQueries(
  tickets: readonly TicketDoc[],
  pairs: readonly (readonly [string, string])[],
): DuplicateQuery[] {
  const byId = new Map<string, TicketDoc>();
  for (const t of tickets) byId.set(t.id, t);
  const seen = new Set<string>();
  const out: DuplicateQuery[] = [];
  for (const [a, b] of pairs) {
    if (a === b) continue;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ta = byId.get(a);
    const tb = byId.get(b);
    if (ta === undefined || tb === undefined) continue;
    const ca = ta.createdMs ?? Number.NaN;
    const cb = tb.createdMs ?? Number.NaN;
    const aLater = ca > cb || (ca === cb && a > b);
    out.push(aLater ? { query: ta, duplicateId: b } : { query: tb, duplicateId: a });
  }
  return out;
}

export interface DuplicateEvalResult {
  queries: number;
  ranks: (number | null)[];
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  queryMsP50: number;
  queryMsP99: number;
}

/**
 * Replays time: tickets enter the ranker in creation order, and each query runs once every
 * ticket created strictly before it (and nothing later) is in, so the pool and the corpus
 * statistics are exactly what existed when the query ticket was filed.
 */
export function runDuplicateEval(
  tickets: readonly TicketDoc[],
  queries: readonly DuplicateQuery[],
  ranker: IncrementalRanker,
  options: { k?: number; clock?: () => number } = {},
): DuplicateEvalResult {
  const k = options.k ?? 10;
  const clock = options.clock ?? (() => performance.now());
  const time = (t: TicketDoc): number => t.createdMs ?? Number.NaN;
  const ordered = tickets
    .filter((t) => Number.isFinite(time(t)))
    .sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : 1));
  const order = queries
    .map((_, i) => i)
    .sort((a, b) => time(queries[a]!.query) - time(queries[b]!.query) || a - b);
  const ranks: (number | null)[] = new Array<number | null>(queries.length).fill(null);
  const millis: number[] = [];
  let next = 0;
  for (const qi of order) {
    const q = queries[qi]!;
    while (next < ordered.length && time(ordered[next]!) < time(q.query)) ranker.add(ordered[next++]!);
    const start = clock();
    const found = ranker.search(q.query, k);
    millis.push(clock() - start);
    const at = found.indexOf(q.duplicateId);
    ranks[qi] = at === -1 ? null : at + 1;
  }
  return {
    queries: queries.length,
    ranks,
    recallAt1: recallAtK(ranks, 1),
    recallAt5: recallAtK(ranks, 5),
    recallAt10: recallAtK(ranks, 10),
    mrr: meanReciprocalRank(ranks),
    queryMsP50: percentile(millis, 50),
    queryMsP99: percentile(millis, 99),
  };
}
