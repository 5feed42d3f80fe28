import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import type { SqlDatabase } from '../../adapters/sql/dialect';
import { migrate } from '../../adapters/sql/migrate';
import type { Database } from '../../adapters/sql/schema';

export interface MariaDbOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Concurrent connections (default 10). */
  connections?: number;
}

/** Reads MARIADB_HOST / _PORT / _USER / _PASSWORD; defaults match the CI server (root, no password). */
export function mariaDbOptionsFromEnv(
  database: string,
  env: NodeJS.ProcessEnv = process.env,
): MariaDbOptions {
  return {
    host: env.MARIADB_HOST ?? '127.0.0.1',
    port: Number(env.MARIADB_PORT ?? 3306),
    user: env.MARIADB_USER ?? 'root',
    password: env.MARIADB_PASSWORD ?? '',
    database,
  };
}

const pool = (o: MariaDbOptions, database: string | undefined) =>
  createPool({
    host: o.host,
    port: o.port,
    user: o.user,
    password: o.password,
    database,
    connectionLimit: o.connections ?? 10,
    charset: 'utf8mb4',
    // Stored times are epoch ms (< 2^53): numbers, not strings.
    supportBigNumbers: true,
    bigNumberStrings: false,
  });

/**
 * Creates the database if missing (utf8mb4 with binary collation, as Forge SQL's TiDB uses:
 * keys compare byte for byte, emoji fit), connects and migrates.
 */
export async function openMariaDb(o: MariaDbOptions): Promise<SqlDatabase> {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(o.database)) throw new Error(`bad MariaDB database name: ${o.database}`);
  const admin = pool(o, undefined).promise();
  try {
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS ${o.database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
    );
  } finally {
    await admin.end();
  }
  const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool: pool(o, o.database) }) });
  // Forge SQL accepts 1 MiB per request; keep the same bound here so tests see the same batching.
  const sqlDb: SqlDatabase = { db, flavour: 'mysql', maxParams: 2_000, close: () => db.destroy() };
  await migrate(sqlDb);
  return sqlDb;
}

/** Drops a database (test teardown). */
export async function dropMariaDb(o: MariaDbOptions): Promise<void> {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(o.database)) throw new Error(`bad MariaDB database name: ${o.database}`);
  const admin = pool(o, undefined).promise();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${o.database}`);
  } finally {
    await admin.end();
  }
}
