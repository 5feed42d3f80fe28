import type { RoutingRule, RuleCondition } from './rule-schema';
import { sameValue, words } from './words';

/** A finding about a rule set, for the admin page. `ruleIds` names the rules involved. */
export interface RuleFinding {
  kind: 'empty-set' | 'disabled' | 'unknown-field' | 'contradictory' | 'shadowed' | 'overlap';
  severity: 'info' | 'warning' | 'error';
  ruleIds: string[];
  message: string;
}

const SINGLE_VALUED = new Set(['requestType', 'language', 'emailDomain']);

const slotOf = (c: RuleCondition): string => (c.kind === 'field' ? `field:${c.field.toLowerCase()}` : c.kind);

function valueCovered(kind: RuleCondition['kind'], value: string, by: readonly string[]): boolean {
  if (kind === 'emailDomain') return by.some((d) => value === d || value.endsWith(`.${d}`));
  if (kind === 'text') return by.some((p) => words(p).join(' ') === words(value).join(' '));
  return by.some((b) => sameValue(value, b));
}

/** True when no value could satisfy both single-valued conditions at once. */
function disjoint(a: RuleCondition, b: RuleCondition): boolean {
  if (slotOf(a) !== slotOf(b) || !SINGLE_VALUED.has(a.kind)) return false;
  const av = a.anyOf as readonly string[];
  const bv = b.anyOf as readonly string[];
  return !av.some((v) => valueCovered(a.kind, v, bv) || bv.some((w) => valueCovered(a.kind, w, [v])));
}

/** True when every ticket meeting `conds` also meets `c` (sufficient, not complete). */
function implied(c: RuleCondition, conds: readonly RuleCondition[]): boolean {
  return conds.some(
    (d) =>
      slotOf(d) === slotOf(c) &&
      (d.anyOf as readonly string[]).every((v) => valueCovered(c.kind, v, c.anyOf as readonly string[])),
  );
}

const canBothMatch = (a: RoutingRule, b: RoutingRule): boolean =>
  !a.conditions.some((x) => b.conditions.some((y) => disjoint(x, y)));

function conflictingActions(a: RoutingRule, b: RoutingRule): string[] {
  const out: string[] = [];
  for (const key of ['team', 'assignee', 'priority'] as const) {
    const x = a.actions[key];
    const y = b.actions[key];
    if (x !== undefined && y !== undefined && !sameValue(x, y)) out.push(key);
  }
  return out;
}

/**
 * Reports rules that can never fire (disabled, unknown field, contradictory conditions, hidden
 * behind an earlier stopping rule) and pairs that can match the same ticket with conflicting
 * actions. `knownFields` are the field names on the site; omit it to skip that check.
 */
export function analyzeRules(rules: readonly RoutingRule[], knownFields?: readonly string[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (rules.length === 0) {
    return [
      {
        kind: 'empty-set',
        severity: 'info',
        ruleIds: [],
        message: 'no rules: every ticket is routed by learned routing',
      },
    ];
  }
  const dead = new Set<string>();
  rules.forEach((rule, i) => {
    if (!rule.enabled) {
      findings.push({
        kind: 'disabled',
        severity: 'info',
        ruleIds: [rule.id],
        message: `rule "${rule.name}" is disabled`,
      });
      dead.add(rule.id);
      return;
    }
    for (const c of rule.conditions) {
      if (
        c.kind === 'field' &&
        knownFields !== undefined &&
        !knownFields.some((f) => sameValue(f, c.field))
      ) {
        findings.push({
          kind: 'unknown-field',
          severity: 'error',
          ruleIds: [rule.id],
          message: `rule "${rule.name}" tests field "${c.field}", which this site does not have: it can never fire`,
        });
        dead.add(rule.id);
      }
    }
    rule.conditions.forEach((a, j) => {
      const clash = rule.conditions.slice(j + 1).find((b) => disjoint(a, b));
      if (clash !== undefined) {
        findings.push({
          kind: 'contradictory',
          severity: 'error',
          ruleIds: [rule.id],
          message: `rule "${rule.name}" requires two different values of ${a.kind} at once: it can never fire`,
        });
        dead.add(rule.id);
      }
    });
    const blocker = rules
      .slice(0, i)
      .find(
        (e) =>
          e.enabled && e.stop && !dead.has(e.id) && e.conditions.every((c) => implied(c, rule.conditions)),
      );
    if (blocker !== undefined && !dead.has(rule.id)) {
      findings.push({
        kind: 'shadowed',
        severity: 'error',
        ruleIds: [blocker.id, rule.id],
        message: `rule "${rule.name}" can never fire: every ticket it matches is caught first by "${blocker.name}", which stops`,
      });
      dead.add(rule.id);
    }
  });
  const live = rules.filter((r) => !dead.has(r.id));
  live.forEach((a, i) => {
    for (const b of live.slice(i + 1)) {
      const keys = conflictingActions(a, b);
      if (keys.length === 0 || !canBothMatch(a, b)) continue;
      findings.push({
        kind: 'overlap',
        severity: 'warning',
        ruleIds: [a.id, b.id],
        message: `rules "${a.name}" and "${b.name}" can match the same ticket and set different ${keys.join(', ')}: "${a.name}" wins`,
      });
    }
  });
  return findings;
}
