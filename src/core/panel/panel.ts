import type { EmptyReason, Section } from '../../contracts/common';
import type { AdminConfig } from '../../contracts/config';
import type { PanelRequest } from '../../contracts/panel';
import type {
  FieldSuggestion,
  PanelData,
  SimilarSection,
  SimilarTicket,
  SlaRisk,
  WhyTerm,
} from '../../contracts/panel';
import { computeRouting, predictFields, SIMILAR_LIMIT, WEAK_LIMIT } from '../suggest/compute';
import type { CoreContext } from '../shared/context';
import { toResolverError } from '../shared/errors';
import { fieldState } from './field-status';
import { currentValue } from '../shared/fields';
import { knowledgeSection } from '../knowledge/knowledge';
import { outageNotice } from '../knowledge/outage';
import { OUTAGE_FIELD } from '../knowledge/outage-dismiss';
import { issueTypeIdOf, requestTypeChange } from './request-type';
import type { StoredFieldPrediction, StoredSuggestions } from '../suggest/suggestions';
import { emptySuggestions, parseStoredSuggestions } from '../suggest/suggestions';
import type { Ticket } from '../shared/ticket';
import { weakRouteKinds, withoutWeakKinds } from '../train/route-quality';
import { withDisplayNames } from '../shared/user-names';
import { visibleHits } from './similar-visible';
import { withTeamState } from './team-actions';

/** SLA readings older than this are refreshed from JSM when the panel opens. */
export const SLA_STALE_MS = 60_000;
/** Similar tickets older than this are searched again (new tickets arrive all the time). */
export const SIMILAR_STALE_MS = 3_600_000;
const TEXT_LIMIT = 4000;

/** A section with nothing to show, and the code of the reason the panel words for it. */
class Empty {
  constructor(readonly reason: EmptyReason) {}
}

async function section<T>(work: () => Promise<T | Empty>): Promise<Section<T>> {
  try {
    const data = await work();
    return data instanceof Empty ? { status: 'empty', reason: data.reason } : { status: 'ok', data };
  } catch (error) {
    const e = toResolverError(error);
    return { status: 'error', code: e.code, message: e.message };
  }
}

