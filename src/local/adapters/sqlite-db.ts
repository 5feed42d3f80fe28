import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SqlDatabase } from '../../adapters/sql/dialect';
import { migrate } from '../../adapters/sql/migrate';
import type { Database } from '../../adapters/sql/schema';

/**
 * Opens (creating if needed) the embedded SQLite file the CLI and the workbench use, with the
 * schema migrated. `:memory:` gives a private in-memory database.
 */
export async function openSqlite(path: string): Promise<SqlDatabase> {
  const file = new BetterSqlite3(path);
  // WAL lets the workbench read while a backfill writes; a busy timeout instead of SQLITE_BUSY.
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  const sqlDb: SqlDatabase = { db, flavour: 'sqlite', maxParams: 30_000, close: () => db.destroy() };
  await migrate(sqlDb);
  return sqlDb;
}
