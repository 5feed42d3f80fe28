import type { RequestContext } from './context';
import { jsmErrorReply, type Reply } from './replies';
import type { SeedArticle } from './seed';
import type { Actor } from './site';

/**
 * JSM's knowledge-base routes over the site's articles (Confluence pages of the spaces linked to
 * each desk): search across all desks, search one desk's knowledge base, and an article's
 * rendered body. The search is the emulator's stand-in for JSM's own `query` matching: each
 * query word (two characters or more) counts once when an article word starts with it, twice
 * in the title; articles matching no word are left out. It knows no stemming, no synonyms and
 * no other language, which is what the panel's own ranking has to make up for.
 */

const HIGHLIGHT_OPEN = '@@@hl@@@';
const HIGHLIGHT_CLOSE = '@@@endhl@@@';
const EXCERPT_CHARS = 200;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/** Confluence page restrictions: a restricted page is readable by the listed users only. */
export function canReadArticle(actor: Actor, article: SeedArticle): boolean {
  if (article.restrictedTo === undefined) return true;
  return actor.kind === 'user' && article.restrictedTo.includes(actor.user.accountId);
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(query).filter((w) => w.length >= 2))].slice(0, 50);
}

/** The emulator's JSM `query` score of one article: 0 means it does not match. */
export function jsmQueryScore(words: readonly string[], article: SeedArticle): number {
  const title = wordsOf(article.title);
  const body = wordsOf(article.body);
  let score = 0;
  for (const w of words) {
    if (title.some((t) => t.startsWith(w))) score += 2;
    if (body.some((t) => t.startsWith(w))) score += 1;
  }
  return score;
}

/** Matching articles in JSM's order: higher score first, then page id. */
export function jsmSearch(articles: readonly SeedArticle[], query: string): SeedArticle[] {
  const words = queryWords(query);
  return articles
    .map((a) => ({ a, score: jsmQueryScore(words, a) }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || Number(x.a.id) - Number(y.a.id))
    .map((x) => x.a);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Marks every word that starts with a query word, in JSM's `@@@hl@@@…@@@endhl@@@` syntax. */
function highlighted(text: string, words: readonly string[]): string {
  if (words.length === 0) return text;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])((?:${words.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*)`,
    'giu',
  );
  return text.replace(pattern, `${HIGHLIGHT_OPEN}$1${HIGHLIGHT_CLOSE}`);
}

/** The part of the body around the first matching word, as JSM's excerpt "which matches the query". */
function excerptOf(body: string, words: readonly string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let first = -1;
  for (const w of words) {
    const at = lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}`, 'u'));
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const from = first < 0 ? 0 : Math.max(0, lower.lastIndexOf(' ', Math.max(0, first - 60)) + 1);
  const slice = flat.slice(from, from + EXCERPT_CHARS);
  return `${from > 0 ? '…' : ''}${slice}${from + EXCERPT_CHARS < flat.length ? '…' : ''}`;
}

function pageBounds(ctx: RequestContext): { start: number; limit: number } {
  const cursor = ctx.url.searchParams.get('cursor');
  const fromCursor = cursor !== null && /^\d{1,9}$/.test(cursor) ? Number(cursor) : null;
  const start = fromCursor ?? Math.max(0, Math.floor(Number(ctx.url.searchParams.get('start') ?? 0) || 0));
  const asked = Math.floor(Number(ctx.url.searchParams.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT);
  return { start, limit: Math.min(MAX_LIMIT, Math.max(1, asked)) };
}

function articleReply(ctx: RequestContext, articles: readonly SeedArticle[]): Reply {
  const query = ctx.url.searchParams.get('query');
  if (query === null || query.trim() === '') {
    return jsmErrorReply(400, 'The query parameter is required.', 'sd.kb.error.query.required');
  }
  const highlight = ctx.url.searchParams.get('highlight') === 'true';
  const words = queryWords(query);
  const found = jsmSearch(
    articles.filter((a) => canReadArticle(ctx.actor, a)),
    query,
  );
  const { start, limit } = pageBounds(ctx);
  const page = found.slice(start, start + limit);
  const isLastPage = start + page.length >= found.length;
  const self = new URL(`${ctx.base}${ctx.url.pathname}${ctx.url.search}`);
  const at = (s: number): string => {
    const u = new URL(self);
    u.searchParams.delete('start');
    u.searchParams.set('cursor', String(s));
    u.searchParams.set('limit', String(limit));
    if (s < start) u.searchParams.set('prev', 'true');
    else u.searchParams.delete('prev');
    return u.toString();
  };
  const links: Record<string, string> = {
    base: `${ctx.base}/rest/servicedeskapi`,
    context: '',
    self: self.toString(),
  };
  if (!isLastPage) links.next = at(start + limit);
  if (start > 0) links.prev = at(Math.max(0, start - limit));
  const mark = (s: string): string => (highlight ? highlighted(s, words) : s);
  return {
    status: 200,
    json: {
      _expands: [],
      size: page.length,
      start,
      limit,
      isLastPage,
      _links: links,
      values: page.map((a) => ({
        title: mark(a.title),
        excerpt: mark(excerptOf(a.body, words)),
        source: { type: 'confluence', pageId: a.id, spaceKey: a.projectKey },
        content: { iframeSrc: `${ctx.base}/rest/servicedeskapi/knowledgebase/article/view/${a.id}` },
      })),
    },
  };
}

/** `GET /rest/servicedeskapi/knowledgebase/article`: every desk's articles the caller may read. */
export function searchAllArticles(ctx: RequestContext): Reply {
  return articleReply(ctx, ctx.site.articles);
}

/** `GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/knowledgebase/article`. */
export function searchDeskArticles(ctx: RequestContext, params: Record<string, string>): Reply {
  const desk = ctx.site.serviceDesks.find((d) => d.id === params.serviceDeskId);
  if (!desk)
    return jsmErrorReply(404, 'The service project could not be found.', 'sd.servicedesk.error.not.found');
  return articleReply(
    ctx,
    ctx.site.articles.filter((a) => a.projectKey === desk.projectKey),
  );
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

/** The body as Confluence renders it: paragraphs, and "- " lines as a list. */
export function renderArticle(article: SeedArticle): string {
  const blocks = article.body.split(/\n{2,}/).map((block) => {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 0 && lines.every((l) => l.startsWith('- ')))
      return `<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>`;
    return `<p>${lines.map(escapeHtml).join('<br/>')}</p>`;
  });
  return `<div class="wiki-content">${blocks.join('')}</div>`;
}

/** `GET /rest/servicedeskapi/knowledgebase/article/view/{pageId}`: the rendered body, a JSON string. */
export function viewArticle(ctx: RequestContext, params: Record<string, string>): Reply {
  const article = ctx.site.articles.find((a) => a.id === params.pageId);
  if (!article || !canReadArticle(ctx.actor, article))
    return jsmErrorReply(404, 'The article could not be found.', 'sd.kb.error.article.not.found');
  return { status: 200, json: renderArticle(article) };
}