/** Where each explanation term occurs in the panel's text (case-insensitive, at most 20 spans). */
export function spansOf(text: string, term: string): [number, number][] {
  const spans: [number, number][] = [];
  const needle = term.toLocaleLowerCase();
  if (needle.length === 0) return spans;
  const hay = text.toLocaleLowerCase();
  // Lower-casing can change lengths for a few scripts; spans are only given where it did not.
  if (hay.length !== text.length) return spans;
  // Short terms ("e", "in") would light up inside unrelated words, so they must stand alone;
  // longer ones may sit inside a word, as German compound parts do ("drucker" in "Netzwerkdrucker").
  const whole = needle.length < 4;
  for (
    let at = hay.indexOf(needle);
    at >= 0 && spans.length < 20;
    at = hay.indexOf(needle, at + needle.length)
  ) {
    if (whole && (isWordChar(hay[at - 1]) || isWordChar(hay[at + needle.length]))) continue;
    spans.push([at, at + needle.length]);
  }
  return spans;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function fieldSuggestion(
  config: AdminConfig['fields'][number],
  prediction: StoredFieldPrediction,
  s: PanelState,
  text: string,
): FieldSuggestion {
  const decisions = s.stored?.decisions ?? {};
  const decision = Object.prototype.hasOwnProperty.call(decisions, config.fieldId)
    ? decisions[config.fieldId]
    : undefined;
  const state = fieldState({
    field: config,
    prediction,
    ticket: s.ticket,
    decision,
    viewer: s.viewer,
    ...(config.fieldId === 'requestType' ? { requestTypeApply: s.requestTypeApply } : {}),
  });
  const terms: WhyTerm[] = prediction.explanation.map((e) => ({
    text: e.text,
    weight: e.weight,
    spans: spansOf(text, e.text),
  }));
  return {
    fieldId: config.fieldId,
    fieldName: config.name,
    mode: config.mode,
    current: currentValue(s.ticket, config.fieldId),
    candidates: prediction.candidates,
    abstained: prediction.abstained,
    meetsTarget: !prediction.abstained && prediction.modelTarget + 1e-9 >= config.precisionTarget,
    ...state,
    why: { terms },
    history: historyOf(prediction, state.value),
  };
}

function historyOf(prediction: StoredFieldPrediction, value: string | null): FieldSuggestion['history'] {
  const history = prediction.history;
  if (history === null) return null;
  const at = value === null ? -1 : prediction.candidates.findIndex((c) => c.value === value);
  return { tickets: history.tickets, valueTickets: at < 0 ? null : (history.examples[at] ?? null) };
}

export function ticketText(ticket: Ticket): string {
  const head = ticket.summary.slice(0, 1000);
  return `${head}\n${ticket.description.slice(0, Math.max(0, TEXT_LIMIT - head.length - 1))}`;
}

interface PanelState {
  ticket: Ticket;
  stored: StoredSuggestions | null;
  config: AdminConfig;
  now: number;
  locale: 'en' | 'de';
  /** The agent reading the panel (decisions of their own read "by you"). */
  viewer: string;
  /** The issue's issue type id (a request type is set within it). */
  issueTypeId: string | null;
  /** Whether the suggested request type can be set from the panel (resolved before classification). */
  requestTypeApply: 'panel' | 'jsm-action';
  /** Set when a section refreshed something worth storing back. */
  dirty: boolean;
}

async function classification(
  ctx: CoreContext,
  s: PanelState,
  text: string,
): Promise<FieldSuggestion[] | Empty> {
  const shown = s.config.fields.filter((f) => f.mode === 'suggest' || f.mode === 'auto-apply');
  if (shown.length === 0) return new Empty('no-suggested-fields');
  const fresh = s.stored !== null && s.stored.ticketUpdated >= s.ticket.updated;
  let predictions = fresh ? (s.stored?.fields ?? []) : [];
  if (shown.some((f) => !predictions.some((p) => p.fieldId === f.fieldId))) {
    predictions = (await predictFields(ctx, s.ticket, s.config)).fields;
    // Kept for the actions (accepted vs replaced); the ingest still owns the row's version.
    s.stored = { ...(s.stored ?? emptySuggestions()), fields: predictions };
    s.dirty = true;
  }
  const requestType = predictions.find((p) => p.fieldId === 'requestType')?.candidates[0];
  if (
    requestType &&
    shown.some((f) => f.fieldId === 'requestType') &&
    requestType.value !== s.ticket.requestType
  ) {
    const change = await requestTypeChange(
      ctx.jira.asUser(s.viewer),
      s.ticket,
      s.issueTypeId,
      requestType.value,
    );
    s.requestTypeApply = change.kind === 'settable' ? 'panel' : 'jsm-action';
  }
  const out = shown.flatMap((f) => {
    const p = predictions.find((x) => x.fieldId === f.fieldId);
    return p ? [fieldSuggestion(f, p, s, text)] : [];
  });
  return out.length > 0 ? out : new Empty('not-trained');
}

async function similarHits(ctx: CoreContext, s: PanelState): Promise<StoredSuggestions['similar']> {
  const stored = s.stored;
  if (stored && stored.ticketUpdated >= s.ticket.updated && s.now - stored.similarAt < SIMILAR_STALE_MS)
    return stored.similar;
  const hits = await ctx.engines.similar.find(s.ticket, s.config.similar, s.now, SIMILAR_LIMIT);
  const similar = hits.map((h) => ({
    id: h.id,
    score: Math.min(1, Math.max(0, h.score)),
    kind: h.kind,
    sharedTerms: h.sharedTerms.slice(0, 12),
  }));
  if (s.stored) {
    s.stored = { ...s.stored, similar, similarAt: s.now };
    s.dirty = true;
  }
  return similar;
}

function linkTypeNames(types: readonly { name: string }[]): SimilarSection['linkTypes'] {
  const find = (pattern: RegExp, fallback: string) =>
    types.find((t) => pattern.test(t.name))?.name ?? fallback;
  return { duplicate: find(/duplicat/i, 'Duplicate'), related: find(/relat/i, 'Relates') };
}

/**
 * How a resolved ticket was solved, in its own last words: the last public reply. An internal
 * note is used only when the viewer may read the ticket's internal comments (agents and admins
 * of a desk may; the panel refuses customers before it gets here).
 */
export function solutionExcerpt(ticket: Ticket, readsInternal: boolean): string {
  const comment =
    ticket.comments.filter((c) => !c.internal).at(-1) ?? (readsInternal ? ticket.comments.at(-1) : undefined);
  return (comment?.body ?? '').slice(0, 600);
}

async function similar(
  ctx: CoreContext,
  s: PanelState,
  storedHits: StoredSuggestions['similar'],
  accountId: string,
): Promise<SimilarSection | Empty> {
  if (storedHits.length === 0) return new Empty('no-similar');
  // The store holds every desk's tickets; the viewer is shown only those Jira shows them, and
  // as many of them as a viewer of every desk would get.
  const [{ hits, tickets: others }, types] = await Promise.all([
    visibleHits(ctx, s.ticket, s.config.similar, s.now, storedHits, accountId),
    ctx.jira.asApp().getIssueLinkTypes(),
  ]);
  if (others.length === 0) return new Empty('no-similar');
  const byId = new Map(others.map((t) => [t.id, t]));
  const linked = new Set(s.ticket.links.map((l) => l.key));
  const toItem = (h: StoredSuggestions['similar'][number]): SimilarTicket[] => {
    const other = byId.get(h.id);
    if (!other) return [];
    const summarySpans = h.sharedTerms.flatMap((t) => spansOf(other.summary, t)).slice(0, 30);
    return [
      {
        key: other.key,
        summary: other.summary,
        status: other.status,
        resolved: other.statusCategory === 'done',
        kind: h.kind,
        score: h.score,
        sharedTerms: h.sharedTerms,
        summarySpans,
        alreadyLinked: linked.has(other.key),
        ...(other.resolution !== null && other.statusCategory === 'done'
          ? { solvedBefore: { resolution: other.resolution, excerpt: solutionExcerpt(other, true) } }
          : {}),
      },
    ];
  };
  // Each list in the order of the score it shows.
  const items = hits.flatMap(toItem).sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  return {
    duplicates: items.filter((i) => i.kind === 'duplicate').slice(0, 10),
    related: items.filter((i) => i.kind === 'related').slice(0, 10),
    weak: items.filter((i) => i.kind === 'weak').slice(0, WEAK_LIMIT),
    linkTypes: linkTypeNames(types),
  };
}

async function sla(ctx: CoreContext, s: PanelState, accountId: string): Promise<SlaRisk | Empty> {
  const stored = s.stored?.sla;
  if (stored && s.now - stored.at < SLA_STALE_MS) return stored.risk;
  if (s.ticket.statusCategory === 'done') return new Empty('request-resolved');
  const metrics = await ctx.jira.asUser(accountId).getSla(s.ticket.key);
  const risk = await ctx.engines.sla.score(s.ticket, metrics);
  if (s.stored) {
    s.stored = { ...s.stored, sla: risk ? { risk, at: s.now } : null };
    s.dirty = true;
  }
  return risk ?? new Empty('no-sla');
}

/**
 * The ticket as the panel shows it. Usually the consumer has stored this very version already,
 * and one small read says so; a newer version is stored and queued for ingest (an event may have
 * been missed), and when the store holds a newer one than Jira answered, that one is shown.
 */
async function currentTicket(ctx: CoreContext, fetched: Ticket): Promise<Ticket> {
  const storedUpdated = await ctx.storage.tickets.updatedOf(fetched.id);
  if (storedUpdated === fetched.updated) return fetched;
  const outcome =
    storedUpdated !== null && storedUpdated > fetched.updated
      ? 'stale'
      : await ctx.storage.tickets.upsert(fetched);
  if (outcome === 'deleted') return fetched;
  if (outcome !== 'stale')
    await ctx.queue.push([{ kind: 'ingest', issueId: fetched.id, eventAt: fetched.updated }]);
  return outcome === 'stale' ? ((await ctx.storage.tickets.get(fetched.id)) ?? fetched) : fetched;
}

/**
 * Stores what the panel refreshed, only if nobody wrote the row since the panel read it: the
 * consumer's recompute, an agent's decision or the SLA sweep may have landed meanwhile, and the
 * panel's copy would silently undo them. A lost race drops the panel's write: whatever it
 * refreshed is recomputed on a later open.
 */
async function storeRefreshed(
  ctx: CoreContext,
  ticketId: string,
  s: PanelState,
  readRevision: number | null,
): Promise<void> {
  try {
    const written = await ctx.storage.suggestions.putIfUnchanged(ticketId, s.stored, s.now, readRevision);
    if (!written) ctx.logger.info('panel left refreshed sections unstored: the row changed meanwhile');
  } catch (error) {
    ctx.logger.warn('panel could not store refreshed sections', { error: String(error).slice(0, 200) });
  }
}

/**
 * The panel resolver: one call, four sections, each computed and failing on its own. The issue
 * is read as the user first, so nobody sees suggestions for an issue Jira would not show them.
 */
export async function getPanel(
  ctx: CoreContext,
  request: PanelRequest,
  accountId: string,
): Promise<PanelData> {
  const issue = await ctx.jira.asUser(accountId).getIssue(request.issueKey, ctx.issues.fields);
  const ticket = await currentTicket(ctx, ctx.issues.toTicket(issue));
  const storedRow = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
  const state: PanelState = {
    ticket,
    stored: storedRow?.value ?? null,
    config: await ctx.config(),
    now: ctx.clock.now(),
    locale: request.locale ?? 'en',
    viewer: accountId,
    issueTypeId: issueTypeIdOf(issue.fields),
    requestTypeApply: 'jsm-action',
    dirty: false,
  };
  const text = ticketText(ticket);

  const hitsPromise = similarHits(ctx, state);
  const [classificationSection, similarSection, routingSection, slaSection, knowledge, outage] =
    await Promise.all([
      section(() => classification(ctx, state, text)),
      section(async () => similar(ctx, state, await hitsPromise, accountId)),
      section(async () => {
        // Always routed afresh: a rule saved, an agent assigned or away since the ingest changes
        // the answer, and it is the same for every reader (codes and numbers, no prose).
        const hits = await hitsPromise.catch(() => []);
        const [routing, weak] = await Promise.all([
          computeRouting(ctx, ticket, state.config, hits, state.now),
          weakRouteKinds(ctx),
        ]);
        const shown = withoutWeakKinds(routing, weak, state.config);
        return withDisplayNames(ctx, accountId, withTeamState(shown, ticket.team, state.stored));
      }),
      section(() => sla(ctx, state, accountId)),
      hitsPromise.then(
        // Articles that solved similar tickets rank higher; a weak match is not similar enough.
        (hits) =>
          knowledgeSection(
            ctx,
            accountId,
            ticket,
            state.stored?.language ?? 'other',
            hits.filter((h) => h.kind !== 'weak'),
          ),
        () => knowledgeSection(ctx, accountId, ticket, state.stored?.language ?? 'other', []),
      ),
      hitsPromise
        .catch(() => [])
        .then((hits) => outageNotice(ctx, accountId, ticket, hits, state.stored?.decisions[OUTAGE_FIELD]))
        .catch((error: unknown) => {
          // No banner rather than a wrong one; the other sections still show.
          ctx.logger.warn('outage banner failed', { error: String(error).slice(0, 200) });
          return null;
        }),
    ]);
  if (state.dirty && state.stored) await storeRefreshed(ctx, ticket.id, state, storedRow?.revision ?? null);
  return {
    issueKey: ticket.key,
    ticketText: text,
    language: state.stored?.language ?? 'other',
    computedAt: new Date(state.now).toISOString(),
    classification: classificationSection,
    routing: routingSection,
    similar: similarSection,
    sla: slaSection,
    knowledge,
    outage,
  };
}
