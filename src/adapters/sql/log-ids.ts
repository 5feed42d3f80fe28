import { randomBytes } from 'node:crypto';

/**
 * Ids for log rows that sort by time: 13-digit epoch ms, a dash, 12 random hex digits. Newest
 * first is `ORDER BY id DESC`, and an id is also a stable pagination cursor.
 */
export function timeOrderedId(atMs: number): string {
  const ms = Math.max(0, Math.min(9_999_999_999_999, Math.floor(atMs)));
  return `${String(ms).padStart(13, '0')}-${randomBytes(6).toString('hex')}`;
}

/** The UTC day (YYYY-MM-DD) of an epoch-ms time. */
export const utcDay = (atMs: number): string => new Date(atMs).toISOString().slice(0, 10);
