import { MigrationRunner } from '@forge/sql/out/migration';
import type { SqlClient } from '@forge/sql/out/sql';
import type { ForgeMigrationRunner } from '../../adapters/forge/sql-migrations';
import type { RunnerSqlClient } from './forge-sql-ledger';

/**
 * `@forge/sql`'s own MigrationRunner (its execute-then-record order, its ledger) over an
 * emulated SQL client: the runner only calls `executeDDL` and `prepare`, which the emulation has.
 */
export function emulatedMigrationRunner(client: RunnerSqlClient): ForgeMigrationRunner {
  return new MigrationRunner(client as unknown as SqlClient);
}
