import { migrationRunner, sql } from '@forge/sql';
import { Kysely } from 'kysely';
import type { SchemaPort } from '../../core/ports/schema';
import type { SqlDatabase } from '../sql/dialect';
import type { Database } from '../sql/schema';
import { ForgeSqlDialect } from './sql-driver';
import type { ForgeSqlClient, ForgeSqlParam } from './sql-driver';
import { forgeSchema } from './sql-migrations';

/** `@forge/sql`'s client behind the driver's interface: prepare, bind, execute. */
export const forgeSqlClient: ForgeSqlClient = {
  execute: (query: string, params: readonly ForgeSqlParam[]) =>
    sql
      .prepare<unknown>(query)
      .bindParams(...params)
      .execute(),
};

/** The installation's Forge SQL database with the app's schema types. */
export function openForgeSql(client: ForgeSqlClient = forgeSqlClient): SqlDatabase {
  const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(client) });
  // 2,000 parameters keep every statement far under the 1 MiB request limit.
  return { db, flavour: 'mysql', maxParams: 2_000, close: () => db.destroy() };
}

/** The app's one migrationRunner invocation (Forge asks for exactly one). */
export function forgeSqlSchema(): SchemaPort {
  return forgeSchema(forgeSqlClient, migrationRunner);
}
