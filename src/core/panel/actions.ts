import type { FeedbackOutcome } from '../../contracts/admin';
import type { FieldValue } from '../../contracts/common';
import type {
  ActionResult,
  ApplyFieldRequest,
  AssignRequest,
  DismissFieldRequest,
  LinkRequest,
  UndoFieldRequest,
  UndoResult,
} from '../../contracts/panel';
import type { CoreContext } from '../shared/context';
import { AppError, isTransient } from '../shared/errors';
import { publishInsights } from '../suggest/insights';
import { withIssueLock } from '../shared/issue-lock';
import {
  currentValue,
  fieldEdit,
  holdsValue,
  isWritable,
  restoreEdit,
  valueText,
  withValue,
} from '../shared/fields';
import { issueTypeIdOf, requestTypeChange } from './request-type';
import { isProblemTicket, PROBLEM_LINK } from '../problems/problem-links';
import type { FieldDecision, StoredSuggestions } from '../suggest/suggestions';
import { parseStoredSuggestions } from '../suggest/suggestions';
import { updateSuggestions } from '../suggest/suggestion-update';
import type { Ticket } from '../shared/ticket';

export type { ActionResult, UndoResult } from '../../contracts/panel';

/** Reads the issue as the acting user (Jira decides what they may see) and the stored suggestions. */
export async function load(
  ctx: CoreContext,
  accountId: string,
  issueKey: string,
): Promise<{ ticket: Ticket; issueTypeId: string | null; stored: StoredSuggestions | null }> {
  const issue = await ctx.jira.asUser(accountId).getIssue(issueKey, ctx.issues.fields);
  const ticket = ctx.issues.toTicket(issue);
  await ctx.storage.tickets.upsert(ticket);
  const row = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
  return { ticket, issueTypeId: issueTypeIdOf(issue.fields), stored: row?.value ?? null };
}

/**
 * The issue as Jira holds it after our edit, stored at once (with Jira's own `updated`, so the
 * event's ingest finds it current). Should the re-read fail, the edit is stored as we made it,
 * stamped one millisecond newer, and the event's ingest corrects it.
 */
export async function reread(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  edited: () => Ticket,
): Promise<Ticket> {
  let after: Ticket;
  try {
    after = ctx.issues.toTicket(await ctx.jira.asUser(accountId).getIssue(ticket.key, ctx.issues.fields));
  } catch (error) {
    if (!isTransient(error)) throw error;
    after = { ...edited(), updated: ticket.updated + 1 };
  }
  await ctx.storage.tickets.upsert(after);
  return after;
}

async function configuredField(ctx: CoreContext, fieldId: string) {
  const field = (await ctx.config()).fields.find((f) => f.fieldId === fieldId);
  if (!field || field.mode === 'off' || field.mode === 'shadow') {
    throw new AppError('bad_request', `Field ${fieldId} is not offered for suggestions`, [
      { path: 'fieldId', message: 'not a suggested field' },
    ]);
  }
  return field;
}

/** A decision to write into the ticket's stored suggestions (applied to the row as it is then). */
type Decide = (current: StoredSuggestions) => StoredSuggestions;

interface Recorded {
  fieldId: string;
  outcome: FeedbackOutcome;
  suggested: string | null;
  chosen: string | null;
  actor: string;
  before: string | null;
  action: string;
}

/** The feedback row and the audit entry of one agent action; returns the feedback row's id. */
export async function record(ctx: CoreContext, ticket: Ticket, entry: Recorded): Promise<string> {
  const at = ctx.clock.now();
  const feedbackId = await ctx.storage.feedback.append({
    at,
    ticketId: ticket.id,
    issueKey: ticket.key,
    fieldId: entry.fieldId,
    outcome: entry.outcome,
    suggested: entry.suggested,
    chosen: entry.chosen,
    actor: entry.actor,
  });
  await audit(ctx, ticket, entry, entry.outcome);
  return feedbackId;
}

