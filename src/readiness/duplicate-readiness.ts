import type { Ticket } from '../core/ticket';
import { meanReciprocalRank, recallAtK } from '../engine/eval/ranking-metrics';
import { SimilarityIndex, findSimilar, type TicketDoc } from '../engine/similar';
import type { DuplicateReadiness } from './report-types';

const DUPLICATE_LINK = /duplicat|dublette/i;
const MIN_QUERIES = 5;

/** Unordered pairs of tickets linked as duplicates, both present in the export. */
export function duplicatePairs(tickets: readonly Ticket[]): [Ticket, Ticket][] {
  const byKey = new Map(tickets.map((t) => [t.key, t]));
  const seen = new Set<string>();
  const pairs: [Ticket, Ticket][] = [];
  for (const t of tickets) {
    for (const link of t.links) {
      const other = byKey.get(link.key);
      if (other === undefined || other.key === t.key || !DUPLICATE_LINK.test(link.type)) continue;
      const id = t.key < other.key ? `${t.key}|${other.key}` : `${other.key}|${t.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      pairs.push([t, other]);
    }
  }
  return pairs;
}

/** The ticket as the index stores it (everything known about an older ticket). */
export function toDoc(t: Ticket): TicketDoc {
  return {
    id: t.id,
    summary: t.summary,
    description: t.description,
    comments: t.comments.map((c) => c.body),
    createdMs: t.created,
    project: t.projectKey,
    components: t.components,
    ...(t.requestType === null ? {} : { requestType: t.requestType }),
    ...(t.resolution === null ? {} : { resolution: t.resolution }),
    ...(t.resolved === null ? {} : { resolvedMs: t.resolved }),
  };
}

/** The new ticket as the app first sees it: no comments, no resolution yet. */
function asNew(t: Ticket): TicketDoc {
  return {
    id: t.id,
    summary: t.summary,
    description: t.description,
    createdMs: t.created,
    project: t.projectKey,
    components: t.components,
    ...(t.requestType === null ? {} : { requestType: t.requestType }),
  };
}

/**
 * For every duplicate pair, the later ticket asks for similar tickets among those created before
 * it; the rank of its earlier twin gives recall@k and MRR (the protocol of docs/benchmarks.md).
 */
export function duplicateReadiness(tickets: readonly Ticket[]): DuplicateReadiness {
  const pairs = duplicatePairs(tickets).filter(
    ([a, b]) => Number.isFinite(a.created) && Number.isFinite(b.created) && a.created !== b.created,
  );
  const source = 'tickets linked as duplicates in the export';
  if (pairs.length < MIN_QUERIES) {
    return {
      source,
      queries: pairs.length,
      recallAt1: null,
      recallAt5: null,
      recallAt10: null,
      mrr: null,
      problem: `only ${pairs.length} duplicate links with known creation dates; at least ${MIN_QUERIES} are needed to measure`,
    };
  }
  const index = new SimilarityIndex();
  for (const t of tickets) index.add(toDoc(t));
  const ranks = pairs.map(([a, b]) => {
    const [older, newer] = a.created < b.created ? [a, b] : [b, a];
    const hits = findSimilar(index, asNew(newer), { limit: 10, filter: { createdBeforeMs: newer.created } });
    const at = hits.findIndex((h) => h.id === older.id);
    return at === -1 ? null : at + 1;
  });
  return {
    source,
    queries: ranks.length,
    recallAt1: recallAtK(ranks, 1),
    recallAt5: recallAtK(ranks, 5),
    recallAt10: recallAtK(ranks, 10),
    mrr: meanReciprocalRank(ranks),
    problem: null,
  };
}
