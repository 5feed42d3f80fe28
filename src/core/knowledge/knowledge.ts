import type { Section } from '../../contracts/common';
import type { KnowledgeArticle, KnowledgeSection } from '../../contracts/knowledge';
import { articleIdsIn, portalArticleUrl, searchQueries } from '../../engine/knowledge';
import type { ArticleDoc, ArticleEvidence, QueryTermWeight } from '../../engine/knowledge';
import type { CoreContext } from '../shared/context';
import { toResolverError } from '../shared/errors';
import type { JiraPort, KnowledgeBaseArticle } from '../ports/jira';
import { ARTICLE_FEEDBACK_FIELD, type ArticleFeedbackRow } from '../ports/storage';
import type { Ticket } from '../shared/ticket';

/** Articles asked from JSM's search, read in full and reranked, and shown. */
const SEARCHED = 20;
const READ = 12;
const SHOWN = 5;
/** Feedback rows read for the evidence (newest first): months of a busy desk's article feedback. */
const FEEDBACK_ROWS = 5_000;

/** A similar past ticket and how similar it is (0..1), as the similar section found it. */
export interface SimilarEvidence {
  id: string;
  score: number;
}

/** The service desk behind the ticket's project, as the viewer sees the desks. */
export async function serviceDeskOf(jira: JiraPort, projectKey: string): Promise<string | null> {
  const desks = await jira.getServiceDesks();
  return desks.find((d) => d.projectKey === projectKey)?.id ?? null;
}

/**
 * JSM's own search, a few times with a few of the ticket's words each (see searchQueries), the
 * answers merged in the order asked. Every call is as the viewer: only pages they may read.
 */
async function searchDesk(
  jira: JiraPort,
  deskId: string,
  terms: readonly QueryTermWeight[],
  summary: string,
): Promise<KnowledgeBaseArticle[]> {
  const answers = await Promise.all(
    searchQueries(terms, summary).map((q) => jira.searchDeskKnowledgeBase(deskId, q, SEARCHED)),
  );
  const seen = new Set<string>();
  return answers.flat().filter((a) => {
    if (a.pageId === null || seen.has(a.pageId)) return false;
    seen.add(a.pageId);
    return true;
  });
}

