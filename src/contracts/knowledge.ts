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
