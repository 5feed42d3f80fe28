import { analyzeFields } from '../similar/index-entry';
import type { QueryPlan } from '../similar/query-plan';
import type { TicketDoc } from '../similar/types';
import type { QueryTermWeight } from './types';

/**
 * Terms an article query carries at most: the whole plan. The rarest words of a ticket are often
 * names and typos no article has; the topic's words (Outlook, VPN) are common among tickets
 * and come later in the plan, so a short query would miss them.
 */
export const ARTICLE_QUERY_TERMS = 32;

/**
 * The ticket's most distinctive words as the similar engine planned them (idf over the desk's
 * tickets × saturated query frequency, summary counting most), each with the ways the ticket
 * wrote it, commonest first. Numbers and placeholders never appear: only plain words do.
 */
export function queryTermWeights(
  plan: QueryPlan,
  ticket: TicketDoc,
  max = ARTICLE_QUERY_TERMS,
): QueryTermWeight[] {
  const surfaces = new Map<string, Map<string, number>>();
  for (const tokens of analyzeFields(ticket)) {
    for (const t of tokens) {
      if (t.kind !== 'word') continue;
      let seen = surfaces.get(t.term);
      if (seen === undefined) surfaces.set(t.term, (seen = new Map<string, number>()));
      seen.set(t.surface, (seen.get(t.surface) ?? 0) + 1);
    }
  }
  const out: QueryTermWeight[] = [];
  for (const t of plan.terms) {
    const seen = surfaces.get(t.term);
    if (seen === undefined) continue;
    const ordered = [...seen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
    out.push({ term: t.term, weight: t.idf * t.queryWeight, surfaces: ordered });
    if (out.length >= max) break;
  }
  return out;
}

/** The words sent to the knowledge base's own search: one surface per term, most distinctive first. */
export function searchWords(terms: readonly QueryTermWeight[], max = 8): string {
  return terms
    .slice(0, max)
    .map((t) => t.surfaces[0] ?? t.term)
    .join(' ');
}

/**
 * The searches that gather candidate articles, each a few words (a knowledge base's own search
 * matches words plainly, and may want all of them): the most distinctive words, the summary's
 * words (the customer's own name for the problem), and the next most distinctive ones.
 */
export function searchQueries(terms: readonly QueryTermWeight[], summary: string): string[] {
  const folded = summary.toLocaleLowerCase();
  const inSummary = terms.filter((t) => t.surfaces.some((s) => folded.includes(s)));
  const queries = [searchWords(terms), searchWords(inSummary, 6), searchWords(terms.slice(8), 8)];
  return [...new Set(queries.filter((q) => q !== ''))];
}
