import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import { emulatedPlatform, migrateFully } from '../../../src/local/forge-runtime/installation';
import { SQL } from '../../../src/core/shared/platform-limits';
import { makeTicket } from '../../support/tickets';

const dir = mkdtempSync(join(tmpdir(), 'tl-forge-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function platform(quotaBytes?: number) {
  const p = emulatedPlatform({
    sqlitePath: join(dir, `db-${++n}.db`),
    start: 1_700_000_000_000,
    ...(quotaBytes !== undefined ? { quotaBytes } : {}),
  });
  await migrateFully(p);
  return p;
}

describe('Forge SQL limits in the local runtime', () => {
  it('answers BIGINT and COUNT as strings, INT as numbers, as Forge SQL does', async () => {
    const p = await platform();
    const storage = createSqlStorage(p.sql.sqlDb);
    await storage.tickets.upsert(makeTicket({ created: 1_700_000_000_123 }));
    const row = await p.sql.sqlDb.db
      .selectFrom('tl_tickets')
      .select(['created_ms', 'is_open'])
      .executeTakeFirstOrThrow();
    expect(row.created_ms).toBe('1700000000123');
    expect(row.is_open).toBe(1);
    const count = await p.sql.sqlDb.db
      .selectFrom('tl_tickets')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe('1');
    // The app copes: it reads the ticket back and counts through the same strings.
    expect(await storage.tickets.count()).toBe(1);
    expect((await storage.tickets.get('10001'))?.created).toBe(1_700_000_000_123);
    await p.sql.close();
  });

  it('refuses a second statement, SET, DDL outside the runner and transactions', async () => {
    const p = await platform();
    const { db } = p.sql.sqlDb;
    await expect(sql.raw('SELECT 1; SELECT 2').execute(db)).rejects.toThrow('sql_policy');
    await expect(sql.raw('SET SESSION sql_mode = 1').execute(db)).rejects.toThrow('sql_policy');
    await expect(sql.raw('CREATE TABLE IF NOT EXISTS tl_x (id INT)').execute(db)).rejects.toThrow(
      'sql_policy',
    );
    await expect(db.transaction().execute(() => Promise.resolve())).rejects.toThrow('sql_policy');
    expect(p.monitor.counts.sql_policy).toBe(4);
    await p.sql.close();
  });

  it('fires the 1 MiB request, 4 MiB answer and 16 MiB memory limits', async () => {
    const p = await platform();
    const { db } = p.sql.sqlDb;
    const big = 'x'.repeat(SQL.requestBytes);
    await expect(sql`SELECT ${big} AS v`.execute(db)).rejects.toThrow('sql_request_bytes');
    const mib = 'y'.repeat(700 * 1024);
    for (let i = 0; i < 7; i++)
      await db
        .insertInto('tl_jobs')
        .values({ kind: `k${i}`, revision: 1, status: mib, job_cursor: null })
        .execute();
    await expect(db.selectFrom('tl_jobs').selectAll().execute()).rejects.toThrow('sql_response_bytes');
    await expect(
      db
        .selectFrom('tl_jobs')
        .select('status')
        .where('kind', 'in', ['k0', 'k1', 'k2', 'k3', 'k4'])
        .orderBy('kind')
        .execute(),
    ).rejects.toThrow('sql_query_memory');
    expect(p.monitor.counts).toMatchObject({
      sql_request_bytes: 1,
      sql_response_bytes: 1,
      sql_query_memory: 1,
    });
    await p.sql.close();
  });

  it('fires the 150 requests a second limit when statements run all at once', async () => {
    const p = await platform();
    const { db } = p.sql.sqlDb;
    // Sequential statements cost their modelled round trip each and stay under the rate.
    for (let i = 0; i < 200; i++) await sql`SELECT 1 AS one`.execute(db);
    expect(p.monitor.counts.sql_dml_per_second).toBe(0);
    // Two hundred at once arrive within one simulated second.
    p.clock.advance(5_000);
    const all = await Promise.allSettled(Array.from({ length: 200 }, () => sql`SELECT 1 AS one`.execute(db)));
    expect(all.some((r) => r.status === 'rejected')).toBe(true);
    expect(p.monitor.counts.sql_dml_per_second).toBeGreaterThan(0);
    await p.sql.close();
  });

  it('fires the query-time budget of 62.5 s a minute and counts a store over its quota', async () => {
    const p = emulatedPlatform({
      sqlitePath: join(dir, `db-${++n}.db`),
      start: 1_700_000_000_000,
      quotaBytes: 64 * 1024,
      cost: { baseMs: 700, perRowMs: 0, perMiBMs: 0 },
    });
    await migrateFully(p);
    const { db } = p.sql.sqlDb;
    // 700 ms each: one after another they never pass a minute's budget; a hundred at once do.
    for (let i = 0; i < 100; i++) await sql`SELECT 1 AS one`.execute(db);
    expect(p.monitor.counts.sql_query_ms_per_minute).toBe(0);
    const all = await Promise.allSettled(Array.from({ length: 100 }, () => sql`SELECT 1 AS one`.execute(db)));
    expect(all.some((r) => r.status === 'rejected')).toBe(true);
    expect(p.monitor.counts.sql_query_ms_per_minute).toBeGreaterThan(0);
    p.sql.checkQuota();
    expect(p.monitor.counts.sql_storage_bytes).toBe(1);
    await p.sql.close();
  });
});

describe('listings under the 4 MiB answer limit', () => {
  it('pages large tickets by bytes: every one exactly once, no answer over the limit', async () => {
    const p = await platform();
    const storage = createSqlStorage(p.sql.sqlDb);
    const big = 'ä'.repeat(99_000);
    const ids = Array.from({ length: 40 }, (_, i) => String(20_000 + i));
    for (const id of ids)
      await storage.tickets.upsert(
        makeTicket({ id, key: `IT-${id}`, description: big, resolved: 1_700_000_000_000 }),
      );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await storage.tickets.listOpen({ limit: 500, after });
      seen.push(...page.items.map((t) => t.id));
      after = page.next;
      pages++;
    } while (after !== null);
    expect(seen).toEqual(ids);
    expect(pages).toBeGreaterThan(1);
    const many = await storage.tickets.getMany([...ids].reverse());
    expect(many.map((t) => t.id)).toEqual([...ids].reverse());
    expect(p.monitor.details).toEqual([]);
    await p.sql.close();
  });
});
