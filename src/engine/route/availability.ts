import type { Agent, AwayEntry, RouteReason } from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether an agent can take a ticket today, and if not, why. `today` is an ISO date passed in
 * (the engine has no clock). Away entries with unreadable dates are ignored rather than
 * guessed: the admin page validates them on save.
 */
export function unavailability(agent: Agent, away: readonly AwayEntry[], today: string): RouteReason | null {
  if (!agent.active) return { code: 'inactive' };
  for (const a of away) {
    if (a.accountId !== agent.id) continue;
    if (
      (a.from !== undefined && !ISO_DATE.test(a.from)) ||
      (a.until !== undefined && !ISO_DATE.test(a.until))
    )
      continue;
    // ISO dates compare correctly as strings.
    if ((a.from === undefined || a.from <= today) && (a.until === undefined || today <= a.until)) {
      return a.until === undefined ? { code: 'away' } : { code: 'away', until: a.until };
    }
  }
  if (agent.capacity !== undefined && agent.openLoad >= agent.capacity) {
    return { code: 'at-capacity', open: agent.openLoad, capacity: agent.capacity };
  }
  return null;
}
