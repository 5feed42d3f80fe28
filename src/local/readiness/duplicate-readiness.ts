import type { Ticket } from '../../core/shared/ticket';
import { meanReciprocalRank, recallAtK } from '../../engine/eval';
import { SimilarityIndex, findSimilar, type TicketDoc } from '../../engine/similar';
import { toDoc } from '../../core/shared/ticket-doc';
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

/** Jira's resolution for a duplicate (English and German sites). */
const DUPLICATE_RESOLUTION = /^(duplicate|duplikat|dublette)/i;

const keysOf = (pair: readonly [Ticket, Ticket]): [string, string] => {
  const [a, b] = pair;
  return a.created <= b.created ? [a.key, b.key] : [b.key, a.key];
};

/**
 * Tickets resolved as a duplicate that no duplicate link ties to another: each is paired with
 * the earlier ticket of its project the similar search ranks first (none found: left out).
 */
function resolvedUnlinked(
  tickets: readonly Ticket[],
  linked: readonly [Ticket, Ticket][],
  index: () => SimilarityIndex,
): [string, string][] {
  const inPair = new Set(linked.flatMap(([a, b]) => [a.key, b.key]));
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return tickets.flatMap((t): [string, string][] => {
    if (inPair.has(t.key) || t.resolution === null || !DUPLICATE_RESOLUTION.test(t.resolution)) return [];
    if (!Number.isFinite(t.created)) return [];
    const [top] = findSimilar(index(), asNew(t), {
      limit: 1,
      filter: { createdBeforeMs: t.created, project: t.projectKey },
    });
    const original = top === undefined ? undefined : byId.get(top.id);
    return original === undefined ? [] : [[original.key, t.key]];
  });
}

/**
 * For every duplicate pair, the later ticket asks for similar tickets among those created before
 * it; the rank of its earlier twin gives recall@k and MRR (the protocol of docs/benchmarks.md).
 * The figures also count every pair the export shows (`pairs`), linked or only resolved as one.
 */
export function duplicateReadiness(tickets: readonly Ticket[]): DuplicateReadiness {
  const linked = duplicatePairs(tickets);
  let built: SimilarityIndex | null = null;
  const index = (): SimilarityIndex => {
    if (built === null) {
      built = new SimilarityIndex();
      for (const t of tickets) built.add(toDoc(t));
    }
    return built;
  };
  const all = { linked: linked.map(keysOf), resolvedUnlinked: resolvedUnlinked(tickets, linked, index) };
  const pairs = linked.filter(
    ([a, b]) => Number.isFinite(a.created) && Number.isFinite(b.created) && a.created !== b.created,
  );
  const source = 'tickets linked as duplicates in the export';
  if (pairs.length < MIN_QUERIES) {
    return {
      source,
      pairs: all,
      queries: pairs.length,
      recallAt1: null,
      recallAt5: null,
      recallAt10: null,
      mrr: null,
      problem: `only ${pairs.length} duplicate links with known creation dates; at least ${MIN_QUERIES} are needed to measure`,
    };
  }
  const ranks = pairs.map(([a, b]) => {
    const [older, newer] = a.created < b.created ? [a, b] : [b, a];
    const hits = findSimilar(index(), asNew(newer), {
      limit: 10,
      filter: { createdBeforeMs: newer.created },
    });
    const at = hits.findIndex((h) => h.id === older.id);
    return at === -1 ? null : at + 1;
  });
  return {
    source,
    pairs: all,
    queries: ranks.length,
    recallAt1: recallAtK(ranks, 1),
    recallAt5: recallAtK(ranks, 5),
    recallAt10: recallAtK(ranks, 10),
    mrr: meanReciprocalRank(ranks),
    problem: null,
  };
}
