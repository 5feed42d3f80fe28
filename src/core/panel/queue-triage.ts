/**
 * The queue triage page (jiraServiceManagement:queuePage): a service project's open tickets that
 * still wait on a suggestion, each with the top suggestion per field, routing's first team and
 * assignee and the SLA risk, highest risk first. Jira decides what the agent sees (the search runs
 * as them); everything shown comes from the stored suggestions, so opening the page computes
 * nothing. Accepting a cell is the panel's own resolver (panel/apply, panel/team/apply,
 * panel/assign), with its permission checks, audit entry and feedback row.
 */
import type { QueueData, QueueRequest, QueueRow } from '../../contracts/queue';
import type { CoreContext } from '../shared/context';
import { triagedMarker } from '../suggest/insights';
import { shownFieldStates } from './shown-fields';
import { parseStoredSuggestions, type StoredSuggestions } from '../suggest/suggestions';
import type { Ticket } from '../shared/ticket';

const DEFAULT_LIMIT = 50;

export async function listQueue(
  ctx: CoreContext,
  request: QueueRequest,
  accountId: string,
): Promise<QueueData> {
  const config = await ctx.config();
  const page = await ctx.jira.asUser(accountId).searchIssues({
    jql: `project = ${request.projectKey} AND statusCategory != Done ORDER BY created DESC`,
    fields: ctx.issues.fields,
    maxResults: request.limit ?? DEFAULT_LIMIT,
  });
  const rows: QueueRow[] = [];
  let pending = 0;
  for (const issue of page.issues) {
    const ticket = ctx.issues.toTicket(issue);
    const stored = (await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions))?.value;
    if (!stored) {
      pending++;
      continue;
    }
    if (triagedMarker(ticket, stored, config) === 'yes') continue;
    rows.push(rowOf(ticket, stored, config));
  }
  rows.sort((a, b) => (b.risk?.percent ?? -1) - (a.risk?.percent ?? -1));
  await nameAssignees(ctx, accountId, rows);
  const columns = config.fields
    .filter((f) => f.mode === 'suggest' || f.mode === 'auto-apply')
    .map((f) => ({ fieldId: f.fieldId, name: f.name }));
  return { projectKey: request.projectKey, columns, rows, scanned: page.issues.length, pending };
}

function rowOf(
  ticket: Ticket,
  stored: StoredSuggestions,
  config: Parameters<typeof triagedMarker>[2],
): QueueRow {
  const fields = shownFieldStates(ticket, stored, config).flatMap(({ field, state }) =>
    // Only what the panel itself sets in one click (the request type may need JSM's own action).
    state.status === 'suggested' && state.apply === 'panel' && state.value !== null
      ? [{ fieldId: field.fieldId, name: field.name, value: state.value, confidence: state.confidence ?? 0 }]
      : [],
  );
  const routing = stored.routing;
  const team = routing?.teams[0];
  const assignee = routing?.assignees[0];
  const risk = stored.sla?.risk;
  return {
    key: ticket.key,
    summary: ticket.summary.slice(0, 500),
    created: new Date(ticket.created).toISOString(),
    fields,
    team: team && team.name !== routing?.currentTeam ? { name: team.name, fit: team.fit } : null,
    assignee:
      assignee && assignee.accountId !== routing?.currentAssignee
        ? { accountId: assignee.accountId, name: assignee.name, fit: assignee.fit }
        : null,
    risk: risk
      ? {
          band: risk.band,
          percent: risk.probability === null ? null : Math.round(risk.probability * 100),
          remainingMs: risk.remainingMs,
          metricName: risk.metricName,
        }
      : null,
  };
}

/** Suggested assignees named as Jira shows them to the reader (one bulk lookup); else the account id. */
async function nameAssignees(ctx: CoreContext, reader: string, rows: QueueRow[]): Promise<void> {
  const ids = [...new Set(rows.flatMap((r) => (r.assignee ? [r.assignee.accountId] : [])))];
  if (ids.length === 0) return;
  try {
    const users = await ctx.jira.asUser(reader).bulkGetUsers(ids);
    const names = new Map(
      users.filter((u) => u.displayName.trim() !== '').map((u) => [u.accountId, u.displayName]),
    );
    for (const row of rows)
      if (row.assignee) row.assignee.name = names.get(row.assignee.accountId) ?? row.assignee.name;
  } catch (error) {
    ctx.logger.warn('queue assignees shown by account id', { error: String(error).slice(0, 200) });
  }
}
