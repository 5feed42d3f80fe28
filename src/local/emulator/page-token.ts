/**
 * Opaque page tokens, like Jira's: base64url JSON binding the position to the query that made
 * it. A search token holds the sort key of the last issue returned (keyset paging), so issues
 * deleted or moved between calls do not shift later pages.
 */
export interface PageCursor {
  /** Hash of the query the token belongs to. */
  q: string;
  /** Sort key of the last item returned. */
  after: (number | string)[];
}

export function encodeToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor }), 'utf8').toString('base64url');
}

export function decodeToken(token: string, queryHash: string): PageCursor | null {
  if (token.length > 2000) return null;
  try {
    const data: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const { v, q, after } = data as Record<string, unknown>;
    if (v !== 1 || q !== queryHash || !Array.isArray(after)) return null;
    if (!after.every((x) => typeof x === 'number' || typeof x === 'string')) return null;
    return { q, after: after };
  } catch {
    return null;
  }
}

export function queryHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}
