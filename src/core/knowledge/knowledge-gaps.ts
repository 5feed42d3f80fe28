/**
 * Knowledge gaps for the lead (admin/knowledge-gaps): groups of recently resolved tickets no
 * article answers, never-helpful articles and articles that contradict each other. The engine
 * decides (src/engine/knowledge/gaps.ts); this reads the tickets, finds the articles each group
 * could be answered by in JSM's knowledge base (as the admin: only pages they may read), and
 * groups only tickets Jira shows the admin.
 */
import { PageId } from '../../contracts/knowledge';
import type { KnowledgeGaps } from '../../contracts/knowledge';
import { articleIdsIn, knowledgeGaps } from '../../engine/knowledge';
import type { GapArticle, GapTicket } from '../../engine/knowledge';
import type { CoreContext } from '../shared/context';
import { toResolverError } from '../shared/errors';
import { latestFeedback } from './knowledge';
import { solutionExcerpt } from '../panel/panel';
import { ARTICLE_FEEDBACK_FIELD } from '../ports/storage';
import { isProblemTicket } from '../problems/problem-links';
import type { Ticket } from '../shared/ticket';

export const GAP_LOOKBACK_DAYS = 90;
/** Resolved tickets read at most (the newest): bounds one resolver call. */
export const GAP_MAX_TICKETS = 3_000;
const PAGE = 500;
/** Groups whose words are searched in the knowledge base, and articles read per search. */
const SEARCHED_GROUPS = 15;
const READ_PER_SEARCH = 3;
const FEEDBACK_ROWS = 5_000;
const DAY = 86_400_000;

export async function listKnowledgeGaps(ctx: CoreContext, accountId: string): Promise<KnowledgeGaps> {
  const resolved = await resolvedTickets(ctx, ctx.clock.now() - GAP_LOOKBACK_DAYS * DAY);
  // Only tickets Jira shows the admin are read: a group's words, hours and outline and an article
  // pair's shared tickets come from them, so a hidden ticket must take no part.
  const visible = await ctx.viewers.visibleKeys(
    accountId,
    resolved.map((t) => t.key),
  );
  const tickets = resolved.filter((t) => visible.has(t.key));
  // First without articles: the groups say what to search the knowledge base for.
  const first = knowledgeGaps({ tickets, articles: [] });
  const articles = await searchArticles(
    ctx,
    accountId,
    first.gaps.slice(0, SEARCHED_GROUPS).map((g) => `${g.representative.summary} ${g.terms.join(' ')}`),
    ratings(await ctx.storage.feedback.articleFeedback(FEEDBACK_ROWS)),
  );
  const report = knowledgeGaps({ tickets, articles });
  return {
    tickets: report.tickets,
    answered: report.answered,
    lookbackDays: GAP_LOOKBACK_DAYS,
    articles: articles.length,
    gaps: report.gaps.slice(0, 20),
    unhelpful: report.unhelpful.slice(0, 50),
    conflicting: report.conflicting.slice(0, 50),
  };
}

async function resolvedTickets(ctx: CoreContext, sinceMs: number): Promise<GapTicket[]> {
  const out: GapTicket[] = [];
  let after: string | null = null;
  do {
    const page = await ctx.storage.tickets.listResolvedSince(sinceMs, {
      limit: Math.min(PAGE, GAP_MAX_TICKETS - out.length),
      after,
    });
    for (const t of page.items) {
      const gap = gapTicketOf(t);
      if (gap !== null) out.push(gap);
    }
    after = page.next;
  } while (after !== null && out.length < GAP_MAX_TICKETS);
  return out;
}

/**
 * A resolved ticket as the gaps engine reads it; null for an unresolved ticket or a problem
 * record (a problem's analysis is not a customer's question). Also the readiness report's.
 */
export function gapTicketOf(t: Ticket): GapTicket | null {
  if (t.resolved === null || isProblemTicket(t)) return null;
  return {
    key: t.key,
    summary: t.summary,
    description: t.description,
    // The public reply: the outline may become a customer-facing article.
    resolution: solutionExcerpt(t, false),
    createdMs: t.created,
    resolvedMs: t.resolved,
    linkedArticles: articleIdsIn(t.comments.map((c) => c.body).join('\n')),
  };
}

/** Helped / did not help per article, the latest word of each agent per ticket counting. */
function ratings(
  rows: Parameters<typeof latestFeedback>[0],
): Map<string, { helped: number; notHelped: number }> {
  const out = new Map<string, { helped: number; notHelped: number }>();
  for (const r of latestFeedback(rows)) {
    if (r.fieldId !== ARTICLE_FEEDBACK_FIELD) continue;
    const e = out.get(r.pageId) ?? { helped: 0, notHelped: 0 };
    if (r.outcome === 'accepted') e.helped++;
    else if (r.outcome === 'dismissed') e.notHelped++;
    out.set(r.pageId, e);
  }
  return out;
}

/**
 * The knowledge base's articles for each query, read in full, as the admin (JSM decides what
 * they may read); rated articles JSM still shows them are added so never-helpful ones show up.
 */
async function searchArticles(
  ctx: CoreContext,
  accountId: string,
  queries: readonly string[],
  rated: ReadonlyMap<string, { helped: number; notHelped: number }>,
): Promise<GapArticle[]> {
  const jira = ctx.jira.asUser(accountId);
  const found = new Map<string, string>();
  const answers = await Promise.all(
    queries.map((q) => jira.searchKnowledgeBase(q.slice(0, 200), READ_PER_SEARCH).catch(() => [])),
  );
  for (const a of answers.flat())
    if (a.pageId !== null && PageId.safeParse(a.pageId).success && !found.has(a.pageId))
      found.set(a.pageId, a.title.slice(0, 255));
  for (const id of rated.keys()) if (!found.has(id) && PageId.safeParse(id).success) found.set(id, '');
  const read = await Promise.all(
    [...found].map(async ([id, title]) => {
      try {
        const text = await jira.viewArticle(id);
        return { id, title: title === '' ? firstLine(text) : title, text, ...(rated.get(id) ?? {}) };
      } catch (error) {
        // A page the admin may not read (or that is gone) is left out, never guessed.
        if (toResolverError(error).code === 'not_found' || toResolverError(error).code === 'forbidden')
          return null;
        throw error;
      }
    }),
  );
  return read.filter((a): a is NonNullable<typeof a> => a !== null);
}

const firstLine = (text: string): string =>
  (text.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 120);
