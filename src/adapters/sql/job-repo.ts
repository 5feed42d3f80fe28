import { JobStatus } from '../../contracts/admin';
import type { JobKind, JobRecord, JobStateStore } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num } from './dialect';
import { readJson } from './json-column';

/**
 * Job state (backfill, train, SLA sweep) in `tl_jobs`, one row per kind. Writes are
 * compare-and-set on `revision`, so of two workers that read the same state only one can move
 * it on (e.g. claim a queued backfill); the other gets null and backs off.
 */
export class SqlJobStateStore implements JobStateStore {
  constructor(private readonly sqlDb: SqlDatabase) {}

  async get(kind: JobKind): Promise<JobRecord | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_jobs')
      .selectAll()
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (row === undefined) return null;
    const status = readJson(row.status, JobStatus);
    // An unreadable status (older build) reads as failed, keeping the revision so CAS still works.
    return {
      status: status ?? {
        kind,
        state: 'failed',
        processed: 0,
        total: null,
        startedAt: null,
        finishedAt: null,
        error: 'unreadable job state',
      },
      cursor: row.job_cursor,
      revision: num(row.revision),
    };
  }

  async compareAndSet(
    kind: JobKind,
    expectedRevision: number,
    next: Omit<JobRecord, 'revision'>,
  ): Promise<JobRecord | null> {
    const status = JobStatus.parse(next.status);
    if (status.kind !== kind) throw new Error(`job status of kind "${status.kind}" written under "${kind}"`);
    const revision = expectedRevision + 1;
    const values = { status: JSON.stringify(status), job_cursor: next.cursor, revision };
    const { db } = this.sqlDb;
    if (expectedRevision === 0) {
      const r = await db
        .insertInto('tl_jobs')
        .ignore()
        .values({ kind, ...values })
        .executeTakeFirst();
      if (num(r.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    } else {
      const r = await db
        .updateTable('tl_jobs')
        .set(values)
        .where('kind', '=', kind)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      if (num(r.numUpdatedRows) === 0) return null;
    }
    return { status, cursor: next.cursor, revision };
  }
}
