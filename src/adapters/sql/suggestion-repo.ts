import type { SuggestionStore } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num, slices, upsertRow } from './dialect';

/** Latest suggestions per ticket, JSON in `tl_suggestions`; read back through the caller's parser. */
export class SqlSuggestionStore implements SuggestionStore {
  constructor(private readonly sqlDb: SqlDatabase) {}

  async put(ticketId: string, value: unknown, computedAt: number): Promise<void> {
    const body = JSON.stringify(value);
    await upsertRow(
      this.sqlDb,
      'tl_suggestions',
      { ticket_id: ticketId, computed_ms: computedAt, body },
      ['ticket_id'],
      {
        computed_ms: computedAt,
        body,
      },
    );
  }

  async get<T>(
    ticketId: string,
    parse: (value: unknown) => T,
  ): Promise<{ value: T; computedAt: number } | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_suggestions')
      .select(['body', 'computed_ms'])
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
    if (row === undefined) return null;
    try {
      return { value: parse(JSON.parse(row.body) as unknown), computedAt: num(row.computed_ms) };
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
