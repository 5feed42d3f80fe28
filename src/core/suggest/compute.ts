import type { AdminConfig } from '../../contracts/config';
import type { RoutingSuggestion } from '../../contracts/panel';
import type { CoreContext } from '../shared/context';
import { loadAgentTeams, routeVotes } from '../train/route-models';
import type { Language } from '../ports/engines';
import type { StoredFieldPrediction, StoredSuggestions } from './suggestions';
import type { Ticket } from '../shared/ticket';
import { STORAGE_KEYS } from '../ports/storage-keys';
import { readStateDoc } from '../shared/state-docs';

export const SIMILAR_LIMIT = 10;
/** Weak matches kept per ticket, offered in the panel when nothing is close enough. */
export const WEAK_LIMIT = 3;

export interface Computed {
  suggestions: StoredSuggestions;
}

/** Predictions for every field the admin did not switch off. */
export async function predictFields(
  ctx: CoreContext,
  ticket: Ticket,
  config: AdminConfig,
): Promise<{ fields: StoredFieldPrediction[]; language: Language | null; rebuild: string[] }> {
  const fields: StoredFieldPrediction[] = [];
  const rebuild: string[] = [];
  let language: Language | null = null;
  for (const field of config.fields) {
    if (field.mode === 'off') continue;
    const lookup = await ctx.models.get(field.fieldId);
    if (lookup.status === 'rebuild' && ctx.models.claimRebuild(field.fieldId)) rebuild.push(field.fieldId);
    if (lookup.status !== 'ok') continue;
    const p = lookup.model.predict(ticket);
    language ??= p.language;
    // A value never seen in this project (another desk's component or request type) is not offered.
    const allowed = (await ctx.models.projectValues(field.fieldId)).get(ticket.projectKey);
    const ranked = allowed ? p.ranked.filter((r) => allowed.has(r.label)) : p.ranked;
    const top = ranked.slice(0, 5);
    fields.push({
      fieldId: field.fieldId,
      candidates: top.map((r) => ({ value: r.label.slice(0, 255), probability: clamp01(r.probability) })),
      history: {
        tickets: lookup.model.trainingTickets,
        examples: top.map((r) => lookup.model.examplesOf(r.label)),
      },
      // When the model's top class was left out, what remains is below its threshold by design.
      abstained: p.abstained || ranked[0]?.label !== p.ranked[0]?.label,
      modelTarget: lookup.model.targetPrecision,
      explanation: p.explanation.slice(0, 12).map((e) => ({ text: e.text.slice(0, 100), weight: e.weight })),
    });
  }
  // A corrupt or old-format model is retrained in the background; until then the field is left out.
  if (rebuild.length > 0) await ctx.queue.push([{ kind: 'train', fieldIds: rebuild }]);
  return { fields, language, rebuild };
}

export async function computeRouting(
  ctx: CoreContext,
  ticket: Ticket,
  config: AdminConfig,
  similar: StoredSuggestions['similar'],
  now: number,
): Promise<RoutingSuggestion> {
  // A weak match says too little about who solves this ticket to vote for them.
  const strong = similar.filter((s) => s.kind !== 'weak');
  const solved = await ctx.storage.tickets.getMany(strong.map((s) => s.id));
  const scoreOf = new Map(strong.map((s) => [s.id, s.score]));
  const [teamVotes, assigneeVotes, agentTeams, openLoad] = await Promise.all([
    routeVotes(ctx, 'route:team', ticket),
    routeVotes(ctx, 'route:assignee', ticket),
    loadAgentTeams(ctx),
    readOpenLoad(ctx),
  ]);
  return ctx.engines.routing.suggest(ticket, {
    config,
    ...(teamVotes ? { teamVotes } : {}),
    ...(assigneeVotes ? { assigneeVotes } : {}),
    agentTeams,
    openLoad,
    similar: solved
      .filter((t) => t.statusCategory === 'done')
      .map((t) => ({ ticket: t, score: scoreOf.get(t.id) ?? 0 })),
    now,
  });
}

/** Recomputes a ticket's suggestions, keeping the agents' decisions and the last SLA reading. */
export async function computeSuggestions(
  ctx: CoreContext,
  ticket: Ticket,
  previous: StoredSuggestions | null,
): Promise<Computed> {
  const config = await ctx.config();
  const now = ctx.clock.now();
  const { fields, language } = await predictFields(ctx, ticket, config);
  const hits = await ctx.engines.similar.find(ticket, config.similar, now, SIMILAR_LIMIT);
  const similar = hits.map((h) => ({
    id: h.id,
    score: clamp01(h.score),
    kind: h.kind,
    sharedTerms: h.sharedTerms.slice(0, 12),
  }));
  const routing = await computeRouting(ctx, ticket, config, similar, now);
  return {
    suggestions: {
      version: 1,
      ticketUpdated: ticket.updated,
      language: language ?? previous?.language ?? 'other',
      fields,
      decisions: previous?.decisions ?? {},
      similar,
      similarAt: now,
      routing,
      sla: previous?.sla ?? null,
      slaFlagged: previous?.slaFlagged ?? false,
      insightsDigest: previous?.insightsDigest ?? null,
    },
  };
}

async function readOpenLoad(ctx: CoreContext): Promise<Map<string, number>> {
  // Unreadable or never written: routing goes without load until the next sweep writes it.
  return new Map(await readStateDoc(ctx.storage, STORAGE_KEYS.openLoad));
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
