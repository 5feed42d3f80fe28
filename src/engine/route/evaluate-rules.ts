import { ruleMatches } from './match-rule';
import type { RoutingRule } from './rule-schema';
import type { RoutingTicket } from './types';
import { words } from './words';

export interface RuleDecision {
  /** Rules that matched, in order, up to and including the first one that stops. */
  matched: { id: string; name: string }[];
  /** The first matching rule that set a team or an assignee: it decided the route. */
  decidedBy: { id: string; name: string } | null;
  team?: { value: string; ruleName: string };
  assignee?: { value: string; ruleName: string };
  priority?: { value: string; ruleName: string };
  /** Labels and components add up over every matching rule. */
  labels: string[];
  components: string[];
  /** Why no rule decided, when none did. */
  note: string | null;
}

/**
 * Applies rules in order. The first rule to set a single-valued action (team, assignee,
 * priority) wins it; labels and components accumulate; a matching rule with `stop` ends the pass.
 */
export function evaluateRules(rules: readonly RoutingRule[], ticket: RoutingTicket): RuleDecision {
  const decision: RuleDecision = { matched: [], decidedBy: null, labels: [], components: [], note: null };
  if (rules.length === 0) {
    decision.note = 'no routing rules are configured: learned routing decides';
    return decision;
  }
  const textWords = words(ticket.text ?? '');
  for (const rule of rules) {
    if (!ruleMatches(rule, ticket, textWords).holds) continue;
    const ref = { id: rule.id, name: rule.name };
    decision.matched.push(ref);
    const { team, assignee, priority, labels, components } = rule.actions;
    if (team !== undefined && decision.team === undefined)
      decision.team = { value: team, ruleName: rule.name };
    if (assignee !== undefined && decision.assignee === undefined)
      decision.assignee = { value: assignee, ruleName: rule.name };
    if (priority !== undefined && decision.priority === undefined)
      decision.priority = { value: priority, ruleName: rule.name };
    if ((team !== undefined || assignee !== undefined) && decision.decidedBy === null)
      decision.decidedBy = ref;
    for (const l of labels ?? []) if (!decision.labels.includes(l)) decision.labels.push(l);
    for (const c of components ?? []) if (!decision.components.includes(c)) decision.components.push(c);
    if (rule.stop) break;
  }
  if (decision.matched.length === 0) decision.note = 'no rule matched this ticket: learned routing decides';
  else if (decision.decidedBy === null)
    decision.note = 'matching rules set no team or assignee: learned routing decides';
  return decision;
}
