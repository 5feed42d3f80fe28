import { InputError } from '../../engine/errors';
import { STATE_DOC_MAX_BYTES } from '../../core/ports/storage';
import type { StateDocName, StateDocStore } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num } from './dialect';

/** Rows of `tl_jobs` whose kind starts with this hold state documents, never job records. */
const KIND_PREFIX = 'state:';

/**
 * State documents in `tl_jobs` (one row per name, the JSON in `status`): the table already
 * gives a per-row compare-and-set on `revision`, so no migration is needed for a few small
 * documents. The job store never reads these rows: it asks only for its own kinds.
 */
export class SqlStateDocStore implements StateDocStore {
  constructor(private readonly sqlDb: SqlDatabase) {}

  async get(name: StateDocName): Promise<{ value: unknown; revision: number } | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_jobs')
      .select(['status', 'revision'])
      .where('kind', '=', KIND_PREFIX + name)
      .executeTakeFirst();
    if (row === undefined) return null;
    let value: unknown = null;
    try {
      value = JSON.parse(row.status) as unknown;
    } catch {
      // Unreadable text reads as null; the revision still lets the next write replace it.
    }
    return { value, revision: num(row.revision) };
  }

  async compareAndSet(name: StateDocName, expectedRevision: number, value: unknown): Promise<number | null> {
    const text = JSON.stringify(value);
    if (text === undefined || Buffer.byteLength(text) > STATE_DOC_MAX_BYTES)
      throw new InputError(
        'bad_value',
        `state document ${name} is not JSON of at most ${STATE_DOC_MAX_BYTES} bytes`,
      );
    const kind = KIND_PREFIX + name;
    const revision = expectedRevision + 1;
    const { db } = this.sqlDb;
    if (expectedRevision === 0) {
      const r = await db
        .insertInto('tl_jobs')
        .ignore()
        .values({ kind, status: text, job_cursor: null, revision })
        .executeTakeFirst();
      return num(r.numInsertedOrUpdatedRows ?? 0) > 0 ? revision : null;
    }
    const r = await db
      .updateTable('tl_jobs')
      .set({ status: text, revision })
      .where('kind', '=', kind)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    return num(r.numUpdatedRows) > 0 ? revision : null;
  }
}
