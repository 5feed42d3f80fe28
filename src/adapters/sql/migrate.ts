import { sql } from 'kysely';
import type { SqlDatabase } from './dialect';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

const LEDGER =
  'CREATE TABLE IF NOT EXISTS tl_migrations (name VARCHAR(100) NOT NULL, applied_ms BIGINT NOT NULL, PRIMARY KEY (name))';

const ADD_COLUMN_IF_MISSING = /^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+IF\s+NOT\s+EXISTS\s+(\w+)\s+/i;

/**
 * One statement, idempotently. SQLite has no `ADD COLUMN IF NOT EXISTS`: there the column is
 * looked up first and the statement runs without the clause only when it is missing.
 */
async function runIdempotent(sqlDb: SqlDatabase, ddl: string): Promise<void> {
  const addColumn = sqlDb.flavour === 'sqlite' ? ADD_COLUMN_IF_MISSING.exec(ddl) : null;
  if (addColumn) {
    const [, tableName = '', column = ''] = addColumn;
    const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${tableName})`.execute(
      sqlDb.db,
    );
    if (columns.rows.some((c) => c.name.toLowerCase() === column.toLowerCase())) return;
    await sql.raw(ddl.replace(/\s+IF\s+NOT\s+EXISTS/i, '')).execute(sqlDb.db);
    return;
  }
  await sql.raw(ddl).execute(sqlDb.db);
}

/**
 * Applies the migrations not yet recorded in `tl_migrations`, in order, one statement each
 * (the local counterpart of Forge's migration runner, with the same execute-then-record order).
 * Every statement is idempotent, so a run stopped between the two steps runs it again next time
 * instead of failing on "already exists"; a name recorded twice is ignored. Returns the names
 * applied now.
 */
export async function migrate(
  sqlDb: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  const { db } = sqlDb;
  await sql.raw(LEDGER).execute(db);
  const applied = new Set((await db.selectFrom('tl_migrations').select('name').execute()).map((r) => r.name));
  const now: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    await runIdempotent(sqlDb, m.ddl);
    await db.insertInto('tl_migrations').values({ name: m.name, applied_ms: Date.now() }).ignore().execute();
    now.push(m.name);
  }
  return now;
}
