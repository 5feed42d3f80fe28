import type { CoreContext } from '../shared/context';
import { autoApply } from './auto-apply';
import { computeSuggestions } from './compute';
import { isJiraError } from '../ports/jira';
import { parseStoredSuggestions } from './suggestions';
import { syncInsights } from './insights';
import { storeComputed } from './suggestion-update';
import type { Ticket } from '../shared/ticket';

/** How often one ingest re-derives when a concurrent consumer stored a newer ticket meanwhile. */
const MAX_CONVERGE_ROUNDS = 3;

export type IngestOutcome = 'indexed' | 'unchanged' | 'deleted';

/**
 * Brings one issue's stored state up to date with Jira. The issue is always refetched (events
 * can be late, duplicated or reordered, so their payload is not trusted as current); the ticket
 * store keeps the newer `updated`, and the derived data (index entry, suggestions) is rederived
 * until it matches the stored ticket, so two consumers racing on one issue converge.
 */
export async function ingestIssue(ctx: CoreContext, issueId: string): Promise<IngestOutcome> {
  let fetched: Ticket;
  try {
    fetched = ctx.issues.toTicket(await ctx.jira.asApp().getIssue(issueId, ctx.issues.fields));
  } catch (error) {
    if (isJiraError(error) && error.kind === 'not_found') {
      // The app sees every issue, so not found means deleted: ids are never reused.
      await ctx.storage.tickets.bury(issueId, ctx.clock.now());
      return 'deleted';
    }
    throw error;
  }
  return ingestTicket(ctx, fetched);
}

/** Stores a ticket already fetched (the backfill pages bring whole issues) and derives from it. */
export async function ingestTicket(ctx: CoreContext, fetched: Ticket): Promise<IngestOutcome> {
  const outcome = await ctx.storage.tickets.upsert(fetched);
  if (outcome === 'deleted') return 'deleted';
  let ticket: Ticket = fetched;
  if (outcome === 'stale') {
    const stored = await ctx.storage.tickets.get(fetched.id);
    if (!stored) return 'unchanged';
    const existing = await ctx.storage.suggestions.get(stored.id, parseStoredSuggestions);
    if (existing && existing.value.ticketUpdated >= stored.updated) return 'unchanged';
    ticket = stored;
  }
  for (let round = 0; round < MAX_CONVERGE_ROUNDS; round++) {
    await derive(ctx, ticket);
    const stored = await ctx.storage.tickets.get(ticket.id);
    if (!stored || stored.updated <= ticket.updated) break;
    ticket = stored;
  }
  return 'indexed';
}

/**
 * Stores a ticket from the backfill: the ticket and its index entry only. Suggestions for a
 * closed request would never be shown, and an open one's are computed by the training that
 * follows the backfill (`refreshOpenSuggestions`), with the models it has just trained.
 * Indexing is idempotent, so a replayed page re-puts the same entry (which also repairs a crash
 * between the two writes).
 */
export async function storeTicket(ctx: CoreContext, fetched: Ticket): Promise<void> {
  const outcome = await ctx.storage.tickets.upsert(fetched);
  if (outcome === 'deleted') return;
  const ticket = outcome === 'stale' ? ((await ctx.storage.tickets.get(fetched.id)) ?? fetched) : fetched;
  await ctx.engines.similar.index(ticket);
}

async function derive(ctx: CoreContext, ticket: Ticket): Promise<void> {
  await ctx.engines.similar.index(ticket);
  await suggest(ctx, ticket);
}

/** Computes and stores a ticket's suggestions (keeping the agents' decisions), then auto-applies. */
async function suggest(ctx: CoreContext, ticket: Ticket): Promise<void> {
  const previous = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
  const { suggestions } = await computeSuggestions(ctx, ticket, previous?.value ?? null);
  const config = await ctx.config();
  const after = await autoApply(ctx, config, ticket, suggestions);
  if (after !== ticket) {
    await ctx.storage.tickets.upsert(after);
    suggestions.ticketUpdated = after.updated;
  }
  suggestions.insightsDigest = await syncInsights(ctx, after, suggestions);
  await storeComputed(
    ctx.storage.suggestions,
    ticket.id,
    suggestions,
    ctx.clock.now(),
    previous?.revision ?? null,
  );
}

/** Open tickets read per page when their suggestions are refreshed. */
const REFRESH_PAGE = 100;
/** Forge takes at most 50 events per push. */
const PUSH_BATCH = 50;

/**
 * Recomputes every open ticket's suggestions, after a training: they were computed with older
 * models, or (right after the backfill) not at all. Tickets left when `budgetMs` has passed are
 * handed to the queue as ingest messages, so one consumer run stays inside its time limit
 * whatever the backlog. Returns how many were refreshed here.
 */
export async function refreshOpenSuggestions(ctx: CoreContext, budgetMs: number): Promise<number> {
  const deadline = ctx.clock.now() + budgetMs;
  let refreshed = 0;
  let after: string | null = null;
  do {
    const page = await ctx.storage.tickets.listOpen({ limit: REFRESH_PAGE, after });
    const handedOn: string[] = [];
    for (const ticket of page.items) {
      if (ctx.clock.now() < deadline) {
        await suggest(ctx, ticket);
        refreshed++;
      } else handedOn.push(ticket.id);
    }
    const eventAt = ctx.clock.now();
    for (let i = 0; i < handedOn.length; i += PUSH_BATCH) {
      await ctx.queue.push(
        handedOn.slice(i, i + PUSH_BATCH).map((issueId) => ({ kind: 'ingest' as const, issueId, eventAt })),
      );
    }
    after = page.next;
  } while (after !== null);
  return refreshed;
}
