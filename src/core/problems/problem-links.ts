import type { Ticket } from '../shared/ticket';

/** JSM's problem issue type and request type are called "Problem" in English and German alike. */
const PROBLEM_NAME = /^\s*problem\s*$/i;
/** JSM's link type between a problem and the incidents it causes. */
export const PROBLEM_LINK = /^\s*problem\s*\/\s*incident\s*$/i;

export function isProblemTicket(ticket: Ticket): boolean {
  return (
    PROBLEM_NAME.test(ticket.issueType) ||
    (ticket.requestType !== null && PROBLEM_NAME.test(ticket.requestType))
  );
}

/** What the recurring-incident engine needs to say whether a problem already covers a cluster. */
export interface ProblemLinks {
  /** Keys of problem tickets. */
  problemKeys: Set<string>;
  /** Per ticket key, the keys it is linked with, in either direction. */
  linkedKeys: Map<string, Set<string>>;
}

/**
 * Problems among `tickets` and their links. On an incident, JSM's Problem/Incident link shows
 * the problem as the inward end ("is caused by"); on the problem, the incident is the outward
 * end ("causes"), so an outward end marks the ticket itself as the problem. Links are read from
 * both ends: a link added on the problem after the incident was stored still counts.
 */
export function problemLinks(tickets: readonly Ticket[]): ProblemLinks {
  const problemKeys = new Set<string>();
  const linkedKeys = new Map<string, Set<string>>();
  const connect = (a: string, b: string) => {
    const set = linkedKeys.get(a) ?? new Set<string>();
    set.add(b);
    linkedKeys.set(a, set);
  };
  for (const ticket of tickets) {
    if (isProblemTicket(ticket)) problemKeys.add(ticket.key);
    for (const link of ticket.links) {
      connect(ticket.key, link.key);
      connect(link.key, ticket.key);
      if (PROBLEM_LINK.test(link.type)) problemKeys.add(link.direction === 'inward' ? link.key : ticket.key);
    }
  }
  return { problemKeys, linkedKeys };
}
