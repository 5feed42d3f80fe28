import { DEFAULT_MAX_CHARS, isEvidenceWord, maskIdentifiers, normalize, personNames } from '../text';
import { idf } from './bm25f';
import type { CandidateSource } from './candidate-source';
import { analyzeFields, fieldTexts } from './index-entry';
import type { FieldName, TicketDoc } from './types';
import { FIELDS } from './types';

/**
 * A highlighted word: offsets into the field's original text (comments joined with "\n").
 * Only the part of a field that was indexed is searched (the first 20,000 characters; for
 * comments the last 20,000), so a 10 MB description costs no more than a short one.
 */
export interface Highlight {
  field: FieldName;
  start: number;
  end: number;
  term: string;
}

export interface SharedTerm {
  term: string;
  /** idf in the source's corpus: how distinctive the shared word is. */
  weight: number;
  /** The words as written (folded), on each side. */
  querySurfaces: string[];
  candidateSurfaces: string[];
}

export interface MatchExplanation {
  sharedTerms: SharedTerm[];
  queryHighlights: Highlight[];
  candidateHighlights: Highlight[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Word → surfaces per term for the evidence words of a ticket: never numbers, placeholders,
 * function words of either language, greetings or the names of who is greeted or signs.
 */
function surfacesByTerm(ticket: TicketDoc): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const names = personNames(fieldTexts(ticket).join('\n'));
  for (const tokens of analyzeFields(ticket)) {
    for (const t of tokens) {
      if (t.kind !== 'word' || !isEvidenceWord(t.surface, names)) continue;
      let set = out.get(t.term);
      if (set === undefined) out.set(t.term, (set = new Set()));
      set.add(t.surface);
    }
  }
  return out;
}

/**
 * Spans of the given surfaces in a ticket's original texts. A whitespace-separated chunk that
 * holds an e-mail, URL, IP, ticket key, version or phone number is skipped whole, so no part
 * of an identifying value is ever highlighted.
 */
function highlights(
  ticket: TicketDoc,
  surfaceToTerm: ReadonlyMap<string, string>,
  maxHighlights: number,
): Highlight[] {
  const out: Highlight[] = [];
  // Length of the comments joined with "\n", without joining a long thread a second time.
  const comments = ticket.comments ?? [];
  const allComments = comments.reduce((n, c) => n + c.length, 0) + Math.max(0, comments.length - 1);
  fieldTexts(ticket).forEach((text, f) => {
    // fieldTexts keeps the latest comments: shift offsets back into the whole thread.
    const shift = f === 2 ? allComments - text.length : 0;
    for (const chunk of text.slice(0, DEFAULT_MAX_CHARS).matchAll(/\S+/g)) {
      if (out.length >= maxHighlights) return;
      if (maskIdentifiers(chunk[0]).includes('⟨')) continue;
      for (const word of chunk[0].matchAll(WORD)) {
        const term = surfaceToTerm.get(normalize(word[0]));
        if (term === undefined) continue;
        const start = shift + chunk.index + word.index;
        out.push({ field: FIELDS[f] as FieldName, start, end: start + word[0].length, term });
        if (out.length >= maxHighlights) return;
      }
    }
  });
  return out;
}

/**
 * Why two tickets match: the distinctive words they share (highest idf first) and where those
 * words stand in both texts. Only stemmed words count; numbers and placeholder values never
 * appear in an explanation.
 */
export function explainMatch(
  query: TicketDoc,
  candidate: TicketDoc,
  source: CandidateSource,
  options: { maxTerms?: number; maxHighlights?: number } = {},
): MatchExplanation {
  const q = surfacesByTerm(query);
  const c = surfacesByTerm(candidate);
  const documents = source.stats().documents;
  const shared: SharedTerm[] = [];
  for (const [term, qs] of q) {
    const cs = c.get(term);
    if (cs === undefined) continue;
    shared.push({
      term,
      weight: idf(Math.min(source.documentFrequency(term), documents), Math.max(documents, 1)),
      querySurfaces: [...qs].sort(),
      candidateSurfaces: [...cs].sort(),
    });
  }
  shared.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const kept = shared.slice(0, options.maxTerms ?? 8);
  const maxHighlights = options.maxHighlights ?? 50;
  const toTerm = (pick: (s: SharedTerm) => string[]): Map<string, string> =>
    new Map(kept.flatMap((s) => pick(s).map((surface) => [surface, s.term] as const)));
  return {
    sharedTerms: kept,
    queryHighlights: highlights(
      query,
      toTerm((s) => s.querySurfaces),
      maxHighlights,
    ),
    candidateHighlights: highlights(
      candidate,
      toTerm((s) => s.candidateSurfaces),
      maxHighlights,
    ),
  };
}
