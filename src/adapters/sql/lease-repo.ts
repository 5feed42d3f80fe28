import type { LeaseStore } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num } from './dialect';

/**
 * Named leases in `tl_leases`: taken by INSERT IGNORE, or by a conditional UPDATE over a lease
 * that ran out, each atomic on its row (no transactions needed). Wall-clock time: a lease is
 * between live invocations, whatever clock the use-cases run on.
 */
export class SqlLeaseStore implements LeaseStore {
  constructor(
    private readonly sqlDb: SqlDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async tryTake(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const { db } = this.sqlDb;
    const now = this.now();
    const until_ms = now + ttlMs;
    const inserted = await db
      .insertInto('tl_leases')
      .ignore()
      .values({ name, holder, until_ms })
      .executeTakeFirst();
    if (num(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
    const taken = await db
      .updateTable('tl_leases')
      .set({ holder, until_ms })
      .where('name', '=', name)
      .where('until_ms', '<', now)
      .executeTakeFirst();
    return num(taken.numUpdatedRows) > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.sqlDb.db
      .deleteFrom('tl_leases')
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }
}