export async function audit(
  ctx: CoreContext,
  ticket: Ticket,
  entry: Pick<Recorded, 'actor' | 'action' | 'fieldId' | 'before' | 'chosen'>,
  reason: string,
): Promise<void> {
  await ctx.storage.audit.append({
    at: ctx.clock.now(),
    actor: entry.actor,
    issueKey: ticket.key,
    action: entry.action,
    fieldId: entry.fieldId,
    before: entry.before,
    after: entry.chosen,
    reason,
  });
}

export const decided =
  (fieldId: string, decision: FieldDecision | null, ticketUpdated?: number): Decide =>
  (current) => {
    const decisions = { ...current.decisions };
    if (decision) decisions[fieldId] = decision;
    else delete decisions[fieldId];
    return {
      ...current,
      decisions,
      ticketUpdated: Math.max(current.ticketUpdated, ticketUpdated ?? current.ticketUpdated),
    };
  };

export async function decide(ctx: CoreContext, ticket: Ticket, change: Decide): Promise<void> {
  await updateSuggestions(ctx.storage.suggestions, ticket.id, ctx.clock.now(), change);
  await publishInsights(ctx, ticket);
}

const topSuggestion = (stored: StoredSuggestions | null, fieldId: string) =>
  stored?.fields.find((f) => f.fieldId === fieldId)?.candidates[0]?.value ?? null;

/**
 * The edit that sets the field: the request type by its id within the issue's issue type (see
 * request-type.ts), every other field with Jira's usual edit shape.
 */
async function editFor(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  issueTypeId: string | null,
  fieldId: string,
  value: FieldValue,
): Promise<Record<string, unknown>> {
  if (isWritable(fieldId)) return fieldEdit(ticket, fieldId, value);
  const field = ctx.issues.requestTypeField;
  const name = Array.isArray(value) ? value[0] : value;
  if (fieldId !== 'requestType' || field === null || name === undefined)
    throw new AppError('bad_request', `Field ${fieldId} cannot be set here`, [
      { path: 'fieldId', message: 'not writable' },
    ]);
  const change = await requestTypeChange(ctx.jira.asUser(accountId), ticket, issueTypeId, name);
  if (change.kind === 'settable') return { [field]: change.requestType.id };
  throw new AppError(
    'bad_request',
    change.kind === 'unknown'
      ? `This service project has no request type "${name}".`
      : `The request type "${name}" belongs to another issue type: JSM changes it by moving the issue.`,
    [{ path: 'value', message: change.kind === 'unknown' ? 'unknown request type' : 'other issue type' }],
  );
}

export async function applyField(
  ctx: CoreContext,
  req: ApplyFieldRequest,
  accountId: string,
): Promise<ActionResult> {
  await configuredField(ctx, req.fieldId);
  return withIssueLock(ctx, req.issueKey, () => apply(ctx, req, accountId));
}

async function apply(ctx: CoreContext, req: ApplyFieldRequest, accountId: string): Promise<ActionResult> {
  const { ticket, issueTypeId, stored } = await load(ctx, accountId, req.issueKey);
  const edit = await editFor(ctx, accountId, ticket, issueTypeId, req.fieldId, req.value);
  await ctx.jira.asUser(accountId).editIssue(ticket.key, edit);
  const chosen = valueText(req.value);
  const suggested = topSuggestion(stored, req.fieldId);
  const outcome: FeedbackOutcome = suggested !== null && chosen === suggested ? 'accepted' : 'replaced';
  const before = currentValue(ticket, req.fieldId);
  const after = await reread(ctx, accountId, ticket, () => withValue(ticket, req.fieldId, req.value));
  const feedbackId = await record(ctx, after, {
    fieldId: req.fieldId,
    outcome,
    suggested,
    chosen,
    actor: accountId,
    before: valueText(before),
    action: 'apply',
  });
  if (stored) {
    const common = { at: ctx.clock.now(), by: accountId, before, feedbackId };
    // Another value than the suggestion is a replacement: the suggestion itself was not applied.
    const decision: FieldDecision =
      outcome === 'accepted' || suggested === null
        ? { state: 'applied', value: chosen ?? '', ...common }
        : { state: 'replaced', value: suggested, chosen: chosen ?? '', ...common };
    await decide(ctx, after, decided(req.fieldId, decision, after.updated));
  }
  return { issueKey: ticket.key, action: 'applied', outcome };
}

