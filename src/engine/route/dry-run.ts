import { ruleMatches } from './match-rule';
import type { RoutingRule } from './rule-schema';
import type { RoutingTicket } from './types';
import { sameValue, words } from './words';

export interface HistoricTicket {
  ticket: RoutingTicket;
  /** Where the ticket actually ended up. */
  team?: string;
  assignee?: string;
}

export interface DryRunResult {
  ruleId: string;
  total: number;
  matched: number;
  /** Matched tickets whose actual team equals the rule's team (null when the rule sets none). */
  agreedTeam: number | null;
  /** Where the matched tickets actually went, most frequent first (top 10). */
  actualTeams: { team: string; count: number }[];
  /** A few matched examples, by position in the history given. */
  examples: number[];
}

/**
 * Replays one rule over history as if it had been active, ignoring `enabled` (the admin is
 * trying it out) and the other rules: how many tickets it would have caught and where they went.
 */
export function dryRunRule(rule: RoutingRule, history: readonly HistoricTicket[]): DryRunResult {
  const probe: RoutingRule = { ...rule, enabled: true };
  const counts = new Map<string, number>();
  let matched = 0;
  let agreed = 0;
  const examples: number[] = [];
  history.forEach((h, i) => {
    if (!ruleMatches(probe, h.ticket, words(h.ticket.text ?? '')).holds) return;
    matched++;
    if (examples.length < 5) examples.push(i);
    const team = h.team ?? '(none)';
    counts.set(team, (counts.get(team) ?? 0) + 1);
    if (rule.actions.team !== undefined && h.team !== undefined && sameValue(h.team, rule.actions.team))
      agreed++;
  });
  const actualTeams = [...counts.entries()]
    .map(([team, count]) => ({ team, count }))
    .sort((a, b) => b.count - a.count || (a.team < b.team ? -1 : 1))
    .slice(0, 10);
  return {
    ruleId: rule.id,
    total: history.length,
    matched,
    agreedTeam: rule.actions.team === undefined ? null : agreed,
    actualTeams,
    examples,
  };
}
