import type { Insertable, Kysely, Updateable } from 'kysely';
import { SQL } from '../../core/shared/platform-limits';
import type { Database } from './schema';

/**
 * The only place that knows which SQL flavour is underneath. Forge SQL (TiDB) and MariaDB speak
 * MySQL; the CLI and workbench use SQLite. Repository code is written once against Kysely and
 * calls these helpers where the two disagree.
 */
export type Flavour = 'mysql' | 'sqlite';

export interface SqlDatabase {
  db: Kysely<Database>;
  flavour: Flavour;
  /**
   * Bound on parameters per statement and rows per multi-row INSERT: Forge SQL takes at most
   * 1 MiB per request, SQLite 32,766 parameters.
   */
  maxParams: number;
  close(): Promise<void>;
}

/**
 * Insert, or overwrite the given columns when the key exists: `ON DUPLICATE KEY UPDATE` on
 * MySQL, `ON CONFLICT … DO UPDATE` on SQLite.
 */
export async function upsertRow<T extends keyof Database>(
  sqlDb: SqlDatabase,
  table: T,
  row: Insertable<Database[T]>,
  key: readonly (keyof Database[T] & string)[],
  update: Updateable<Database[T]>,
): Promise<void> {
  // Kysely cannot relate a generic table's row type to its builders; the signature above is
  // what keeps callers honest.
  const values: never = row as never;
  const set: never = update as never;
  const columns: never = key as never;
  const insert = sqlDb.db.insertInto(table).values(values);
  if (sqlDb.flavour === 'mysql') {
    await insert.onDuplicateKeyUpdate(set).execute();
  } else {
    await insert.onConflict((oc) => oc.columns(columns).doUpdateSet(set)).execute();
  }
}

/**
 * Numbers as they come back from any of the drivers: mysql2 returns SUM() as a decimal string,
 * Forge SQL's JSON may carry BIGINT as a string, SQLite returns plain numbers.
 */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** Splits a list into slices of at most `size` (for IN lists and multi-row INSERTs). */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < items.length; i += step) out.push(items.slice(i, i + step));
  return out;
}

/**
 * Bytes of parameters per multi-row statement: half of Forge SQL's 1 MiB request, leaving room
 * for the SQL text and JSON escaping.
 */
export const REQUEST_BYTES = SQL.requestBytes / 2;

/** Like `slices`, but also closes a slice before its estimated bytes pass `maxBytes`. */
export function slicesByBytes<T>(
  items: readonly T[],
  maxCount: number,
  maxBytes: number,
  bytesOf: (item: T) => number,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
