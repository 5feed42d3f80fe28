import { unavailability } from './availability';
import type { Agent, AwayEntry, ClassVote, RankedCandidate, RouteReason, SimilarHint } from './types';

export interface AssigneeRankingInput {
  team: string;
  agents: readonly Agent[];
  similar?: readonly SimilarHint[];
  /** A classifier's ranked assignees (trained on who resolved past tickets), if any. */
  assigneeVotes?: readonly ClassVote[];
  /** The ticket's (predicted) category, to use the agents' learned skills. */
  category?: string;
  away?: readonly AwayEntry[];
  /** ISO date (YYYY-MM-DD) for the away list. */
  today: string;
}

export interface AssigneeRankingOptions {
  /** How much one queue-length of open tickets costs against expertise (default 0.5). */
  loadWeight?: number;
  limit?: number;
}

/**
 * Ranks the team's members: expertise (a classifier's vote for them, similar tickets they solved
 * weighted by similarity, and a damped count of tickets they solved in this category) minus a load penalty (open
 * tickets relative to their capacity, or to the team's average load when no capacity is set).
 * Inactive, away and at-capacity agents are listed after every available one, never on top.
 */
export function rankAssignees(
  input: AssigneeRankingInput,
  options: AssigneeRankingOptions = {},
): RankedCandidate[] {
  const members = input.agents.filter((a) => a.teams.includes(input.team));
  if (members.length === 0) return [];
  const loadWeight = options.loadWeight ?? 0.5;
  const meanLoad = members.reduce((s, a) => s + Math.max(0, a.openLoad), 0) / members.length;
  const solvedScore = new Map<string, number>();
  const solvedCount = new Map<string, number>();
  for (const h of input.similar ?? []) {
    if (h.assignee === undefined || !h.resolved || !(h.score > 0)) continue;
    solvedScore.set(h.assignee, (solvedScore.get(h.assignee) ?? 0) + h.score);
    solvedCount.set(h.assignee, (solvedCount.get(h.assignee) ?? 0) + 1);
  }
  const voted = new Map<string, number>();
  for (const v of input.assigneeVotes ?? []) {
    if (Number.isFinite(v.probability) && v.probability > 0)
      voted.set(v.label, (voted.get(v.label) ?? 0) + v.probability);
  }
  const ranked = members.map((agent) => {
    const reasons: RouteReason[] = [];
    const vote = voted.get(agent.id) ?? 0;
    if (vote > 0) reasons.push({ code: 'classifier', probability: vote });
    const solved = solvedCount.get(agent.id) ?? 0;
    if (solved > 0) reasons.push({ code: 'solved-similar', count: solved });
    const inCategory = input.category === undefined ? 0 : (agent.solvedByCategory?.get(input.category) ?? 0);
    if (inCategory > 0 && input.category !== undefined) {
      reasons.push({ code: 'category-skill', count: inCategory, category: input.category });
    }
    const open = Math.max(0, agent.openLoad);
    reasons.push(
      agent.capacity === undefined
        ? { code: 'open-load', open }
        : { code: 'open-load', open, capacity: agent.capacity },
    );
    const blocked = unavailability(agent, input.away ?? [], input.today);
    if (blocked !== null) reasons.unshift(blocked);
    // A classifier vote counts like one very similar solved ticket at probability 1.
    const expertise = vote + (solvedScore.get(agent.id) ?? 0) + 0.3 * Math.log1p(inCategory);
    const reference =
      agent.capacity !== undefined && agent.capacity > 0 ? agent.capacity : Math.max(1, meanLoad);
    const score = expertise - loadWeight * (open / reference);
    const candidate: RankedCandidate = {
      id: agent.id,
      name: agent.name,
      score,
      available: blocked === null,
      openLoad: open,
      reasons,
    };
    if (agent.capacity !== undefined) candidate.capacity = agent.capacity;
    return candidate;
  });
  ranked.sort(
    (a, b) =>
      Number(b.available) - Number(a.available) ||
      b.score - a.score ||
      (a.openLoad ?? 0) - (b.openLoad ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked.slice(0, options.limit ?? 10);
}
