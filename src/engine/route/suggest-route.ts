import type { RuleDecision } from './evaluate-rules';
import { evaluateRules } from './evaluate-rules';
import type { AssigneeRankingOptions } from './rank-assignees';
import { rankAssignees } from './rank-assignees';
import type { TeamRankingOptions } from './rank-teams';
import { rankTeams } from './rank-teams';
import type { RoutingRule } from './rule-schema';
import type { Agent, AwayEntry, ClassVote, RankedCandidate, RoutingTicket, SimilarHint } from './types';

export interface RouteRequest {
  ticket: RoutingTicket;
  rules: readonly RoutingRule[];
  /** The classifier's ranked teams (text and fields), if a model is trained. */
  teamVotes?: readonly ClassVote[];
  /** The classifier's ranked assignees, if a model is trained on resolvers. */
  assigneeVotes?: readonly ClassVote[];
  /** Similar past tickets with their teams and resolvers. */
  similar?: readonly SimilarHint[];
  agents: readonly Agent[];
  away?: readonly AwayEntry[];
  /** The ticket's (predicted) category, for learned skills. */
  category?: string;
  /** ISO date (YYYY-MM-DD) for the away list. */
  today: string;
}

export type RouteNote =
  | { code: 'rule-note'; text: string }
  | { code: 'no-history' }
  | { code: 'team-without-members'; team: string }
  | { code: 'nobody-available'; team: string };

export interface RouteSuggestion {
  decidedByRule: { id: string; name: string } | null;
  teams: RankedCandidate[];
  assignees: RankedCandidate[];
  rules: RuleDecision;
  notes: RouteNote[];
}

/**
 * Rules first, then learning: a rule's team or assignee goes on top (with the rule named as the
 * reason); learned candidates follow. A rule cannot put an unavailable agent on top: such an
 * agent is kept in the list, marked, below the available ones.
 */
export function suggestRoute(
  request: RouteRequest,
  options: { teams?: TeamRankingOptions; assignees?: AssigneeRankingOptions } = {},
): RouteSuggestion {
  const rules = evaluateRules(request.rules, request.ticket);
  const notes: RouteNote[] = [];
  if (rules.note !== null && rules.matched.length > 0) notes.push({ code: 'rule-note', text: rules.note });
  let teams = rankTeams(request.teamVotes, request.similar, options.teams);
  if (rules.team !== undefined) {
    const ruleTeam = rules.team;
    const learned = teams.find((t) => t.id === ruleTeam.value);
    const top: RankedCandidate = {
      id: ruleTeam.value,
      name: ruleTeam.value,
      score: 1,
      available: true,
      reasons: [{ code: 'rule', ruleName: ruleTeam.ruleName }, ...(learned?.reasons ?? [])],
    };
    teams = [top, ...teams.filter((t) => t.id !== ruleTeam.value)];
  }
  if (teams.length === 0) notes.push({ code: 'no-history' });
  const team = teams[0]?.id;
  let assignees: RankedCandidate[] = [];
  if (team !== undefined) {
    assignees = rankAssignees(
      {
        team,
        agents: request.agents,
        today: request.today,
        ...(request.similar === undefined ? {} : { similar: request.similar }),
        ...(request.assigneeVotes === undefined ? {} : { assigneeVotes: request.assigneeVotes }),
        ...(request.category === undefined ? {} : { category: request.category }),
        ...(request.away === undefined ? {} : { away: request.away }),
      },
      options.assignees,
    );
    if (assignees.length === 0) notes.push({ code: 'team-without-members', team });
    else if (!assignees.some((a) => a.available)) notes.push({ code: 'nobody-available', team });
  }
  if (rules.assignee !== undefined)
    assignees = promoteRuleAssignee(assignees, request.agents, rules.assignee);
  return { decidedByRule: rules.decidedBy, teams, assignees, rules, notes };
}

function promoteRuleAssignee(
  ranked: RankedCandidate[],
  agents: readonly Agent[],
  choice: { value: string; ruleName: string },
): RankedCandidate[] {
  const existing = ranked.find((a) => a.id === choice.value);
  const agent = agents.find((a) => a.id === choice.value);
  const base: RankedCandidate =
    existing ??
    (agent === undefined
      ? { id: choice.value, name: choice.value, score: 0, available: true, reasons: [] }
      : {
          id: agent.id,
          name: agent.name,
          score: 0,
          available: agent.active,
          openLoad: agent.openLoad,
          reasons: [],
        });
  const rest = ranked.filter((a) => a.id !== choice.value);
  if (!base.available) {
    const marked = {
      ...base,
      reasons: [{ code: 'rule-chose-unavailable' as const, ruleName: choice.ruleName }, ...base.reasons],
    };
    const firstUnavailable = rest.findIndex((a) => !a.available);
    const at = firstUnavailable < 0 ? rest.length : firstUnavailable;
    return [...rest.slice(0, at), marked, ...rest.slice(at)];
  }
  return [
    {
      ...base,
      score: Math.max(base.score, 1),
      reasons: [{ code: 'rule', ruleName: choice.ruleName }, ...base.reasons],
    },
    ...rest,
  ];
}
