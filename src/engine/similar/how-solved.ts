import { analyze, maskIdentifiers } from '../text';
import { idf } from './bm25f';
import type { CandidateSource } from './candidate-source';
import { ticketLanguage } from './index-entry';
import type { TicketDoc } from './types';

export interface SolvedBefore {
  resolution: string;
  resolvedMs?: number;
  /** The most informative sentence(s) of the closing comments, identifiers masked; absent without comments. */
  excerpt?: { commentIndex: number; text: string };
}

/** Resolutions that mean "not solved": such tickets offer no "solved before like this". */
const UNRESOLVED = new Set(['', 'unresolved', 'none', 'open', 'ungelöst', 'nicht erledigt']);

const CLOSING_COMMENTS = 3;
const MAX_EXCERPT_CHARS = 300;

/**
 * "Solved before like this" for a resolved ticket: its resolution and, from its last few
 * comments, the sentence carrying the most distinctive words (sum of idf of distinct words, so a
 * "thanks, closing" note loses to "restarted the nodemanager after raising the heap"). Later
 * comments win ties. Undefined when the ticket is not resolved.
 */
export function howSolved(ticket: TicketDoc, source: CandidateSource): SolvedBefore | undefined {
  const resolution = (ticket.resolution ?? '').trim();
  if (UNRESOLVED.has(resolution.toLowerCase())) return undefined;
  const out: SolvedBefore = { resolution };
  if (ticket.resolvedMs !== undefined && Number.isFinite(ticket.resolvedMs))
    out.resolvedMs = ticket.resolvedMs;
  const comments = ticket.comments ?? [];
  const language = ticketLanguage(ticket);
  const documents = Math.max(1, source.stats().documents);
  let best: { score: number; commentIndex: number; text: string } | undefined;
  for (let i = Math.max(0, comments.length - CLOSING_COMMENTS); i < comments.length; i++) {
    const comment = (comments[i] ?? '').slice(0, 20_000);
    for (const sentence of comment.split(/(?<=[.!?])\s+|\n+/)) {
      const terms = new Set(
        analyze(sentence, { language })
          .tokens.filter((t) => t.kind === 'word')
          .map((t) => t.term),
      );
      let score = 0;
      for (const term of terms) score += idf(Math.min(source.documentFrequency(term), documents), documents);
      if (score > 0 && (best === undefined || score >= best.score))
        best = { score, commentIndex: i, text: sentence };
    }
  }
  if (best !== undefined) {
    const masked = maskIdentifiers(best.text).replace(/\s+/g, ' ').trim();
    out.excerpt = {
      commentIndex: best.commentIndex,
      text: masked.length > MAX_EXCERPT_CHARS ? `${masked.slice(0, MAX_EXCERPT_CHARS - 1)}…` : masked,
    };
  }
  return out;
}
