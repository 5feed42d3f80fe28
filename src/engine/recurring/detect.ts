import { InputError } from '../errors';
import { idf } from '../similar/bm25f';
import type { CandidateSource } from '../similar/candidate-source';
import { analyzeFields, computeIndexEntry } from '../similar/index-entry';
import type { TicketDoc } from '../similar/types';
import { isDismissed } from './dismissal';
import type { DismissalState } from './dismissal';

/** Admin settings: a cluster is at least `minTickets` similar tickets within `windowHours`. */
export interface RecurringConfig {
  minTickets: number;
  windowHours: number;
  /** Cosine similarity (tf-idf) at which two tickets count as the same incident, 0..1. */
  minSimilarity: number;
  /** How far back from `nowMs` tickets are considered. */
  lookbackHours: number;
}

/**
 * Defaults from the itsc run in docs/benchmarks.md: similarity 0.6 keeps clusters 0.97 pure
 * (vs 0.82 at 0.4) and about 16 a week on a desk of ~1,800 tickets a week.
 */
export const DEFAULT_RECURRING: RecurringConfig = {
  minTickets: 3,
  windowHours: 24,
  minSimilarity: 0.6,
  lookbackHours: 7 * 24,
};

export interface RecurringCluster {
  /** Stable id: the first member's id (earliest, then smallest id). */
  key: string;
  /** Members, earliest first. */
  memberIds: string[];
  firstSeenMs: number;
  lastSeenMs: number;
  /** The most characteristic words, as written (most common surface of each stem). */
  terms: string[];
  /** Problem tickets already linked to a member (or members that are problem tickets). */
  problemIds: string[];
  problemLinked: boolean;
}

export interface RecurringInput {
  tickets: readonly TicketDoc[];
  /** Ids of problem tickets (e.g. request type "Problem"). */
  problemIds?: ReadonlySet<string>;
  nowMs: number;
  /** idf comes from here (the whole index), so a handful of recent tickets is weighed fairly. */
  source: CandidateSource;
  config?: RecurringConfig;
  dismissed?: DismissalState;
}

export function validateRecurringConfig(c: RecurringConfig): RecurringConfig {
  if (!(Number.isInteger(c.minTickets) && c.minTickets >= 2))
    throw new InputError('bad_value', `minTickets must be an integer ≥ 2 (got ${c.minTickets})`);
  if (!(c.windowHours > 0))
    throw new InputError('bad_value', `windowHours must be > 0 (got ${c.windowHours})`);
  if (!(c.minSimilarity > 0 && c.minSimilarity <= 1))
    throw new InputError('bad_value', `minSimilarity must be within (0, 1] (got ${c.minSimilarity})`);
  if (!(c.lookbackHours > 0))
    throw new InputError('bad_value', `lookbackHours must be > 0 (got ${c.lookbackHours})`);
  return c;
}

interface Vector {
  ticket: TicketDoc;
  time: number;
  weights: Map<string, number>;
  norm: number;
}

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) dot += w * (large.weights.get(t) ?? 0);
  return dot / (a.norm * b.norm);
}

/**
 * Problem candidates: recent tickets linked when they are similar (cosine ≥ minSimilarity) and
 * at most `windowHours` apart, grouped into connected components; a component is reported when
 * some `windowHours` span of it holds `minTickets` members. Dismissed clusters are left out.
 * Pure: the caller passes the clock, the tickets and the dismissal state.
 */
export function detectRecurring(input: RecurringInput): RecurringCluster[] {
  const config = validateRecurringConfig(input.config ?? DEFAULT_RECURRING);
  const windowMs = config.windowHours * 3_600_000;
  const from = input.nowMs - config.lookbackHours * 3_600_000;
  const stats = input.source.stats();
  const documents = Math.max(1, stats.documents);
  const vectors: Vector[] = [];
  for (const ticket of input.tickets) {
    const time = ticket.createdMs ?? Number.NaN;
    if (!(time >= from && time <= input.nowMs)) continue;
    const weights = new Map<string, number>();
    let sq = 0;
    for (const { term, tf } of computeIndexEntry(ticket).terms) {
      const n = 2 * tf[0] + tf[1];
      if (n === 0) continue;
      const w = (1 + Math.log(n)) * idf(Math.min(input.source.documentFrequency(term), documents), documents);
      weights.set(term, w);
      sq += w * w;
    }
    vectors.push({ ticket, time, weights, norm: Math.sqrt(sq) });
  }
  vectors.sort((a, b) => a.time - b.time || (a.ticket.id < b.ticket.id ? -1 : 1));
  const parent = vectors.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < vectors.length; i++) {
    for (
      let j = i + 1;
      j < vectors.length && (vectors[j] as Vector).time - (vectors[i] as Vector).time <= windowMs;
      j++
    ) {
      if (cosine(vectors[i] as Vector, vectors[j] as Vector) >= config.minSimilarity)
        parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Vector[]>();
  vectors.forEach((v, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g === undefined) groups.set(root, [v]);
    else g.push(v);
  });
  const clusters: RecurringCluster[] = [];
  for (const members of groups.values()) {
    if (!denseEnough(members, config.minTickets, windowMs)) continue;
    const cluster = describe(members, input.problemIds ?? new Set());
    if (input.dismissed === undefined || !isDismissed(input.dismissed, cluster)) clusters.push(cluster);
  }
  return clusters.sort((a, b) => b.memberIds.length - a.memberIds.length || a.firstSeenMs - b.firstSeenMs);
}

/** Some window of `windowMs` holds at least `min` members (members sorted by time). */
function denseEnough(members: readonly Vector[], min: number, windowMs: number): boolean {
  if (members.length < min) return false;
  for (let i = 0; i + min - 1 < members.length; i++) {
    if ((members[i + min - 1] as Vector).time - (members[i] as Vector).time <= windowMs) return true;
  }
  return false;
}

function describe(members: readonly Vector[], problemIds: ReadonlySet<string>): RecurringCluster {
  const mass = new Map<string, number>();
  for (const m of members)
    for (const [t, w] of m.weights) mass.set(t, (mass.get(t) ?? 0) + w / (m.norm || 1));
  const top = [...mass.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .map(([t]) => t);
  const surfaces = new Map<string, Map<string, number>>();
  const wanted = new Set(top);
  for (const m of members) {
    for (const tokens of analyzeFields(m.ticket)) {
      for (const tok of tokens) {
        if (tok.kind !== 'word' || !wanted.has(tok.term)) continue;
        const counts = surfaces.get(tok.term) ?? new Map<string, number>();
        counts.set(tok.surface, (counts.get(tok.surface) ?? 0) + 1);
        surfaces.set(tok.term, counts);
      }
    }
  }
  // Only plain words are shown: a number or placeholder has no surface here and is skipped.
  const terms = top
    .map(
      (t) =>
        [...(surfaces.get(t) ?? new Map<string, number>()).entries()].sort(
          (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
        )[0]?.[0],
    )
    .filter((s): s is string => s !== undefined)
    .slice(0, 5);
  const linked = new Set<string>();
  for (const m of members) {
    if (problemIds.has(m.ticket.id)) linked.add(m.ticket.id);
    for (const l of m.ticket.linkedIds ?? []) if (problemIds.has(l)) linked.add(l);
  }
  const first = members[0] as Vector;
  const last = members[members.length - 1] as Vector;
  return {
    key: first.ticket.id,
    memberIds: members.map((m) => m.ticket.id),
    firstSeenMs: first.time,
    lastSeenMs: last.time,
    terms,
    problemIds: [...linked].sort(),
    problemLinked: linked.size > 0,
  };
}