/** The newest row per ticket, article and kind: an agent who changed their mind counts once, as now. */
export function latestFeedback(rows: readonly ArticleFeedbackRow[]): ArticleFeedbackRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.ticketId}\u0000${r.pageId}\u0000${r.fieldId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Evidence {
  byArticle: Map<string, ArticleEvidence & { solvedTickets: Set<string> }>;
  /** This ticket: what an agent said per article, and the articles already shared on it. */
  own: Map<string, 'helped' | 'not-helped'>;
  sharedHere: Set<string>;
}

/**
 * What past tickets say about each article: a similar resolved ticket whose comments link it, or
 * on which an agent shared it or said it helped, counts with its similarity; helped / did not
 * help is totalled over all tickets.
 */
async function gatherEvidence(
  ctx: CoreContext,
  ticket: Ticket,
  similar: readonly SimilarEvidence[],
): Promise<Evidence> {
  const [others, rows] = await Promise.all([
    ctx.storage.tickets.getMany(similar.map((s) => s.id)),
    ctx.storage.feedback.articleFeedback(FEEDBACK_ROWS),
  ]);
  const byArticle: Evidence['byArticle'] = new Map();
  const entry = (pageId: string) => {
    let e = byArticle.get(pageId);
    if (!e)
      byArticle.set(pageId, (e = { solvedSimilar: 0, helped: 0, notHelped: 0, solvedTickets: new Set() }));
    return e;
  };
  const score = new Map(similar.map((s) => [s.id, s.score]));
  const solvedBy = (ticketId: string, pageId: string) => {
    const e = entry(pageId);
    if (e.solvedTickets.has(ticketId)) return;
    e.solvedTickets.add(ticketId);
    e.solvedSimilar += score.get(ticketId) ?? 0;
  };
  for (const other of others) {
    if (other.statusCategory !== 'done') continue;
    for (const pageId of articleIdsIn(other.comments.map((c) => c.body).join('\n')))
      solvedBy(other.id, pageId);
  }
  const own: Evidence['own'] = new Map();
  const sharedHere = new Set(articleIdsIn(ticket.comments.map((c) => c.body).join('\n')));
  for (const r of latestFeedback(rows)) {
    const helped = r.outcome === 'accepted';
    if (r.fieldId === ARTICLE_FEEDBACK_FIELD) {
      if (helped) entry(r.pageId).helped++;
      else if (r.outcome === 'dismissed') entry(r.pageId).notHelped++;
      if (r.ticketId === ticket.id) own.set(r.pageId, helped ? 'helped' : 'not-helped');
    } else if (r.ticketId === ticket.id) sharedHere.add(r.pageId);
    if (helped && r.ticketId !== ticket.id && score.has(r.ticketId)) solvedBy(r.ticketId, r.pageId);
  }
  return { byArticle, own, sharedHere };
}

/** The article bodies as the viewer may read them; one that Jira will not show is dropped. */
async function readArticles(jira: JiraPort, found: readonly KnowledgeBaseArticle[]): Promise<ArticleDoc[]> {
  const candidates = found.filter((a) => a.pageId !== null).slice(0, READ);
  const bodies = await Promise.all(
    candidates.map((a) =>
      jira.viewArticle(a.pageId ?? '').then(
        (text) => text,
        (error: unknown) => (toResolverError(error).code === 'not_found' ? null : a.excerpt),
      ),
    ),
  );
  return candidates.flatMap((a, i) => {
    const text = bodies[i];
    return text === null || text === undefined
      ? []
      : [{ id: a.pageId ?? '', title: a.title, text, searchRank: i }];
  });
}

/**
 * The panel's knowledge section: the desk's articles most likely to answer this ticket, found
 * by JSM's search with the ticket's distinctive words, every call as the viewer (so only pages
 * they may read), then reranked against each article's text with the evidence of similar past
 * tickets. Fails into its own error section, like every panel section.
 */
export async function knowledgeSection(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  language: 'de' | 'en' | 'other',
  similar: readonly SimilarEvidence[],
): Promise<Section<KnowledgeSection>> {
  try {
    const jira = ctx.jira.asUser(accountId);
    const deskId = await serviceDeskOf(jira, ticket.projectKey);
    if (deskId === null) return { status: 'empty', reason: 'no-service-desk' };
    const terms = await ctx.engines.similar.queryTerms(ticket);
    if (terms.length === 0) return { status: 'empty', reason: 'no-articles' };
    const found = await searchDesk(jira, deskId, terms, ticket.summary);
    const [docs, evidence] = await Promise.all([
      readArticles(jira, found),
      gatherEvidence(ctx, ticket, similar),
    ]);
    const ranked = ctx.engines.knowledge
      .rank(terms, docs, { ticketLanguage: language, evidence: evidence.byArticle })
      .slice(0, SHOWN);
    if (ranked.length === 0) return { status: 'empty', reason: 'no-articles' };
    const byId = new Map(found.map((a) => [a.pageId, a]));
    const articles = ranked.map((r): KnowledgeArticle => {
      const a = byId.get(r.id);
      const e = evidence.byArticle.get(r.id);
      return {
        pageId: r.id,
        title: (a?.title ?? '').slice(0, 255),
        url: a?.url ? portalArticleUrl(new URL(a.url).origin, deskId, r.id) : null,
        language: r.language,
        sharedTerms: r.sharedTerms.slice(0, 12).map((s) => s.articleSurface.slice(0, 100)),
        snippet: r.snippet.text,
        snippetSpans: r.snippet.spans,
        solvedSimilar: e?.solvedTickets.size ?? 0,
        helped: e?.helped ?? 0,
        notHelped: e?.notHelped ?? 0,
        feedback: evidence.own.get(r.id) ?? null,
        shared: evidence.sharedHere.has(r.id),
      };
    });
    return { status: 'ok', data: { articles } };
  } catch (error) {
    const e = toResolverError(error);
    return { status: 'error', code: e.code, message: e.message };
  }
}
