import type { FieldConfig } from '../../contracts/config';
import type { CoreContext } from '../shared/context';
import { loadStoredJson } from '../shared/stored-json';
import { STORAGE_KEYS } from '../ports/storage-keys';
import type { Ticket } from '../shared/ticket';

/**
 * Learned routing: a text-and-fields classifier of the team and one of the resolver, trained
 * from resolved tickets beside the field models and stored under these names. They are the
 * "model votes" the routing engine blends with the teams of similar tickets, so a ticket with no
 * similar past ticket still gets a route.
 */
export const ROUTE_MODELS = [
  { fieldId: 'route:team', labelOf: (t: Ticket) => t.team },
  { fieldId: 'route:assignee', labelOf: (t: Ticket) => t.assigneeId },
] as const;

export type RouteModelId = (typeof ROUTE_MODELS)[number]['fieldId'];

/** The settings a route model trains with (it is never shown as a field, so never applied). */
export const routeModelConfig = (fieldId: RouteModelId): FieldConfig => ({
  fieldId,
  name: fieldId,
  mode: 'shadow',
  precisionTarget: 0.9,
  multiValue: false,
});

/** Who resolved tickets for which teams, so assignee votes come with their teams. */
const {
  name: AGENT_TEAMS_NAME,
  version: AGENT_TEAMS_VERSION,
  schema: AgentTeams,
} = STORAGE_KEYS.routeAgentTeams;
/** A handful of resolved tickets in a team makes an agent a member of it for routing. */
const MIN_TEAM_TICKETS = 2;

export function agentTeamsOf(tickets: readonly Ticket[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const t of tickets) {
    if (t.assigneeId === null || t.team === null) continue;
    const teams = counts.get(t.assigneeId) ?? new Map<string, number>();
    teams.set(t.team, (teams.get(t.team) ?? 0) + 1);
    counts.set(t.assigneeId, teams);
  }
  const out = new Map<string, string[]>();
  for (const [agent, teams] of counts) {
    const member = [...teams].filter(([, n]) => n >= MIN_TEAM_TICKETS).map(([team]) => team);
    if (member.length > 0) out.set(agent, member.slice(0, 50));
  }
  return out;
}

export async function saveAgentTeams(ctx: CoreContext, tickets: readonly Ticket[]): Promise<void> {
  const plain = Object.fromEntries(agentTeamsOf(tickets));
  await ctx.storage.models.save(AGENT_TEAMS_NAME, JSON.stringify(plain), AGENT_TEAMS_VERSION);
}

/** The stored agent → teams map; empty when never trained or unreadable (routing then uses similar tickets only). */
export async function loadAgentTeams(ctx: CoreContext): Promise<Map<string, string[]>> {
  const teams = await loadStoredJson(ctx.storage.models, AGENT_TEAMS_NAME, AGENT_TEAMS_VERSION, AgentTeams);
  return new Map(teams ? Object.entries(teams) : []);
}

/** The model's ranked guesses for the ticket, or none when the model is not trained. */
export async function routeVotes(
  ctx: CoreContext,
  fieldId: RouteModelId,
  ticket: Ticket,
): Promise<{ label: string; probability: number }[] | undefined> {
  const lookup = await ctx.models.get(fieldId);
  if (lookup.status !== 'ok') return undefined;
  return lookup.model
    .predict(ticket)
    .ranked.slice(0, 5)
    .map((r) => ({ label: r.label, probability: r.probability }));
}

/**
 * Team names to Atlassian team ids, from the tickets training read: routing names teams as the
 * tickets do, but Jira's Team field is set by id (`PUT /rest/api/3/issue/{key}` with
 * `{"<team field>": "<team id>"}`), so applying a suggested team needs its id.
 */
const {
  name: TEAM_DIRECTORY_NAME,
  version: TEAM_DIRECTORY_VERSION,
  schema: TeamDirectory,
} = STORAGE_KEYS.routeTeamDirectory;

export function teamDirectoryOf(tickets: readonly Ticket[]): Map<string, string> {
  const ids = new Map<string, string>();
  // Newest last wins: a team renamed since keeps the id its newest tickets carry.
  for (const t of [...tickets].sort((a, b) => a.updated - b.updated))
    if (t.team !== null && typeof t.teamId === 'string') ids.set(t.team, t.teamId);
  return ids;
}

export async function saveTeamDirectory(ctx: CoreContext, tickets: readonly Ticket[]): Promise<void> {
  const plain = Object.fromEntries(teamDirectoryOf(tickets));
  await ctx.storage.models.save(TEAM_DIRECTORY_NAME, JSON.stringify(plain), TEAM_DIRECTORY_VERSION);
}

/** The stored name → id map; empty when never trained (or the site's team field has no ids). */
export async function loadTeamDirectory(ctx: CoreContext): Promise<Map<string, string>> {
  const ids = await loadStoredJson(
    ctx.storage.models,
    TEAM_DIRECTORY_NAME,
    TEAM_DIRECTORY_VERSION,
    TeamDirectory,
  );
  return new Map(ids ? Object.entries(ids) : []);
}
