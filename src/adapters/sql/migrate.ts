import { sql } from 'kysely';
import type { SqlDatabase } from './dialect';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

const LEDGER =
  'CREATE TABLE IF NOT EXISTS tl_migrations (name VARCHAR(100) NOT NULL, applied_ms BIGINT NOT NULL, PRIMARY KEY (name))';

/**
 * Applies the migrations not yet recorded in `tl_migrations`, in order, one statement each
 * (the local counterpart of Forge's migration runner). Returns the names applied now.
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
    await sql.raw(m.ddl).execute(db);
    await db.insertInto('tl_migrations').values({ name: m.name, applied_ms: Date.now() }).execute();
    now.push(m.name);
  }
  return now;
}
