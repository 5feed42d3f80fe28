import { Kysely, sql } from 'kysely';
import {
  ForgeSqlDialect,
  ForgeSqlUnsupportedError,
  hasSecondStatement,
  toForgeParam,
} from '../../../src/adapters/forge/sql-driver';
import type { ForgeSqlClient, ForgeSqlParam } from '../../../src/adapters/forge/sql-driver';
import type { Database } from '../../../src/adapters/sql/schema';

/** Records every call and answers with what the test queued, as Forge SQL's JSON would. */
function fakeClient(answers: unknown[]) {
  const calls: { query: string; params: readonly ForgeSqlParam[] }[] = [];
  const client: ForgeSqlClient = {
    execute(query, params) {
      calls.push({ query, params });
      return Promise.resolve({ rows: answers.shift() });
    },
  };
  return { client, calls };
}

const open = (client: ForgeSqlClient) => new Kysely<Database>({ dialect: new ForgeSqlDialect(client) });

describe('Forge SQL driver', () => {
  it('sends MySQL text with ? placeholders and JSON-safe parameters, and returns the rows', async () => {
    const { client, calls } = fakeClient([[{ id: '1', doc: '{}' }]]);
    const rows = await open(client)
      .selectFrom('tl_tickets')
      .select(['id', 'doc'])
      .where('issue_key', '=', "HELP-1' OR 1=1")
      .where('updated_ms', '<', 10n as unknown as number)
      .execute();
    expect(rows).toEqual([{ id: '1', doc: '{}' }]);
    expect(calls).toEqual([
      {
        query: 'select `id`, `doc` from `tl_tickets` where `issue_key` = ? and `updated_ms` < ?',
        params: ["HELP-1' OR 1=1", 10],
      },
    ]);
  });

  it('maps a DML answer to affected-row counts for inserts, updates and deletes', async () => {
    const { client, calls } = fakeClient([
      { affectedRows: 0, insertId: 0, fieldCount: 0, info: '', serverStatus: 2, warningStatus: 1 },
      { affectedRows: 1, insertId: 0 },
      { affectedRows: 3, insertId: 0 },
    ]);
    const db = open(client);
    const ignored = await db
      .insertInto('tl_terms')
      .ignore()
      .values({ term_hash: 5, df: 0 })
      .executeTakeFirst();
    expect(ignored.numInsertedOrUpdatedRows).toBe(0n);
    const updated = await db
      .updateTable('tl_terms')
      .set((eb) => ({ df: eb('df', '+', 1) }))
      .where('term_hash', 'in', [5, 6])
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const deleted = await db.deleteFrom('tl_terms').where('df', '<=', 0).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(3n);
    expect(calls.map((c) => c.query)).toEqual([
      'insert ignore into `tl_terms` (`term_hash`, `df`) values (?, ?)',
      'update `tl_terms` set `df` = `df` + ? where `term_hash` in (?, ?)',
      'delete from `tl_terms` where `df` <= ?',
    ]);
  });

  it('refuses parameters JSON cannot carry, before any request', async () => {
    const { client, calls } = fakeClient([]);
    const db = open(client);
    await expect(
      db
        .insertInto('tl_models')
        .values({
          name: 'm',
          version: 1,
          format: 'bytes',
          generation: 'g',
          bytes: 1,
          chunks: 1,
          checksum: 'c',
          saved_ms: new Date() as unknown as number,
        })
        .execute(),
    ).rejects.toThrow(ForgeSqlUnsupportedError);
    expect(calls).toEqual([]);
    expect(() => toForgeParam(Buffer.from('x'), 0)).toThrow('binary data');
    expect(() => toForgeParam(Number.NaN, 2)).toThrow('parameter 3');
    expect(toForgeParam(2n ** 60n, 0)).toBe('1152921504606846976');
    expect(toForgeParam(undefined, 0)).toBeNull();
  });

  it('refuses a second statement and transactions; a semicolon inside a literal is fine', async () => {
    expect(hasSecondStatement('select 1; drop table tl_tickets')).toBe(true);
    expect(hasSecondStatement("select ';' as a, `x;y` from t;")).toBe(false);
    expect(hasSecondStatement("select 'it\\'s; fine'")).toBe(false);
    const { client, calls } = fakeClient([]);
    const db = open(client);
    await expect(sql`select 1; select 2`.execute(db)).rejects.toThrow('one statement per call');
    await expect(
      db.transaction().execute(async (tx) => tx.selectFrom('tl_terms').selectAll().execute()),
    ).rejects.toThrow('transactions');
    expect(calls).toEqual([]);
  });

  it('fails clearly on an answer that is neither rows nor a DML result', async () => {
    const { client } = fakeClient([{ unexpected: true }]);
    await expect(open(client).selectFrom('tl_terms').selectAll().execute()).rejects.toThrow(
      'neither rows nor a DML result',
    );
  });
});
