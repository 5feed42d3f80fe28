import type { AdminConfig } from '../../contracts/config';
import { clamp01, SIMILAR_LIMIT } from '../suggest/compute';
import type { CoreContext } from '../shared/context';
import type { StoredSuggestions } from '../suggest/suggestions';
import type { Ticket } from '../shared/ticket';
import { keepVisible } from '../shared/visibility';

type Hit = StoredSuggestions['similar'][number];

/**
 * Deeper searches tried, in turn, when the viewer may see fewer of the stored hits than the
 * panel shows: the stored list is the app's view (every desk), cut at SIMILAR_LIMIT, so a viewer
 * of one desk could otherwise get a short list while that desk holds more matches.
 */
export const DEEPER_LIMITS = [50, 200] as const;

/**
 * The similar hits the viewer may see, up to SIMILAR_LIMIT, with their tickets, best first. The
 * stored hits are checked first; only when Jira hides some of them and the stored list was full
 * (so more may exist) is the index searched deeper, for this viewer only (nothing is stored: the
 * next viewer may see other desks).
 */
export async function visibleHits(
  ctx: CoreContext,
  ticket: Ticket,
  scope: AdminConfig['similar'],
  now: number,
  stored: readonly Hit[],
  accountId: string,
): Promise<{ hits: Hit[]; tickets: Ticket[] }> {
  const visibleOf = async (ids: string[]): Promise<Ticket[]> =>
    keepVisible(ctx.viewers, accountId, await ctx.storage.tickets.getMany(ids), (t) => t.key);
  const tickets = await visibleOf(stored.map((h) => h.id));
  const seen = new Set(tickets.map((t) => t.id));
  let hits = stored.filter((h) => seen.has(h.id));
  const checked = new Set(stored.map((h) => h.id));
  const hidSome = hits.length < stored.length && stored.length >= SIMILAR_LIMIT;
  for (const depth of hidSome ? DEEPER_LIMITS : []) {
    if (hits.length >= SIMILAR_LIMIT) break;
    const found = await ctx.engines.similar.find(ticket, scope, now, depth);
    const deeper = found.filter((h) => !checked.has(h.id));
    for (const h of deeper) checked.add(h.id);
    const more = await visibleOf(deeper.map((h) => h.id));
    const moreIds = new Set(more.map((t) => t.id));
    tickets.push(...more);
    hits = [
      ...hits,
      ...deeper
        .filter((h) => moreIds.has(h.id))
        .map((h) => ({ ...h, score: clamp01(h.score), sharedTerms: h.sharedTerms.slice(0, 12) })),
    ];
    // Fewer than asked for: the index holds no more matches.
    if (found.length < depth) break;
  }
  hits = [...hits].sort((a, b) => b.score - a.score).slice(0, SIMILAR_LIMIT);
  return { hits, tickets };
}
