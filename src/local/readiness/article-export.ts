import { z } from 'zod';
import { gunzipBounded, readBounded } from '../adapters/input-limit';
import { parseCsvText } from '../adapters/read-table';
import { InputError } from '../../engine/errors';
import type { GapArticle } from '../../engine/knowledge';

/** Articles read at most: a large knowledge base, bounded (gaps compare articles pairwise). */
export const MAX_ARTICLES = 5_000;

/** One exported article: a page id (or any id), its title and its body as text or HTML. */
const ExportedArticle = z
  .object({
    id: z.union([z.string().trim().min(1).max(64), z.number().int().nonnegative()]).transform(String),
    title: z.string().trim().min(1).max(255),
    body: z.string().max(200_000),
    helped: z.number().int().nonnegative().optional(),
    notHelped: z.number().int().nonnegative().optional(),
  })
  .strict();

const ArticleList = z.array(ExportedArticle).min(1).max(MAX_ARTICLES);

/** Tags dropped, entities that matter for words decoded: a Confluence export's HTML as text. */
function plainText(body: string): string {
  return body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `--articles FILE`: the knowledge base's articles, as JSON (an array of {id, title, body,
 * helped?, notHelped?}) or CSV (columns id, title, body; optional helped, notHelped), optionally
 * gzip-compressed. Every problem is one line naming the file and what is wrong.
 */
export function readArticleExport(path: string, maxBytes: number): GapArticle[] {
  let raw = readBounded(path, maxBytes);
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipBounded(raw, path, maxBytes);
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  const rows = /^\s*[[{]/.test(text) ? fromJson(text, path) : fromCsv(text, path);
  const parsed = ArticleList.safeParse(rows);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new InputError(
      'bad_value',
      `${path}: not an article export${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const seen = new Set<string>();
  return parsed.data.flatMap((a) => {
    if (seen.has(a.id)) return [];
    seen.add(a.id);
    return [{ id: a.id, title: a.title, text: plainText(a.body), helped: a.helped, notHelped: a.notHelped }];
  });
}

function fromJson(text: string, path: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && 'articles' in value
      ? value.articles
      : value;
  } catch (e) {
    throw new InputError(
      'bad_value',
      `${path}: not valid JSON (${e instanceof Error ? e.message.slice(0, 80) : 'parse error'})`,
    );
  }
}

function fromCsv(text: string, path: string): unknown {
  const table = parseCsvText(text, path);
  const column = (name: string) =>
    table.header.findIndex((c) => c.trim().toLowerCase() === name.toLowerCase());
  const [id, title, body] = [column('id'), column('title'), column('body')];
  if (id < 0 || title < 0 || body < 0)
    throw new InputError('missing_column', `${path}: an article CSV needs the columns id, title and body`);
  const helped = column('helped');
  const notHelped = column('notHelped');
  const count = (row: readonly string[], i: number) => {
    if (i < 0 || (row[i] ?? '').trim() === '') return undefined;
    const n = Number(row[i]);
    return Number.isFinite(n) ? n : row[i];
  };
  return table.rows.map((row) => ({
    id: row[id] ?? '',
    title: row[title] ?? '',
    body: row[body] ?? '',
    ...(helped >= 0 ? { helped: count(row, helped) } : {}),
    ...(notHelped >= 0 ? { notHelped: count(row, notHelped) } : {}),
  }));
}
