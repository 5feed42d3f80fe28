import { SQL } from '../../core/shared/platform-limits';
import type { SchemaPort } from '../../core/ports/schema';
import { LATEST_MIGRATION, MIGRATIONS } from '../sql/migrations';
import type { Migration } from '../sql/migrations';
import type { ForgeSqlClient } from './sql-driver';

/** The part of `@forge/sql`'s migrationRunner used here. */
export interface ForgeMigrationRunner {
  enqueue(name: string, statement: string): ForgeMigrationRunner;
  list(): Promise<readonly { name: string }[]>;
  run(): Promise<string[]>;
}

/**
 * DDL calls one batch may make: the runner spends three of its own (our `list`, then its
 * ledger `CREATE TABLE IF NOT EXISTS` and its `list` inside `run`), and two are kept spare for
 * a duplicate delivery in the same minute.
 */
export const MIGRATIONS_PER_BATCH = SQL.ddlPerMinute - 3 - 2;

/** Forge's ledger table of applied migration names (created by the runner itself). */
const LEDGER_QUERY = 'SELECT name FROM __migrations WHERE name = ?';

/**
 * The schema on Forge SQL, through the one migrationRunner. A batch enqueues only the first
 * pending migrations (the runner singleton keeps what a warm container enqueued before; those
 * are always a prefix of the pending list, so a batch never grows past its size), and every
 * statement is `IF NOT EXISTS`, so one the runner executed but did not record runs again
 * harmlessly.
 */
export function forgeSchema(
  client: ForgeSqlClient,
  runner: ForgeMigrationRunner,
  migrations: readonly Migration[] = MIGRATIONS,
  batchSize: number = MIGRATIONS_PER_BATCH,
): SchemaPort {
  const latest = migrations[migrations.length - 1]?.name ?? LATEST_MIGRATION;
  return {
    async isCurrent() {
      try {
        const result = await client.execute(LEDGER_QUERY, [latest]);
        return Array.isArray(result.rows) && result.rows.length > 0;
      } catch {
        // No ledger yet: nothing was ever migrated.
        return false;
      }
    },
    async migrateBatch() {
      let applied: Set<string>;
      try {
        applied = new Set((await runner.list()).map((m) => m.name));
      } catch {
        applied = new Set();
      }
      const pending = migrations.filter((m) => !applied.has(m.name));
      const batch = pending.slice(0, batchSize);
      if (batch.length === 0) return { applied: 0, remaining: 0 };
      let r = runner;
      for (const m of batch) r = r.enqueue(m.name, m.ddl);
      const ran = await r.run();
      return { applied: ran.length, remaining: Math.max(0, pending.length - ran.length) };
    },
  };
}
