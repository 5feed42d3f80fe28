import type { Section } from '../../../src/contracts/common';
import type { SimilarSection, SimilarTicket } from '../../../src/contracts/panel';

/** A similar ticket the agent linked from this panel, and where its group listed it. */
export interface LinkedHere {
  ticket: SimilarTicket;
  at: number;
  linkTypes: SimilarSection['linkTypes'];
}

/**
 * The similar tickets to show after the agent linked some in this panel. The server leaves
 * linked tickets out of its suggestions, so a refreshed answer drops them; the panel keeps each
 * one where it was, marked as linked, until it is opened again.
 */
export function keepLinked(similar: SimilarSection, linked: readonly LinkedHere[]): SimilarSection {
  if (linked.length === 0) return similar;
  const keys = new Set(linked.map((l) => l.ticket.key));
  const group = (tickets: readonly SimilarTicket[], kind: SimilarTicket['kind']): SimilarTicket[] => {
    const out = tickets.map((t) => (keys.has(t.key) ? { ...t, alreadyLinked: true } : t));
    const listed = new Set(out.map((t) => t.key));
    const back = linked.filter((l) => l.ticket.kind === kind && !listed.has(l.ticket.key));
    for (const l of [...back].sort((a, b) => a.at - b.at))
      out.splice(Math.min(l.at, out.length), 0, { ...l.ticket, alreadyLinked: true });
    return out;
  };
  return {
    ...similar,
    duplicates: group(similar.duplicates, 'duplicate'),
    related: group(similar.related, 'related'),
    weak: group(similar.weak, 'weak'),
  };
}

/** The ticket behind `key` in a panel's similar section and its place in its group, if listed. */
export function findSimilar(similar: SimilarSection, key: string): LinkedHere | undefined {
  for (const tickets of [similar.duplicates, similar.related, similar.weak]) {
    const at = tickets.findIndex((t) => t.key === key);
    const ticket = tickets[at];
    if (ticket) return { ticket, at, linkTypes: similar.linkTypes };
  }
  return undefined;
}

/**
 * The similar section to show: `keepLinked` over the server's answer, which may also be empty
 * now that the only similar ticket is linked (an error is shown as it is).
 */
export function similarShown(
  section: Section<SimilarSection>,
  linked: readonly LinkedHere[],
): Section<SimilarSection> {
  const first = linked[0];
  if (first === undefined || section.status === 'error') return section;
  const answer =
    section.status === 'ok'
      ? section.data
      : { duplicates: [], related: [], weak: [], linkTypes: first.linkTypes };
  return { status: 'ok', data: keepLinked(answer, linked) };
}
