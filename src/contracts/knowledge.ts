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

/** A ticket the banner names: the problem or the major incident. */
const OutageTicket = z.object({ key: IssueKey, summary: z.string().max(255), status: z.string().max(100) });

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
  problem: OutageTicket.nullable(),
  /** This ticket already links that problem. */
  linked: z.boolean(),
  /**
   * The open incident flagged "Major incident" (JSM's field) that this ticket's burst, similar
   * tickets or links point at; `linked`: this ticket already links it. Absent from older servers.
   */
  majorIncident: OutageTicket.extend({ linked: z.boolean() }).nullable().optional(),
  /**
   * The agent said this ticket is not part of this outage (panel/outage/dismiss): the panel
   * shows a one-line note with "Show again" instead of the banner.
   */
  dismissed: z.boolean().optional(),
});
export type OutageNotice = z.infer<typeof OutageNotice>;

/**
 * "Not part of this outage": hides the banner on this ticket while the outage is the one the
 * agent saw (its burst, problem or major incident); `undo` shows it again.
 */
export const OutageDismissRequest = z.object({ issueKey: IssueKey, undo: z.boolean().default(false) });
export type OutageDismissRequest = z.infer<typeof OutageDismissRequest>;

/** admin/knowledge-gaps takes no options. */
export const KnowledgeGapsQuery = z.object({}).strict();

const ArticleRef = z.object({ id: PageId, title: z.string().max(255) });

/** Resolved tickets no article answers, and articles that do not serve (admin page). */
export const KnowledgeGaps = z.object({
  /** Resolved tickets read (last `lookbackDays`), and how many an article answers. */
  tickets: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  lookbackDays: z.number().int().positive(),
  /** Articles compared: found by searching the knowledge base with each group's words. */
  articles: z.number().int().nonnegative(),
  gaps: z
    .array(
      z.object({
        keys: z.array(IssueKey).max(20),
        size: z.number().int().positive(),
        hoursOpen: z.number().int().nonnegative(),
        terms: z.array(z.string().max(100)).max(5),
        representative: z.object({
          key: IssueKey,
          summary: z.string().max(255),
          resolution: z.string().max(2000),
        }),
        outline: z.object({
          title: z.string().max(255),
          question: z.string().max(255),
          steps: z.array(z.string().max(300)).max(8),
        }),
        nearest: ArticleRef.extend({ similarity: z.number().min(0).max(1) }).nullable(),
      }),
    )
    .max(20),
  unhelpful: z
    .array(
      ArticleRef.extend({ helped: z.number().int().nonnegative(), notHelped: z.number().int().positive() }),
    )
    .max(50),
  conflicting: z
    .array(
      z.object({
        a: ArticleRef,
        b: ArticleRef,
        questionSimilarity: z.number().min(0).max(1),
        answerSimilarity: z.number().min(0).max(1),
        /** Resolved tickets both answer, and the first of them the admin may see. */
        sharedTickets: z.number().int().nonnegative(),
        sharedKeys: z.array(IssueKey).max(5),
        /** The strongest words of each body the other does not use. */
        onlyA: z.array(z.string().max(100)).max(3),
        onlyB: z.array(z.string().max(100)).max(3),
      }),
    )
    .max(50),
});
export type KnowledgeGaps = z.infer<typeof KnowledgeGaps>;
