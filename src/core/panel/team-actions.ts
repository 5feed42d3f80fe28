import type { FeedbackOutcome } from '../../contracts/admin';
import type { ApplyTeamRequest, RoutingSuggestion, UndoTeamRequest } from '../../contracts/panel';
import type { ActionResult, UndoResult } from './actions';
import { audit, decide, decided, load, record, reread } from './actions';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { withIssueLock } from '../shared/issue-lock';
import { loadTeamDirectory } from '../train/route-models';
import type { FieldDecision, StoredSuggestions } from '../suggest/suggestions';

/**
 * Applying a routing team: Jira's Team field is set by the Atlassian team's id
 * (`PUT /rest/api/3/issue/{key}` with `{"fields": {"<team field>": "<team id>"}}`; `null` clears
 * it), while routing names teams as tickets show them. The decision is kept beside the field
 * decisions under a key no Jira field id can take, so it survives recomputes and can be undone.
 */
export const TEAM_DECISION = 'route:team';

function teamField(ctx: CoreContext): string {
  const field = ctx.issues.teamField ?? null;
  if (field === null) throw new AppError('bad_request', 'This site has no team field the app can set');
  return field;
}

/** The team's id: the ticket's own when it already names it, else from what training read. */
async function teamIdOf(ctx: CoreContext, name: string): Promise<string> {
  const id = (await loadTeamDirectory(ctx)).get(name);
  if (id === undefined)
    throw new AppError('bad_request', `No ticket the app learnt from names the team "${name}"`, [
      { path: 'team', message: 'unknown team' },
    ]);
  return id;
}

export async function applyTeam(
  ctx: CoreContext,
  req: ApplyTeamRequest,
  accountId: string,
): Promise<ActionResult> {
  const field = teamField(ctx);
  return withIssueLock(ctx, req.issueKey, async () => {
    const { ticket, stored } = await load(ctx, accountId, req.issueKey);
    const teamId = await teamIdOf(ctx, req.team);
    await ctx.jira.asUser(accountId).editIssue(ticket.key, { [field]: teamId });
    const suggested = stored?.routing?.teams[0]?.id ?? null;
    const outcome: FeedbackOutcome = suggested === req.team ? 'accepted' : 'replaced';
    const after = await reread(ctx, accountId, ticket, () => ({ ...ticket, team: req.team, teamId }));
    const feedbackId = await record(ctx, after, {
      fieldId: 'team',
      outcome,
      suggested,
      chosen: req.team,
      actor: accountId,
      before: ticket.team,
      action: 'apply-team',
    });
    if (stored) {
      const decision: FieldDecision = {
        state: outcome === 'accepted' ? 'applied' : 'replaced',
        value: suggested ?? req.team,
        chosen: req.team,
        // What the edit takes back: the earlier team's id (null: the field was empty).
        before: ticket.teamId ?? null,
        at: ctx.clock.now(),
        by: accountId,
        feedbackId,
      };
      await decide(ctx, after, decided(TEAM_DECISION, decision, after.updated));
    }
    return { issueKey: ticket.key, action: 'applied', outcome };
  });
}

/** The team this panel applied, while the field still holds it; null when there is nothing to take back. */
function appliedTeam(stored: StoredSuggestions | null, currentTeam: string | null): FieldDecision | null {
  const decision = stored?.decisions[TEAM_DECISION];
  if (!decision || (decision.state !== 'applied' && decision.state !== 'replaced')) return null;
  return currentTeam !== null && (decision.chosen ?? decision.value) === currentTeam ? decision : null;
}

export async function undoTeam(
  ctx: CoreContext,
  req: UndoTeamRequest,
  accountId: string,
): Promise<UndoResult> {
  const field = teamField(ctx);
  return withIssueLock(ctx, req.issueKey, async () => {
    const { ticket, stored } = await load(ctx, accountId, req.issueKey);
    const decision = appliedTeam(stored, ticket.team);
    if (!decision)
      throw new AppError('bad_request', 'No team applied from the panel to take back', [
        { path: 'issueKey', message: 'no team decision, or the team changed since' },
      ]);
    const before = typeof decision.before === 'string' ? decision.before : null;
    await ctx.jira.asUser(accountId).editIssue(ticket.key, { [field]: before });
    const after = await reread(ctx, accountId, ticket, () => ({ ...ticket, team: null, teamId: before }));
    if (decision.feedbackId) await ctx.storage.feedback.retract(decision.feedbackId);
    await audit(
      ctx,
      after,
      {
        actor: accountId,
        action: 'undo-apply-team',
        fieldId: 'team',
        before: ticket.team,
        chosen: after.team,
      },
      'undone',
    );
    const reopened: FieldDecision = {
      state: 'reopened',
      value: decision.value,
      at: ctx.clock.now(),
      by: accountId,
    };
    await decide(ctx, after, decided(TEAM_DECISION, reopened, after.updated));
    return { issueKey: ticket.key, action: 'undone', undone: decision.state };
  });
}

/** The routing section with the ticket's current team and whether the viewer can undo it. */
export function withTeamState(
  routing: RoutingSuggestion,
  currentTeam: string | null,
  stored: StoredSuggestions | null,
): RoutingSuggestion {
  return { ...routing, currentTeam, teamUndo: appliedTeam(stored, currentTeam) !== null };
}
