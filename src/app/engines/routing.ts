import {
  RoutingRule,
  RoutingRules,
  suggestRoute,
  ruleMatches,
  words,
  type Agent,
  type RankedCandidate,
  type RoutingTicket,
  type SimilarHint,
} from '../../engine/route';
import type { RouteCandidate, RoutingSuggestion } from '../../contracts/panel';
import type { RouteContext, RoutingEngine } from '../../core/ports/engines';
import type { Ticket } from '../../core/shared/ticket';

export function routingTicket(ticket: Ticket): RoutingTicket {
  const fields = new Map<string, string | readonly string[]>([
    ['components', ticket.components],
    ['labels', ticket.labels],
    ['issueType', ticket.issueType],
  ]);
  if (ticket.priority !== null) fields.set('priority', ticket.priority);
  for (const [id, value] of Object.entries(ticket.custom)) fields.set(id, value);
  return {
    ...(ticket.requestType !== null ? { requestType: ticket.requestType } : {}),
    fields,
    ...(ticket.organization !== null ? { reporterOrganisations: [ticket.organization] } : {}),
    ...(ticket.reporterDomain !== null ? { reporterEmail: `someone@${ticket.reporterDomain}` } : {}),
    text: `${ticket.summary}\n${ticket.description}`,
  };
}

/**
 * Agents as the store knows them: the teams each resolved tickets for in the training history,
 * plus the team of every similar ticket they handled, with their open load and the admin's
 * capacities.
 */
function agentsFrom(context: RouteContext, hints: readonly SimilarHint[]): Agent[] {
  const teams = new Map<string, Set<string>>();
  for (const [agent, known] of context.agentTeams ?? []) teams.set(agent, new Set(known));
  for (const h of hints) {
    if (h.assignee === undefined || h.team === undefined) continue;
    const set = teams.get(h.assignee) ?? new Set<string>();
    set.add(h.team);
    teams.set(h.assignee, set);
  }
  const capacities = new Map(Object.entries(context.config.capacities));
  return [...teams].map(([id, set]) => {
    const capacity = capacities.get(id);
    return {
      id,
      name: id,
      teams: [...set],
      active: true,
      openLoad: context.openLoad.get(id) ?? 0,
      ...(capacity !== undefined ? { capacity } : {}),
    };
  });
}

function candidate(c: RankedCandidate, fit: number): RouteCandidate {
  return {
    id: c.id,
    name: c.name,
    score: Number.isFinite(c.score) ? c.score : 0,
    fit,
    reasons: c.reasons.slice(0, 8),
    ...(c.openLoad !== undefined ? { openLoad: Math.max(0, Math.round(c.openLoad)) } : {}),
    ...(c.capacity !== undefined ? { capacity: Math.max(0, Math.round(c.capacity)) } : {}),
    available: c.available,
  };
}

/**
 * The list as the panel shows it: each candidate's fit is its share of the list's positive
 * scores, and available candidates come first, each group by that fit (the engine's order), so
 * what is listed higher never shows a lower figure.
 */
export function shownCandidates(ranked: readonly RankedCandidate[]): RouteCandidate[] {
  const positive = (c: RankedCandidate) => (Number.isFinite(c.score) && c.score > 0 ? c.score : 0);
  const total = ranked.reduce((sum, c) => sum + positive(c), 0);
  const shown = ranked.map((c) => candidate(c, total > 0 ? positive(c) / total : 0));
  return shown.sort((a, b) => Number(b.available) - Number(a.available) || b.fit - a.fit);
}

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/** Admin rules first, then what similar resolved tickets teach (src/engine/route). */
export const routingEngine: RoutingEngine = {
  validateRules(rules) {
    const parsed = RoutingRules.safeParse(rules);
    if (parsed.success) return { ok: true, rules: parsed.data };
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: ['rules', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    };
  },
  suggest(ticket, context): RoutingSuggestion {
    const rules = RoutingRules.safeParse(context.config.rules);
    const hints: SimilarHint[] = context.similar.map((s) => ({
      key: s.ticket.key,
      score: s.score,
      resolved: s.ticket.statusCategory === 'done',
      ...(s.ticket.team !== null ? { team: s.ticket.team } : {}),
      ...(s.ticket.assigneeId !== null ? { assignee: s.ticket.assigneeId } : {}),
    }));
    const route = suggestRoute({
      ticket: routingTicket(ticket),
      rules: rules.success ? rules.data : [],
      similar: hints,
      ...(context.teamVotes ? { teamVotes: context.teamVotes } : {}),
      ...(context.assigneeVotes ? { assigneeVotes: context.assigneeVotes } : {}),
      ...(ticket.requestType !== null ? { category: ticket.requestType } : {}),
      agents: agentsFrom(context, hints),
      away: context.config.away,
      today: new Date(context.now).toISOString().slice(0, 10),
    });
    return {
      ...(route.decidedByRule ? { decidedByRule: route.decidedByRule } : {}),
      teams: shownCandidates(route.teams.slice(0, 10)),
      assignees: shownCandidates(route.assignees.filter((a) => ACCOUNT_ID.test(a.id)).slice(0, 10)).map(
        (a) => ({ ...a, accountId: a.id }),
      ),
      currentAssignee: ticket.assigneeId,
    };
  },
  matches(rule, tickets) {
    // Tried out as if enabled: the admin is testing it before switching it on.
    const parsed = { ...RoutingRule.parse(rule), enabled: true };
    return tickets.map((t) => {
      const rt = routingTicket(t);
      return ruleMatches(parsed, rt, words(rt.text ?? '')).holds;
    });
  },
};
