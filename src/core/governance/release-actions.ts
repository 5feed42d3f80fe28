/** What an approver does with releases: approve or decline a pending candidate, roll back, set policies. */
import {
  type GovernanceSettings,
  type ReleaseAction,
  type ModelVersion,
  type ReleaseEvent,
  type ReleaseState,
} from '../../contracts/governance';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { refreshOpenSuggestions } from '../suggest/ingest';
import { KEEP_PREVIOUS, fieldOf, readReleases, updateReleases, withField } from './release-state';
import { auditRelease, describeComparison } from './releases';

const REFRESH_BUDGET_MS = 30_000;

const eventOf = (
  ctx: CoreContext,
  req: ReleaseAction,
  decision: ReleaseEvent['decision'],
  by: string,
  reason: string,
  comparison: ReleaseEvent['comparison'],
): ReleaseEvent => ({ at: ctx.clock.now(), ...req, decision, by, comparison, reason });

const refuse = (message: string): never => {
  throw new AppError('bad_request', message, [{ path: 'versionId', message }]);
};

async function promote(ctx: CoreContext, fieldId: string, version: ModelVersion): Promise<void> {
  if (!(await ctx.models.promoteVersion(fieldId, version.id)))
    refuse(`Version ${version.id} of ${fieldId} is no longer stored.`);
}

async function afterChange(ctx: CoreContext, event: ReleaseEvent, gone: readonly string[]): Promise<void> {
  for (const id of gone) await ctx.models.deleteVersion(event.fieldId, id);
  await auditRelease(ctx, event);
  // Open tickets show the promoted model's suggestions from now on.
  await refreshOpenSuggestions(ctx, REFRESH_BUDGET_MS).catch(() => 0);
}

/** Approves the pending candidate: it becomes the field's model, the current one is kept for rollback. */
export async function approveRelease(
  ctx: CoreContext,
  req: ReleaseAction,
  accountId: string,
): Promise<ReleaseState> {
  const { state } = await readReleases(ctx);
  const pending = fieldOf(state, req.fieldId).pending;
  if (pending?.id !== req.versionId) return refuse(`Version ${req.versionId} is not awaiting approval.`);
  await promote(ctx, req.fieldId, pending);
  const comparison = fieldOf(state, req.fieldId).pendingComparison;
  const reason = comparison ? describeComparison(comparison) : 'approved';
  const event = eventOf(ctx, req, 'approved', accountId, reason, comparison);
  const result = await updateReleases(ctx, (s) => {
    const field = fieldOf(s, req.fieldId);
    const previous = field.current ? [field.current, ...field.previous] : field.previous;
    const next = {
      ...field,
      current: pending,
      previous: previous.slice(0, KEEP_PREVIOUS),
      pending: null,
      pendingComparison: null,
    };
    const after = withField(s, req.fieldId, next, [event]);
    return { next: after, result: { after, gone: previous.slice(KEEP_PREVIOUS).map((v) => v.id) } };
  });
  await afterChange(ctx, event, result.gone);
  return result.after;
}

/** Declines the pending candidate: the current model stays; the candidate's rows are removed. */
export async function declineRelease(
  ctx: CoreContext,
  req: ReleaseAction,
  accountId: string,
): Promise<ReleaseState> {
  const event = eventOf(ctx, req, 'declined', accountId, 'declined by an approver', null);
  const after = await updateReleases(ctx, (s) => {
    const field = fieldOf(s, req.fieldId);
    if (field.pending?.id !== req.versionId)
      return refuse(`Version ${req.versionId} is not awaiting approval.`);
    const next = withField(s, req.fieldId, { ...field, pending: null, pendingComparison: null }, [
      { ...event, comparison: field.pendingComparison },
    ]);
    return { next, result: next };
  });
  await ctx.models.deleteVersion(req.fieldId, req.versionId);
  await auditRelease(ctx, event);
  return after;
}

/** Goes back to a kept earlier version; the one it replaces is kept in its place for a roll forward. */
export async function rollbackRelease(
  ctx: CoreContext,
  req: ReleaseAction,
  accountId: string,
): Promise<ReleaseState> {
  const { state } = await readReleases(ctx);
  const target = fieldOf(state, req.fieldId).previous.find((v) => v.id === req.versionId);
  if (target === undefined) return refuse(`Version ${req.versionId} of ${req.fieldId} is not kept.`);
  await promote(ctx, req.fieldId, target);
  const current = fieldOf(state, req.fieldId).current;
  const reason = `rolled back from ${current?.id ?? 'none'} to ${target.id} (trained ${target.trainedAt})`;
  const event = eventOf(ctx, req, 'rolled-back', accountId, reason, null);
  const after = await updateReleases(ctx, (s) => {
    const field = fieldOf(s, req.fieldId);
    const previous = [
      ...(field.current ? [field.current] : []),
      ...field.previous.filter((v) => v.id !== target.id),
    ];
    const next = withField(
      s,
      req.fieldId,
      { ...field, current: target, previous: previous.slice(0, KEEP_PREVIOUS + 1) },
      [event],
    );
    return { next, result: next };
  });
  await afterChange(ctx, event, []);
  return after;
}

/** Per-field release policies and the approver group. */
export async function saveGovernanceSettings(
  ctx: CoreContext,
  settings: GovernanceSettings,
  accountId: string,
): Promise<ReleaseState> {
  if (settings.approverGroup !== null)
    throw new AppError(
      'bad_request',
      'Approval by a Jira group is not available yet: Jira administrators approve.',
      [{ path: 'approverGroup', message: 'not supported yet' }],
    );
  const after = await updateReleases(ctx, (s) => {
    const next = { ...s, policies: settings.policies, approverGroup: settings.approverGroup };
    return { next, result: next };
  });
  await ctx.storage.audit.append({
    at: ctx.clock.now(),
    actor: accountId,
    issueKey: '',
    action: 'governance-settings',
    fieldId: null,
    before: null,
    after: JSON.stringify(settings).slice(0, 500),
    reason: null,
  });
  return after;
}

export async function getReleases(ctx: CoreContext): Promise<ReleaseState> {
  return (await readReleases(ctx)).state;
}
