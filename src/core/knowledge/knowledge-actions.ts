import type { ArticleFeedbackRequest, ShareArticleRequest } from '../../contracts/knowledge';
import { articleLanguage, portalArticleUrl } from '../../engine/knowledge';
import type { ActionResult } from '../panel/actions';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { serviceDeskOf } from './knowledge';
import { ARTICLE_FEEDBACK_FIELD, ARTICLE_SHARE_FIELD } from '../ports/storage';
import type { Ticket } from '../shared/ticket';

/** The public comment's words, in the article's language: the customer reads both. */
const SHARE_TEXT = {
  en: 'This article may help you: {title}',
  de: 'Dieser Artikel hilft Ihnen vielleicht weiter: {title}',
} as const;

async function visibleTicket(ctx: CoreContext, accountId: string, issueKey: string): Promise<Ticket> {
  return ctx.issues.toTicket(await ctx.jira.asUser(accountId).getIssue(issueKey, ctx.issues.fields));
}

async function recordArticle(
  ctx: CoreContext,
  ticket: Ticket,
  entry: {
    fieldId: string;
    outcome: 'accepted' | 'dismissed';
    pageId: string;
    actor: string;
    action: string;
    after: string;
  },
): Promise<void> {
  const at = ctx.clock.now();
  await ctx.storage.feedback.append({
    at,
    ticketId: ticket.id,
    issueKey: ticket.key,
    fieldId: entry.fieldId,
    outcome: entry.outcome,
    suggested: entry.pageId,
    chosen: entry.pageId,
    actor: entry.actor,
  });
  await ctx.storage.audit.append({
    at,
    actor: entry.actor,
    issueKey: ticket.key,
    action: entry.action,
    fieldId: entry.fieldId,
    before: null,
    after: entry.after,
    reason: entry.outcome,
  });
}

/**
 * "Share with customer", as JSM agents do: a public comment with the article's help-center link.
 * The article is looked up again in the desk's knowledge base as the agent, by its title, so
 * the comment carries JSM's own title and link and never a page the agent may not read.
 */
export async function shareArticle(
  ctx: CoreContext,
  req: ShareArticleRequest,
  accountId: string,
): Promise<ActionResult> {
  const jira = ctx.jira.asUser(accountId);
  const ticket = await visibleTicket(ctx, accountId, req.issueKey);
  const deskId = await serviceDeskOf(jira, ticket.projectKey);
  const article =
    deskId === null
      ? undefined
      : (await jira.searchDeskKnowledgeBase(deskId, req.title, 20)).find((a) => a.pageId === req.pageId);
  if (deskId === null || article === undefined || article.url === null)
    throw new AppError(
      'not_found',
      'This article is not in the desk’s knowledge base, or you may not read it.',
    );
  const url = portalArticleUrl(new URL(article.url).origin, deskId, req.pageId);
  const language =
    articleLanguage({ id: req.pageId, title: article.title, text: article.excerpt }) === 'de' ? 'de' : 'en';
  await jira.addComment(ticket.key, `${SHARE_TEXT[language].replace('{title}', article.title)}\n${url}`, {
    internal: false,
  });
  await recordArticle(ctx, ticket, {
    fieldId: ARTICLE_SHARE_FIELD,
    outcome: 'accepted',
    pageId: req.pageId,
    actor: accountId,
    action: 'share-article',
    after: url,
  });
  return { issueKey: ticket.key, action: 'shared', outcome: 'accepted' };
}

/** "Helped" / "did not help": recorded with the other feedback (and audited), per ticket and article. */
export async function articleFeedback(
  ctx: CoreContext,
  req: ArticleFeedbackRequest,
  accountId: string,
): Promise<ActionResult> {
  const ticket = await visibleTicket(ctx, accountId, req.issueKey);
  const outcome = req.helped ? 'accepted' : 'dismissed';
  await recordArticle(ctx, ticket, {
    fieldId: ARTICLE_FEEDBACK_FIELD,
    outcome,
    pageId: req.pageId,
    actor: accountId,
    action: 'article-feedback',
    after: req.helped ? 'helped' : 'did not help',
  });
  return { issueKey: ticket.key, action: 'rated', outcome };
}
