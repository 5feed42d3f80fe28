import { sql } from 'kysely';
import { hasSecondStatement } from '../../../src/adapters/forge/sql-driver';
import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { migrate } from '../../../src/adapters/sql/migrate';
import { LATEST_MIGRATION, MIGRATIONS } from '../../../src/adapters/sql/migrations';
import { SQL } from '../../../src/core/shared/platform-limits';

describe('the baseline schema', () => {
  it('is one idempotent statement per migration, with unique names, inside one DDL minute', () => {
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) {
      expect(hasSecondStatement(m.ddl)).toBe(false);
      expect(m.ddl).toMatch(
        /^(CREATE TABLE IF NOT EXISTS|CREATE INDEX IF NOT EXISTS|ALTER TABLE \w+ ADD COLUMN IF NOT EXISTS) /,
      );
      expect(m.ddl).not.toMatch(/FOREIGN KEY|REFERENCES|AUTO_INCREMENT|\bJSON\b/i);
    }
    // The runner adds three DDL calls of its own (ledger, two listings).
    expect(MIGRATIONS.length + 3).toBeLessThanOrEqual(SQL.ddlPerMinute);
    expect(LATEST_MIGRATION).toBe(MIGRATIONS[MIGRATIONS.length - 1]?.name);
  });

  it('migrates once; a second run and a run killed before recording change nothing and do not fail', async () => {
    const sqlDb = await openSqlite(':memory:');
    try {
      expect(await migrate(sqlDb)).toEqual([]);
      // A run that executed every statement but recorded none of them (killed in between).
      await sqlDb.db.deleteFrom('tl_migrations').execute();
      expect(await migrate(sqlDb)).toEqual(MIGRATIONS.map((m) => m.name));
      const tables = await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'tl_%'`.execute(sqlDb.db);
      expect(tables.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining(['tl_tickets', 'tl_postings', 'tl_jobs', 'tl_sla_predictions']),
      );
    } finally {
      await sqlDb.close();
    }
  });

  it('adds a column after the baseline idempotently, also on SQLite (which lacks ADD COLUMN IF NOT EXISTS)', async () => {
    const sqlDb = await openSqlite(':memory:');
    try {
      const change = [
        ...MIGRATIONS,
        { name: '900_test_note', ddl: 'ALTER TABLE tl_jobs ADD COLUMN IF NOT EXISTS note VARCHAR(40) NULL' },
      ];
      expect(await migrate(sqlDb, change)).toEqual(['900_test_note']);
      await sqlDb.db.deleteFrom('tl_migrations').where('name', '=', '900_test_note').execute();
      expect(await migrate(sqlDb, change)).toEqual(['900_test_note']);
      const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('tl_jobs')`.execute(
        sqlDb.db,
      );
      expect(columns.rows.filter((c) => c.name === 'note')).toHaveLength(1);
    } finally {
      await sqlDb.close();
    }
  });
});
