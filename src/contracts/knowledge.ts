import { z } from 'zod';
import { IssueKey, Span } from './common';

/** A Confluence page id, as JSM's knowledge base names an article. */
export const PageId = z.string().regex(/^\d{1,18}$/, 'not a page id');

/** One article the panel offers for this ticket, with why it was picked. */
export const KnowledgeArticle = z.object({
  pageId: PageId,
  title: z.string().max(255),
  /** The article in the desk's help center: what the agent opens and shares. */
  url: z.string().max(2000).nullable(),
  language: z.enum(['de', 'en', 'other']),
  /** The ticket's distinctive words the article also uses, as the article writes them. */
  sharedTerms: z.array(z.string().max(100)).max(12),
  /** The article's passage holding most of those words, and where they stand in it. */
  snippet: z.string().max(300),
  snippetSpans: z.array(Span).max(30),
  /** Similar past tickets whose solution shared or linked this article. */
  solvedSimilar: z.number().int().nonnegative(),
  /** Agents said it helped / did not help (on any ticket). */
  helped: z.number().int().nonnegative(),
  notHelped: z.number().int().nonnegative(),
  /** What an agent said about it on this ticket. */
  feedback: z.enum(['helped', 'not-helped']).nullable(),
  /** A comment on this ticket already links it. */
  shared: z.boolean(),
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticle>;

export const KnowledgeSection = z.object({ articles: z.array(KnowledgeArticle).max(5) });
export type KnowledgeSection = z.infer<typeof KnowledgeSection>;

/** "Share with customer": a public comment on the request with the article's link. */
export const ShareArticleRequest = z.object({
  issueKey: IssueKey,
  pageId: PageId,
  title: z.string().trim().min(1).max(255),
});
export type ShareArticleRequest = z.infer<typeof ShareArticleRequest>;

export const ArticleFeedbackRequest = z.object({ issueKey: IssueKey, pageId: PageId, helped: z.boolean() });
export type ArticleFeedbackRequest = z.infer<typeof ArticleFeedbackRequest>;

/**
 * The known-outage banner: this ticket looks like part of an ongoing outage, because it belongs
 * to a burst of similar recent tickets (a recurring-incident cluster, as the admin's problem
 * candidates find them) or matches an open problem ticket. Everything in it is visible to the
 * viewer: the count holds only tickets Jira shows them, the problem is one they may open.
 */
export const OutageNotice = z.object({
  /** Similar tickets of the burst besides this one (the viewer's visible ones). */
  similarRecent: z.number().int().nonnegative(),
  /** Hours from the burst's first ticket until now (rounded up); null without a burst. */
  hours: z.number().int().positive().nullable(),
  /** The burst's most characteristic words, as written. */
  terms: z.array(z.string().max(100)).max(5),
  /** The open problem ticket behind it, if one is known. */
  problem: z.object({ key: IssueKey, summary: z.string().max(255), status: z.string().max(100) }).nullable(),
  /** This ticket already links that problem. */
  linked: z.boolean(),
});
export type OutageNotice = z.infer<typeof OutageNotice>;
