import { analyze, guessLanguage, normalize } from '../text';
import type { Language, Token } from '../text';
import { minhashSignature } from './minhash';
import type { FieldTriple, IndexEntry, TermFrequencies, TicketDoc } from './types';

/**
 * Highest per-field term frequency stored. BM25 saturates long before it, and a fixed cap lets
 * the in-memory index pack three frequencies into one 32-bit word.
 */
export const MAX_TERM_FREQUENCY = 1023;
/** Characters of the comment thread read at most (the latest comments are kept). */
export const MAX_COMMENT_CHARS = 20_000;
/** Characters read to guess the ticket's language. */
const LANGUAGE_SAMPLE_CHARS = 2_000;

/** The three field texts of a ticket, comments joined with the latest kept when too long. */
export function fieldTexts(ticket: TicketDoc): [string, string, string] {
  const comments = (ticket.comments ?? []).join('\n');
  return [
    ticket.summary ?? '',
    ticket.description ?? '',
    comments.length > MAX_COMMENT_CHARS ? comments.slice(comments.length - MAX_COMMENT_CHARS) : comments,
  ];
}

/**
 * One language per ticket, guessed from summary and description together: a three-word summary
 * alone would often come back 'other' and stay unstemmed, so its terms would miss the
 * description's stemmed forms.
 */
export function ticketLanguage(ticket: TicketDoc): Language {
  const sample = `${ticket.summary ?? ''}\n${ticket.description ?? ''}`.slice(0, LANGUAGE_SAMPLE_CHARS);
  return guessLanguage(normalize(sample).split(/[^\p{L}\p{M}]+/u));
}

/** Tokens per field, analysed in the ticket's language. */
export function analyzeFields(ticket: TicketDoc): [Token[], Token[], Token[]] {
  const language = ticketLanguage(ticket);
  const [s, d, c] = fieldTexts(ticket);
  return [analyze(s, { language }).tokens, analyze(d, { language }).tokens, analyze(c, { language }).tokens];
}

/** Facet values compared by the "same component / request type" signal. */
export function ticketFacets(ticket: TicketDoc): string[] {
  const out = new Set<string>();
  for (const c of ticket.components ?? []) if (c.trim() !== '') out.add(`component:${normalize(c.trim())}`);
  if (ticket.requestType !== undefined && ticket.requestType.trim() !== '') {
    out.add(`request-type:${normalize(ticket.requestType.trim())}`);
  }
  return [...out].sort();
}

/**
 * The index entry of a ticket: per-field term frequencies and lengths, facets and the MinHash
 * signature. This is the unit every backend stores (one row per term plus one per ticket in SQL)
 * and it is a pure function of the ticket, so a backend that stores it verbatim ranks exactly
 * like the in-memory index.
 */
export function computeIndexEntry(ticket: TicketDoc): IndexEntry {
  const fields = analyzeFields(ticket);
  const counts = new Map<string, [number, number, number]>();
  fields.forEach((tokens, f) => {
    for (const t of tokens) {
      let tf = counts.get(t.term);
      if (tf === undefined) {
        tf = [0, 0, 0];
        counts.set(t.term, tf);
      }
      tf[f] = Math.min(MAX_TERM_FREQUENCY, (tf[f] as number) + 1);
    }
  });
  const terms: TermFrequencies[] = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, tf]) => ({ term, tf }));
  const lengths: FieldTriple = [fields[0].length, fields[1].length, fields[2].length];
  const created = ticket.createdMs;
  return {
    id: ticket.id,
    createdMs: typeof created === 'number' && Number.isFinite(created) ? created : Number.NaN,
    project: ticket.project ?? '',
    facets: ticketFacets(ticket),
    lengths,
    terms,
    signature: minhashSignature([...fields[0], ...fields[1]].map((t) => t.term)),
  };
}
