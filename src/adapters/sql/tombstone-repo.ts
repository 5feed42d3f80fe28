import type { SqlDatabase } from './dialect';
import { num, slices } from './dialect';

/**
 * The ids of deleted issues (`tl_tombstones`). Without transactions a write cannot be made
 * conditional on "not deleted" atomically, so both sides keep an order instead: a deletion
 * writes the tombstone first and removes the data after it; a writer writes first and checks
 * the tombstone after. Whichever runs last cleans up: either the deletion's removal follows the
 * write, or the writer's check sees the tombstone and removes what it wrote.
 */
export class SqlTombstones {
  constructor(private readonly sqlDb: SqlDatabase) {}

  /** Records the deletion (once; a repeated delete keeps the first time). */
  async bury(id: string, at: number, lastUpdated: number | null): Promise<void> {
    await this.sqlDb.db
      .insertInto('tl_tombstones')
      .ignore()
      .values({ ticket_id: id, deleted_ms: at, last_updated_ms: lastUpdated })
      .execute();
  }

  /** Which of these ids are tombstoned. */
  async buried(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    try {
      for (const part of slices([...new Set(ids)], this.sqlDb.maxParams)) {
        const rows = await this.sqlDb.db
          .selectFrom('tl_tombstones')
          .select('ticket_id')
          .where('ticket_id', 'in', part)
          .execute();
        for (const r of rows) found.add(r.ticket_id);
      }
    } catch (error) {
      // A deploy can run before its migration (docs/storage.md): no table yet means no tombstones.
      if (isMissingTable(error)) return found;
      throw error;
    }
    return found;
  }

  async isBuried(id: string): Promise<boolean> {
    return (await this.buried([id])).has(id);
  }

  async count(): Promise<number> {
    const row = await this.sqlDb.db
      .selectFrom('tl_tombstones')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(row.n);
  }
}

/** SQLite says "no such table", MySQL/TiDB error 1146 "Table … doesn't exist". */
function isMissingTable(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${String((error as { errno?: unknown }).errno)}` : '';
  return /no such table: tl_tombstones|tl_tombstones' doesn't exist|\b1146\b/.test(text);
}
