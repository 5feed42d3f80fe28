import { randomBytes } from 'node:crypto';
import { createPool } from 'mysql2/promise';
import type { ResultSetHeader } from 'mysql2';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../../src/local/adapters/mariadb-db';
import { openForgeSql } from '../../../src/adapters/forge/sql-database';
import type { ForgeSqlClient } from '../../../src/adapters/forge/sql-driver';
import { describeStorage } from '../sql/storage-suite';

/**
 * The whole repository suite through the Forge SQL driver, with a fake `@forge/sql` client that
 * forwards each statement to MariaDB and answers in Forge SQL's JSON shape (rows array for
 * SELECT, `{ affectedRows, insertId }` for DML): the driver's translation under real queries.
 */
const options = mariaDbOptionsFromEnv(`tl_test_forge_${process.pid}_${randomBytes(3).toString('hex')}`);
let pool: ReturnType<typeof createPool> | undefined;

describeStorage('the Forge SQL driver (MariaDB behind a fake client)', {
  async open() {
    // Creates the database and schema; the Forge-shaped client then works on it.
    await (await openMariaDb(options)).close();
    const p = createPool({ ...options, charset: 'utf8mb4', supportBigNumbers: true, connectionLimit: 5 });
    pool = p;
    const client: ForgeSqlClient = {
      async execute(query, params) {
        const [result] = await p.query(query, [...params]);
        if (Array.isArray(result)) return { rows: JSON.parse(JSON.stringify(result)) as unknown };
        const header = result as ResultSetHeader;
        return { rows: { affectedRows: header.affectedRows, insertId: header.insertId } };
      },
    };
    return openForgeSql(client);
  },
  async close(sqlDb) {
    await sqlDb.close();
    await pool?.end();
    await dropMariaDb(options);
  },
});
