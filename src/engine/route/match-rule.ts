import type { RoutingRule, RuleCondition } from './rule-schema';
import type { RoutingTicket } from './types';
import { containsPhrase, sameValue, words } from './words';

/** Whether one condition holds, and if not, why (for the admin's dry run and the audit log). */
export type ConditionOutcome = { holds: true } | { holds: false; why: string };

function fieldValues(ticket: RoutingTicket, field: string): readonly string[] | undefined {
  const v = ticket.fields?.get(field);
  if (v === undefined) return undefined;
  return typeof v === 'string' ? [v] : v;
}

const anyEqual = (values: readonly string[], wanted: readonly string[]): boolean =>
  values.some((v) => wanted.some((w) => sameValue(v, w)));

/** `textWords` lets a caller tokenise the ticket text once for many rules. */
export function checkCondition(
  condition: RuleCondition,
  ticket: RoutingTicket,
  textWords: readonly string[],
): ConditionOutcome {
  switch (condition.kind) {
    case 'requestType':
      if (ticket.requestType === undefined) return { holds: false, why: 'ticket has no request type' };
      return anyEqual([ticket.requestType], condition.anyOf)
        ? { holds: true }
        : { holds: false, why: 'request type differs' };
    case 'field': {
      const values = fieldValues(ticket, condition.field);
      if (values === undefined)
        return { holds: false, why: `field "${condition.field}" is not on this ticket` };
      return anyEqual(values, condition.anyOf)
        ? { holds: true }
        : { holds: false, why: `field "${condition.field}" differs` };
    }
    case 'reporterOrganisation':
      return anyEqual(ticket.reporterOrganisations ?? [], condition.anyOf)
        ? { holds: true }
        : { holds: false, why: 'reporter organisation differs' };
    case 'emailDomain': {
      const email = ticket.reporterEmail ?? '';
      const at = email.lastIndexOf('@');
      if (at < 0) return { holds: false, why: 'reporter has no e-mail address' };
      const domain = email
        .slice(at + 1)
        .trim()
        .toLowerCase();
      // A rule for example.com also covers its subdomains (eu.example.com).
      return condition.anyOf.some((d) => domain === d || domain.endsWith(`.${d}`))
        ? { holds: true }
        : { holds: false, why: 'e-mail domain differs' };
    }
    case 'language':
      if (ticket.language === undefined) return { holds: false, why: 'ticket language unknown' };
      return condition.anyOf.includes(ticket.language)
        ? { holds: true }
        : { holds: false, why: 'language differs' };
    case 'text':
      return condition.anyOf.some((p) => containsPhrase(textWords, words(p)))
        ? { holds: true }
        : { holds: false, why: 'none of the words or phrases occur' };
  }
}

export function ruleMatches(
  rule: RoutingRule,
  ticket: RoutingTicket,
  textWords: readonly string[],
): ConditionOutcome {
  if (!rule.enabled) return { holds: false, why: 'rule is disabled' };
  for (const c of rule.conditions) {
    const outcome = checkCondition(c, ticket, textWords);
    if (!outcome.holds) return outcome;
  }
  return { holds: true };
}
