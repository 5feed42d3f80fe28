/**
 * Knowledge-base page ids a text links to: the help-center article link agents share with
 * customers (`/servicedesk/customer/portal/{portalId}/article/{pageId}`), JSM's REST view
 * (`/knowledgebase/article/view/{pageId}`) and the Confluence page (`/wiki/spaces/{key}/pages/{pageId}`).
 */
const ARTICLE_LINK =
  /\/(?:servicedesk\/customer\/portal\/\d{1,10}\/article|knowledgebase\/article\/view|wiki\/spaces\/[A-Za-z0-9~_-]{1,255}\/pages)\/(\d{1,18})/g;

/** At most this many ids per text: a comment pasting a whole page index is not evidence of much. */
const MAX_LINKS = 10;

export function articleIdsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(ARTICLE_LINK)) {
    if (m[1] !== undefined) out.add(m[1]);
    if (out.size >= MAX_LINKS) break;
  }
  return [...out];
}

/** The link an agent shares: the article in the desk's help center, on the site's own address. */
export function portalArticleUrl(siteUrl: string, portalId: string, pageId: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/servicedesk/customer/portal/${portalId}/article/${pageId}`;
}