export async function dismissField(
  ctx: CoreContext,
  req: DismissFieldRequest,
  accountId: string,
): Promise<ActionResult> {
  await configuredField(ctx, req.fieldId);
  return withIssueLock(ctx, req.issueKey, () => dismiss(ctx, req, accountId));
}

async function dismiss(ctx: CoreContext, req: DismissFieldRequest, accountId: string): Promise<ActionResult> {
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  const suggested = topSuggestion(stored, req.fieldId);
  const feedbackId = await record(ctx, ticket, {
    fieldId: req.fieldId,
    outcome: 'dismissed',
    suggested,
    chosen: null,
    actor: accountId,
    before: valueText(currentValue(ticket, req.fieldId)),
    action: 'dismiss',
  });
  if (stored && suggested !== null) {
    const decision: FieldDecision = {
      state: 'dismissed',
      value: suggested,
      at: ctx.clock.now(),
      by: accountId,
      feedbackId,
    };
    await decide(ctx, ticket, decided(req.fieldId, decision));
  }
  return { issueKey: ticket.key, action: 'dismissed', outcome: 'dismissed' };
}

/**
 * Takes the field's last decision back, as the user. A dismissal is forgotten; a value applied
 * here (or a replacement) is taken out of the field again and the suggestion is open once more
 * (`reopened`, so auto-apply never writes it behind the agent's back); an auto-applied value is
 * taken out and counts as dismissed. The decision's feedback row is retracted, so the metrics
 * count what finally stands, and the audit log keeps both steps.
 */
export async function undoField(
  ctx: CoreContext,
  req: UndoFieldRequest,
  accountId: string,
): Promise<UndoResult> {
  await configuredField(ctx, req.fieldId);
  return withIssueLock(ctx, req.issueKey, () => undo(ctx, req, accountId));
}

async function undo(ctx: CoreContext, req: UndoFieldRequest, accountId: string): Promise<UndoResult> {
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  const decision = stored?.decisions[req.fieldId];
  if (!stored || !decision || decision.state === 'reopened')
    throw new AppError('bad_request', `Nothing to undo for ${req.fieldId}`, [
      { path: 'fieldId', message: 'no decision' },
    ]);
  const now = ctx.clock.now();
  const current = currentValue(ticket, req.fieldId);
  const entry = { actor: accountId, fieldId: req.fieldId, before: valueText(current) };
  if (decision.state === 'dismissed') {
    if (decision.feedbackId) await ctx.storage.feedback.retract(decision.feedbackId);
    await audit(ctx, ticket, { ...entry, action: 'undo-dismiss', chosen: entry.before }, 'undone');
    await decide(ctx, ticket, decided(req.fieldId, null));
    return { issueKey: ticket.key, action: 'undone', undone: 'dismissed' };
  }
  const applied = decision.state === 'replaced' ? (decision.chosen ?? '') : decision.value;
  if (!isWritable(req.fieldId) || !holdsValue(ticket, req.fieldId, applied))
    throw new AppError('bad_request', `${req.fieldId} no longer holds ${applied}: nothing to take back`, [
      { path: 'fieldId', message: 'value changed since' },
    ]);
  const jira = ctx.jira.asUser(accountId);
  await jira.editIssue(ticket.key, restoreEdit(ticket, req.fieldId, applied, decision.before ?? null));
  const after = ctx.issues.toTicket(await jira.getIssue(ticket.key, ctx.issues.fields));
  await ctx.storage.tickets.upsert(after);
  if (decision.feedbackId) await ctx.storage.feedback.retract(decision.feedbackId);
  const restored = valueText(currentValue(after, req.fieldId));
  if (decision.state === 'auto-applied') {
    // The agent rejected what the app wrote: that is the feedback that stands.
    const feedbackId = await record(ctx, after, {
      ...entry,
      outcome: 'dismissed',
      suggested: decision.value,
      chosen: restored,
      action: 'undo-auto-apply',
    });
    const dismissal: FieldDecision = {
      state: 'dismissed',
      value: decision.value,
      at: now,
      by: accountId,
      feedbackId,
    };
    await decide(ctx, after, decided(req.fieldId, dismissal, after.updated));
  } else {
    await audit(ctx, after, { ...entry, action: 'undo-apply', chosen: restored }, 'undone');
    const reopened: FieldDecision = { state: 'reopened', value: decision.value, at: now, by: accountId };
    await decide(ctx, after, decided(req.fieldId, reopened, after.updated));
  }
  return { issueKey: ticket.key, action: 'undone', undone: decision.state };
}

