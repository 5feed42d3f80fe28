import type { FeedbackOutcome } from '../contracts/admin';
import { ApplyFieldRequest, AssignRequest, DismissFieldRequest, LinkRequest } from '../contracts/panel';
import type { CoreContext } from './context';
import { AppError } from './errors';
import { currentValue, fieldEdit, isWritable, valueText, withValue } from './fields';
import { parsePayload } from './payload';
import type { FieldDecision, StoredSuggestions } from './suggestions';
import { parseStoredSuggestions } from './suggestions';
import { updateSuggestions } from './suggestion-update';
import type { Ticket } from './ticket';

export interface ActionResult {
  issueKey: string;
  action: 'applied' | 'dismissed' | 'linked' | 'assigned' | 'shared' | 'rated';
  outcome: FeedbackOutcome;
}

/** Reads the issue as the acting user (Jira decides what they may see) and the stored suggestions. */
async function load(
  ctx: CoreContext,
  accountId: string,
  issueKey: string,
): Promise<{ ticket: Ticket; stored: StoredSuggestions | null }> {
  const ticket = ctx.issues.toTicket(await ctx.jira.asUser(accountId).getIssue(issueKey, ctx.issues.fields));
  await ctx.storage.tickets.upsert(ticket);
  const row = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
  return { ticket, stored: row?.value ?? null };
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

async function record(
  ctx: CoreContext,
  ticket: Ticket,
  decide: Decide | null,
  entry: {
    fieldId: string;
    outcome: FeedbackOutcome;
    suggested: string | null;
    chosen: string | null;
    actor: string;
    before: string | null;
    action: string;
  },
): Promise<void> {
  const at = ctx.clock.now();
  await ctx.storage.feedback.append({
    at,
    ticketId: ticket.id,
    issueKey: ticket.key,
    fieldId: entry.fieldId,
    outcome: entry.outcome,
    suggested: entry.suggested,
    chosen: entry.chosen,
    actor: entry.actor,
  });
  await ctx.storage.audit.append({
    at,
    actor: entry.actor,
    issueKey: ticket.key,
    action: entry.action,
    fieldId: entry.fieldId,
    before: entry.before,
    after: entry.chosen,
    reason: entry.outcome,
  });
  if (decide) await updateSuggestions(ctx.storage.suggestions, ticket.id, at, decide);
}

const decided =
  (fieldId: string, decision: FieldDecision, ticketUpdated?: number): Decide =>
  (current) => ({
    ...current,
    decisions: { ...current.decisions, [fieldId]: decision },
    ticketUpdated: Math.max(current.ticketUpdated, ticketUpdated ?? current.ticketUpdated),
  });

const topSuggestion = (stored: StoredSuggestions | null, fieldId: string) =>
  stored?.fields.find((f) => f.fieldId === fieldId)?.candidates[0]?.value ?? null;

export async function applyField(
  ctx: CoreContext,
  payload: unknown,
  accountId: string,
): Promise<ActionResult> {
  const req = parsePayload(ApplyFieldRequest, payload);
  await configuredField(ctx, req.fieldId);
  if (!isWritable(req.fieldId)) {
    throw new AppError(
      'bad_request',
      'The request type changes through JSM’s own “Change request type” action.',
      [{ path: 'fieldId', message: 'suggested only' }],
    );
  }
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  await ctx.jira.asUser(accountId).editIssue(ticket.key, fieldEdit(ticket, req.fieldId, req.value));
  const chosen = valueText(req.value);
  const suggested = topSuggestion(stored, req.fieldId);
  const outcome: FeedbackOutcome = suggested !== null && chosen === suggested ? 'accepted' : 'replaced';
  const after = { ...withValue(ticket, req.fieldId, req.value), updated: ticket.updated + 1 };
  await ctx.storage.tickets.upsert(after);
  const decision: FieldDecision = { state: 'applied', value: suggested ?? chosen ?? '', at: ctx.clock.now() };
  await record(ctx, after, stored ? decided(req.fieldId, decision, after.updated) : null, {
    fieldId: req.fieldId,
    outcome,
    suggested,
    chosen,
    actor: accountId,
    before: valueText(currentValue(ticket, req.fieldId)),
    action: 'apply',
  });
  return { issueKey: ticket.key, action: 'applied', outcome };
}

export async function dismissField(
  ctx: CoreContext,
  payload: unknown,
  accountId: string,
): Promise<ActionResult> {
  const req = parsePayload(DismissFieldRequest, payload);
  await configuredField(ctx, req.fieldId);
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  const suggested = topSuggestion(stored, req.fieldId);
  const decide =
    stored && suggested !== null
      ? decided(req.fieldId, { state: 'dismissed', value: suggested, at: ctx.clock.now() })
      : null;
  await record(ctx, ticket, decide, {
    fieldId: req.fieldId,
    outcome: 'dismissed',
    suggested,
    chosen: null,
    actor: accountId,
    before: valueText(currentValue(ticket, req.fieldId)),
    action: 'dismiss',
  });
  return { issueKey: ticket.key, action: 'dismissed', outcome: 'dismissed' };
}

export async function linkIssue(
  ctx: CoreContext,
  payload: unknown,
  accountId: string,
): Promise<ActionResult> {
  const req = parsePayload(LinkRequest, payload);
  if (req.otherKey === req.issueKey)
    throw new AppError('bad_request', 'An issue cannot be linked to itself', [
      { path: 'otherKey', message: 'same as issueKey' },
    ]);
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  const jira = ctx.jira.asUser(accountId);
  const types = await jira.getIssueLinkTypes();
  const pattern = req.kind === 'duplicate' ? /duplicat/i : /relat/i;
  const type = types.find((t) => pattern.test(t.name));
  if (!type) throw new AppError('not_found', `This site has no ${req.kind} link type`);
  // "This issue duplicates the other": the other is the original, on the inward side.
  await jira.createIssueLink({ type: type.name, inwardKey: req.otherKey, outwardKey: ticket.key });
  const suggested = stored?.similar.some((s) => s.kind === req.kind) ? req.otherKey : null;
  await record(ctx, ticket, null, {
    fieldId: req.kind === 'duplicate' ? 'duplicateLink' : 'relatedLink',
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
  payload: unknown,
  accountId: string,
): Promise<ActionResult> {
  const req = parsePayload(AssignRequest, payload);
  const { ticket, stored } = await load(ctx, accountId, req.issueKey);
  await ctx.jira.asUser(accountId).editIssue(ticket.key, { assignee: { accountId: req.accountId } });
  const suggested = stored?.routing?.assignees[0]?.accountId ?? null;
  const outcome: FeedbackOutcome = suggested === req.accountId ? 'accepted' : 'replaced';
  await ctx.storage.tickets.upsert({ ...ticket, assigneeId: req.accountId, updated: ticket.updated + 1 });
  await record(ctx, ticket, null, {
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
