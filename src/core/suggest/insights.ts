/**
 * The JQL-searchable insights property (src/contracts/insights.ts): derived from a ticket's
 * stored suggestions and written to Jira as the app only when a value in it changed. The row
 * keeps a digest of the value last written, so a recompute or an SLA sweep that changes nothing
 * visible to JQL costs no Jira call; values that would move on every reading are coarsened (the
 * risk to 5 %, the breach time to the minute, which a running clock does not move).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AdminConfig } from '../../contracts/config';
import { INSIGHTS_PROPERTY_KEY, INSIGHTS_VERSION, type Insights } from '../../contracts/insights';
import type { CoreContext } from '../shared/context';
import { shownFieldStates } from '../panel/shown-fields';
import { parseStoredSuggestions, type StoredSuggestions } from './suggestions';
import { updateSuggestions } from './suggestion-update';
import type { Ticket } from '../shared/ticket';
import { STORAGE_KEYS } from '../ports/storage-keys';

const MINUTE = 60_000;

export interface InsightsInput {
  ticket: Ticket;
  stored: StoredSuggestions;
  config: AdminConfig;
  /** The key of the top similar ticket rated a duplicate, when there is one. */
  duplicateKey: string | null;
  /** The problem candidate (cluster key) the ticket belongs to, when known. */
  problemCandidate: string | null;
}

/** The property value for a ticket; pure, so the same inputs always give the same digest. */
export function deriveInsights(input: InsightsInput): Insights {
  const { ticket, stored, config } = input;
  const out: Insights = { v: INSIGHTS_VERSION, triaged: triagedMarker(ticket, stored, config) };
  const risk = stored.sla?.risk;
  if (risk) {
    if (risk.band !== null) out.riskBand = risk.band;
    if (risk.probability !== null) out.riskPercent = Math.round((risk.probability * 100) / 5) * 5;
    out.riskMetric = risk.metricKind;
    if (!risk.paused && stored.sla) {
      const at = Math.round((stored.sla.at + risk.remainingMs) / MINUTE) * MINUTE;
      out.breachAt = new Date(at).toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z');
    }
  }
  const team = stored.routing?.decidedByRule ? null : stored.routing?.teams[0]?.name;
  if (team) out.suggestedTeam = team.slice(0, 200);
  if (input.duplicateKey) out.duplicateOf = input.duplicateKey;
  if (input.problemCandidate) out.problemCandidate = input.problemCandidate;
  return out;
}

/**
 * `yes` once no shown field still waits on a suggestion and at least one was settled (decided,
 * or already set in Jira); a ticket the app abstained on everywhere is not triaged by it.
 */
export function triagedMarker(ticket: Ticket, stored: StoredSuggestions, config: AdminConfig): 'yes' | 'no' {
  const states = shownFieldStates(ticket, stored, config);
  if (states.some((s) => s.state.status === 'suggested')) return 'no';
  return states.some((s) => s.state.status !== 'not-sure') ? 'yes' : 'no';
}

export function insightsDigest(value: Insights): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/** The outage/problem-candidate clusters as the banner last stored them (never recomputed here). */
const StoredClusterKeys = z.object({
  clusters: z.array(z.object({ key: z.string().max(40), memberIds: z.array(z.string().max(40)) })),
});

async function problemCandidateOf(ctx: CoreContext, ticketId: string): Promise<string | null> {
  const doc = await ctx.storage.state.get(STORAGE_KEYS.outageClusters.name);
  const parsed = StoredClusterKeys.safeParse(doc?.value);
  if (!parsed.success) return null;
  return parsed.data.clusters.find((c) => c.memberIds.includes(ticketId))?.key ?? null;
}

async function duplicateKeyOf(ctx: CoreContext, stored: StoredSuggestions): Promise<string | null> {
  const top = stored.similar.find((s) => s.kind === 'duplicate');
  if (!top) return null;
  const [other] = await ctx.storage.tickets.getMany([top.id]);
  return other?.key ?? null;
}

/**
 * Writes the ticket's insights property when it differs from the one last written (`written`,
 * the stored digest) and returns the digest now in Jira. A failed write is logged and leaves the
 * old digest, so the next recompute or sweep tries again; it never fails the caller's work.
 */
export async function syncInsights(
  ctx: CoreContext,
  ticket: Ticket,
  stored: StoredSuggestions,
): Promise<string | null> {
  const written = stored.insightsDigest;
  const value = deriveInsights({
    ticket,
    stored,
    config: await ctx.config(),
    duplicateKey: await duplicateKeyOf(ctx, stored),
    problemCandidate: await problemCandidateOf(ctx, ticket.id),
  });
  const digest = insightsDigest(value);
  if (digest === written) return written;
  try {
    await ctx.jira.asApp().setIssueProperty(ticket.key, INSIGHTS_PROPERTY_KEY, value);
    return digest;
  } catch (error) {
    ctx.logger.warn('insights property not written', {
      issueKey: ticket.key,
      error: String(error).slice(0, 200),
    });
    return written;
  }
}

/** A decision can settle the ticket's triage: the insights property follows at once. */
export async function publishInsights(ctx: CoreContext, ticket: Ticket): Promise<void> {
  const row = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
  if (!row) return;
  const digest = await syncInsights(ctx, ticket, row.value);
  if (digest === row.value.insightsDigest) return;
  await updateSuggestions(ctx.storage.suggestions, ticket.id, ctx.clock.now(), (current) => ({
    ...current,
    insightsDigest: digest,
  }));
}