const LINK_TYPE = {
  duplicate: /duplicat/i,
  related: /relat/i,
  problem: PROBLEM_LINK,
  majorIncident: /relat/i,
} as const;

/**
 * The banner offers open problem tickets and open major incidents: linking one of those counts
 * as taken from the suggestion.
 */
async function suggestedByBanner(
  ctx: CoreContext,
  key: string,
  kind: 'problem' | 'majorIncident',
): Promise<string | null> {
  const other = await ctx.storage.tickets.getByKey(key);
  if (other === null || other.statusCategory === 'done') return null;
  return (kind === 'problem' ? isProblemTicket(other) : other.majorIncident === true) ? key : null;
}

export async function linkIssue(
  ctx: CoreContext,
  req: LinkRequest,
  accountId: string,
): Promise<ActionResult> {
  if (req.otherKey === req.issueKey)
    throw new AppError('bad_request', 'An issue cannot be linked to itself', [
      { path: 'otherKey', message: 'same as issueKey' },
    ]);
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  const jira = ctx.jira.asUser(accountId);
  const types = await jira.getIssueLinkTypes();
  const type = types.find((t) => LINK_TYPE[req.kind].test(t.name));
  if (!type) throw new AppError('not_found', `This site has no ${req.kind} link type`);
  // "This issue duplicates the other": the other is the original, on the inward side; likewise
  // the problem is the inward end ("is caused by") seen from the incident, and so is the major
  // incident of a Relates link (the symmetric type reads the same either way).
  await jira.createIssueLink({ type: type.name, inwardKey: req.otherKey, outwardKey: ticket.key });
  const suggested =
    req.kind === 'problem' || req.kind === 'majorIncident'
      ? await suggestedByBanner(ctx, req.otherKey, req.kind)
      : stored?.similar.some((s) => s.kind === req.kind)
        ? req.otherKey
        : null;
  await record(ctx, ticket, {
    fieldId: `${req.kind}Link`,
    outcome: 'accepted',
    suggested,
    chosen: req.otherKey,
    actor: accountId,
    before: null,
    action: 'link',
  });
  return { issueKey: ticket.key, action: 'linked', outcome: 'accepted' };
}

export async function assignIssue(
  ctx: CoreContext,
  req: AssignRequest,
  accountId: string,
): Promise<ActionResult> {
  return withIssueLock(ctx, req.issueKey, () => assign(ctx, req, accountId));
}

async function assign(ctx: CoreContext, req: AssignRequest, accountId: string): Promise<ActionResult> {
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  await ctx.jira.asUser(accountId).editIssue(ticket.key, { assignee: { accountId: req.accountId } });
  const suggested = stored?.routing?.assignees[0]?.accountId ?? null;
  const outcome: FeedbackOutcome = suggested === req.accountId ? 'accepted' : 'replaced';
  await reread(ctx, accountId, ticket, () => ({ ...ticket, assigneeId: req.accountId }));
  await record(ctx, ticket, {
    fieldId: 'assignee',
    outcome,
    suggested,
    chosen: req.accountId,
    actor: accountId,
    before: ticket.assigneeId,
    action: 'assign',
  });
  return { issueKey: ticket.key, action: 'assigned', outcome };
}
