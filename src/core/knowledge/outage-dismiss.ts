/**
 * "Not part of this outage": the agent hides the known-outage banner on one ticket. The
 * dismissal is the ticket's decision under OUTAGE_FIELD (kept across recomputes, like a field's),
 * naming the outage as the banner showed it then (its burst, problem and major incident), so a
 * different outage shows again. It is recorded as feedback and audited like the agent's other
 * decisions, and undone like them: the feedback row is retracted, the audit log keeps both steps.
 */
import type { OutageDismissRequest } from '../../contracts/knowledge';
import type { ActionResult, UndoResult } from '../panel/actions';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { withIssueLock } from '../shared/issue-lock';
import { outageMatch } from './outage';
import { emptySuggestions, parseStoredSuggestions, type FieldDecision } from '../suggest/suggestions';
import { updateSuggestions } from '../suggest/suggestion-update';
import type { Ticket } from '../shared/ticket';

/** The decision's and the feedback row's field id. */
export const OUTAGE_FIELD = 'outage';

export async function dismissOutage(
  ctx: CoreContext,
  req: OutageDismissRequest,
  accountId: string,
): Promise<ActionResult | UndoResult> {
  return withIssueLock<ActionResult | UndoResult>(ctx, req.issueKey, () =>
    req.undo ? restore(ctx, req.issueKey, accountId) : dismiss(ctx, req.issueKey, accountId),
  );
}

/** The issue as the agent may see it (Jira decides), and its stored suggestions row. */
async function load(ctx: CoreContext, accountId: string, issueKey: string) {
  const ticket = ctx.issues.toTicket(await ctx.jira.asUser(accountId).getIssue(issueKey, ctx.issues.fields));
  const row = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
  return { ticket, stored: row?.value ?? null };
}

async function dismiss(ctx: CoreContext, issueKey: string, accountId: string): Promise<ActionResult> {
  const { ticket, stored } = await load(ctx, accountId, issueKey);
  const match = await outageMatch(ctx, accountId, ticket, stored?.similar ?? []);
  if (match === null)
    throw new AppError('bad_request', 'This ticket matches no ongoing outage (any more); reload the panel.');
  const ids = match.ids.join(' ');
  const at = ctx.clock.now();
  const feedbackId = await ctx.storage.feedback.append({
    at,
    ticketId: ticket.id,
    issueKey: ticket.key,
    fieldId: OUTAGE_FIELD,
    outcome: 'dismissed',
    suggested: ids,
    chosen: null,
    actor: accountId,
  });
  await audit(ctx, ticket, accountId, 'outage-dismiss', ids, 'dismissed');
  const decision: FieldDecision = { state: 'dismissed', value: ids, at, by: accountId, feedbackId };
  await setDecision(ctx, ticket, decision);
  return { issueKey: ticket.key, action: 'dismissed', outcome: 'dismissed' };
}

async function restore(ctx: CoreContext, issueKey: string, accountId: string): Promise<UndoResult> {
  const { ticket, stored } = await load(ctx, accountId, issueKey);
  const decision = stored?.decisions[OUTAGE_FIELD];
  if (decision?.state !== 'dismissed')
    throw new AppError('bad_request', 'The outage banner is not dismissed on this ticket.', [
      { path: 'undo', message: 'nothing to undo' },
    ]);
  if (decision.feedbackId) await ctx.storage.feedback.retract(decision.feedbackId);
  await audit(ctx, ticket, accountId, 'undo-outage-dismiss', decision.value, 'undone');
  await setDecision(ctx, ticket, null);
  return { issueKey: ticket.key, action: 'undone', undone: 'dismissed' };
}

async function audit(
  ctx: CoreContext,
  ticket: Ticket,
  actor: string,
  action: string,
  ids: string,
  reason: string,
): Promise<void> {
  await ctx.storage.audit.append({
    at: ctx.clock.now(),
    actor,
    issueKey: ticket.key,
    action,
    fieldId: OUTAGE_FIELD,
    before: action === 'outage-dismiss' ? null : ids,
    after: action === 'outage-dismiss' ? ids : null,
    reason,
  });
}

/** Writes (or, with null, removes) the decision; a ticket without a suggestions row gets one. */
async function setDecision(ctx: CoreContext, ticket: Ticket, decision: FieldDecision | null): Promise<void> {
  const now = ctx.clock.now();
  const written = await updateSuggestions(ctx.storage.suggestions, ticket.id, now, (current) => {
    const decisions = { ...current.decisions };
    if (decision) decisions[OUTAGE_FIELD] = decision;
    else delete decisions[OUTAGE_FIELD];
    return { ...current, decisions };
  });
  if (written) return;
  // No row yet (the ticket was never ingested): one holding only the decision; the next ingest
  // or panel computes the rest and keeps it. A row that exists but kept changing is retried by the agent.
  const fresh = { ...emptySuggestions(), decisions: decision ? { [OUTAGE_FIELD]: decision } : {} };
  if ((await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions)) === null) {
    if (await ctx.storage.suggestions.putIfUnchanged(ticket.id, fresh, now, null)) return;
  }
  throw new AppError('not_ready', 'This ticket is being updated right now; try again.');
}
