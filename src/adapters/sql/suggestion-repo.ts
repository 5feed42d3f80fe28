import { sql } from 'kysely';
import type { SuggestionStore } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num, slices } from './dialect';
import { SqlTombstones } from './tombstone-repo';

/**
 * Latest suggestions per ticket, JSON in `tl_suggestions`; read back through the caller's parser.
 * `rev` grows by one on every write, so a reader can write back only if nobody wrote meanwhile
 * (one conditional UPDATE, atomic on its row: Forge SQL has no transactions).
 */
export class SqlSuggestionStore implements SuggestionStore {
  private readonly tombstones: SqlTombstones;

  constructor(private readonly sqlDb: SqlDatabase) {
    this.tombstones = new SqlTombstones(sqlDb);
  }

  /** After a write (see SqlTombstones): a deleted issue's row, written by a stale writer, goes again. */
  private async dropIfBuried(ticketId: string): Promise<boolean> {
    if (!(await this.tombstones.isBuried(ticketId))) return false;
    await this.delete([ticketId]);
    return true;
  }

  async put(ticketId: string, value: unknown, computedAt: number): Promise<void> {
    const body = JSON.stringify(value);
    const insert = this.sqlDb.db
      .insertInto('tl_suggestions')
      .values({ ticket_id: ticketId, computed_ms: computedAt, body, rev: 1 });
    // `rev` on the right-hand side is the stored row's on both flavours.
    const update = { computed_ms: computedAt, body, rev: sql<number>`rev + 1` };
    if (this.sqlDb.flavour === 'mysql') await insert.onDuplicateKeyUpdate(update).execute();
    else await insert.onConflict((oc) => oc.column('ticket_id').doUpdateSet(update)).execute();
    await this.dropIfBuried(ticketId);
  }

  async putIfUnchanged(
    ticketId: string,
    value: unknown,
    computedAt: number,
    expectedRevision: number | null,
  ): Promise<boolean> {
    const body = JSON.stringify(value);
    const { db } = this.sqlDb;
    if (expectedRevision === null) {
      const r = await db
        .insertInto('tl_suggestions')
        .ignore()
        .values({ ticket_id: ticketId, computed_ms: computedAt, body, rev: 1 })
        .executeTakeFirst();
      return num(r.numInsertedOrUpdatedRows ?? 0) > 0 && !(await this.dropIfBuried(ticketId));
    }
    const r = await db
      .updateTable('tl_suggestions')
      .set({ computed_ms: computedAt, body, rev: expectedRevision + 1 })
      .where('ticket_id', '=', ticketId)
      .where('rev', '=', expectedRevision)
      .executeTakeFirst();
    // An update needs the row, so it cannot bring a deleted ticket's back (see SqlTicketStore.upsert).
    return num(r.numUpdatedRows) > 0;
  }

  async get<T>(
    ticketId: string,
    parse: (value: unknown) => T,
  ): Promise<{ value: T; computedAt: number; revision: number } | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_suggestions')
      .select(['body', 'computed_ms', 'rev'])
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
    if (row === undefined) return null;
    try {
      return {
        value: parse(JSON.parse(row.body) as unknown),
        computedAt: num(row.computed_ms),
        revision: num(row.rev),
      };
    } catch {
      // Written by an older build or damaged: absent, so the caller recomputes.
      return null;
    }
  }

  async delete(ticketIds: readonly string[]): Promise<void> {
    for (const part of slices([...new Set(ticketIds)], this.sqlDb.maxParams)) {
      await this.sqlDb.db.deleteFrom('tl_suggestions').where('ticket_id', 'in', part).execute();
    }
  }
}
