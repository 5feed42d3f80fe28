import BetterSqlite3 from 'better-sqlite3';
import { forgeSchema, MIGRATIONS_PER_BATCH } from '../../../src/adapters/forge/sql-migrations';
import { MIGRATIONS } from '../../../src/adapters/sql/migrations';
import type { Migration } from '../../../src/adapters/sql/migrations';
import { SQL } from '../../../src/core/shared/platform-limits';
import { EmulatedForgeDdl } from '../../../src/local/forge-runtime/forge-sql-ledger';
import { emulatedMigrationRunner } from '../../../src/local/forge-runtime/migration-runner';
import { LimitMonitor } from '../../../src/local/forge-runtime/monitor';

function setup(migrations: readonly Migration[] = MIGRATIONS) {
  let now = 1_800_000_000_000;
  const clock = { now: () => now };
  const monitor = new LimitMonitor(clock);
  const ddl = new EmulatedForgeDdl(new BetterSqlite3(':memory:'), monitor, clock);
  // A fresh runner per invocation, as a cold container would have.
  const schema = () => forgeSchema(ddl.client, emulatedMigrationRunner(ddl), migrations);
  return { ddl, monitor, schema, advance: (ms: number) => (now += ms) };
}

/** Forty extra tables: more than one minute's DDL budget. */
const many: Migration[] = [
  ...MIGRATIONS,
  ...Array.from({ length: 40 }, (_, i) => ({
    name: `9${String(i).padStart(2, '0')}_extra`,
    ddl: `CREATE TABLE IF NOT EXISTS tl_extra_${i} (id INT NOT NULL, PRIMARY KEY (id))`,
  })),
];

describe('Forge SQL migrations through the real migrationRunner', () => {
  it('migrates in batches that stay inside 25 DDL calls a minute, and reports what remains', async () => {
    const { ddl, monitor, schema, advance } = setup(many);
    expect(await schema().isCurrent()).toBe(false);
    let batches = 0;
    for (;;) {
      batches++;
      const { remaining } = await schema().migrateBatch();
      if (remaining === 0) break;
      advance(60_000);
    }
    expect(batches).toBe(Math.ceil(many.length / MIGRATIONS_PER_BATCH));
    expect(ddl.ddlMaxPerMinute).toBeLessThanOrEqual(SQL.ddlPerMinute);
    expect(monitor.total).toBe(0);
    expect(await schema().isCurrent()).toBe(true);
    expect(await schema().migrateBatch()).toEqual({ applied: 0, remaining: 0 });
  });

  it('fires the DDL limit when everything is pushed through in one minute', async () => {
    const { ddl, monitor } = setup(many);
    const unbatched = forgeSchema(ddl.client, emulatedMigrationRunner(ddl), many, many.length);
    await expect(unbatched.migrateBatch()).rejects.toThrow('Failed to execute migration');
    expect(monitor.counts.sql_ddl_per_minute).toBe(1);
  });

  it('recovers from a run killed between executing a statement and recording it', async () => {
    const { ddl, schema, advance } = setup();
    ddl.killAfterNextStatement = true;
    await expect(schema().migrateBatch()).rejects.toThrow();
    // The killed statement runs again (idempotent); the rest follow in DDL-budget batches.
    let applied = 0;
    for (let batch = 0; batch < 10; batch++) {
      advance(60_000);
      const again = await schema().migrateBatch();
      applied += again.applied;
      if (again.remaining === 0) break;
    }
    expect(applied).toBe(MIGRATIONS.length);
    expect(await schema().isCurrent()).toBe(true);
  });

  it('refuses DDL that is not idempotent or uses what Forge SQL lacks', async () => {
    for (const bad of [
      'CREATE TABLE tl_x (id INT NOT NULL, PRIMARY KEY (id))',
      'CREATE TABLE IF NOT EXISTS tl_y (id BIGINT NOT NULL AUTO_INCREMENT, PRIMARY KEY (id))',
      'ALTER TABLE tl_x ADD COLUMN note INT NULL',
    ]) {
      const { monitor, schema } = setup([{ name: 'bad', ddl: bad }]);
      await expect(schema().migrateBatch()).rejects.toThrow();
      expect(monitor.counts.sql_ddl_statement).toBe(1);
    }
  });
});
