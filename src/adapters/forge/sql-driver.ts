import { MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler } from 'kysely';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, QueryResult } from 'kysely';

/**
 * The part of `@forge/sql` the driver uses, behind our own interface so the translation can be
 * tested without Atlassian's cloud: one parameterised statement in, its JSON result out. For
 * SELECT `rows` is an array of row objects; for DML it is an object with `affectedRows`.
 */
export interface ForgeSqlClient {
  execute(query: string, params: readonly ForgeSqlParam[]): Promise<{ rows: unknown }>;
}

export type ForgeSqlParam = string | number | boolean | null;

/** A statement or value Forge SQL cannot take, caught before the request goes out. */
export class ForgeSqlUnsupportedError extends Error {
  override readonly name = 'ForgeSqlUnsupportedError';
}

/**
 * Parameters travel as JSON: strings, finite numbers, booleans and null pass; bigint becomes a
 * number when exact (else a decimal string); anything else (Date, Buffer, objects) is refused —
 * the repositories store times as epoch ms and binary data as base64 text.
 */
export function toForgeParam(value: unknown, index: number): ForgeSqlParam {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ForgeSqlUnsupportedError(`parameter ${index + 1} is ${value}`);
    return value;
  }
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value === undefined) return null;
  const kind = value instanceof Date ? 'a Date' : value instanceof Uint8Array ? 'binary data' : typeof value;
  throw new ForgeSqlUnsupportedError(
    `parameter ${index + 1} is ${kind}; Forge SQL parameters must be JSON scalars`,
  );
}

/** True when `query` holds a `;` outside quotes and comments: Forge SQL runs one statement per call. */
export function hasSecondStatement(query: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < query.length; i++) {
    const c = query.charAt(i);
    if (quote !== null) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (c === ';' && query.slice(i + 1).trim() !== '') {
      return true;
    }
  }
  return false;
}

const DmlResult = (rows: unknown): { affectedRows: number; insertId: number } | null => {
  if (typeof rows !== 'object' || rows === null || Array.isArray(rows)) return null;
  const r = rows as Record<string, unknown>;
  const affected = Number(r.affectedRows);
  if (!Number.isFinite(affected)) return null;
  const insertId = Number(r.insertId);
  return { affectedRows: affected, insertId: Number.isFinite(insertId) ? insertId : 0 };
};

/** Maps Forge SQL's answer to Kysely's QueryResult. */
export function toQueryResult<R>(rows: unknown): QueryResult<R> {
  if (Array.isArray(rows)) return { rows: rows as R[] };
  const dml = DmlResult(rows);
  if (dml === null) throw new Error('Forge SQL answered with neither rows nor a DML result');
  return {
    rows: [],
    numAffectedRows: BigInt(dml.affectedRows),
    ...(dml.insertId > 0 ? { insertId: BigInt(dml.insertId) } : {}),
  };
}

class ForgeSqlConnection implements DatabaseConnection {
  constructor(private readonly client: ForgeSqlClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (hasSecondStatement(compiled.sql))
      throw new ForgeSqlUnsupportedError('Forge SQL runs one statement per call');
    const params = compiled.parameters.map(toForgeParam);
    const result = await this.client.execute(compiled.sql, params);
    return toQueryResult<R>(result.rows);
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    const fail = (): Promise<IteratorResult<QueryResult<R>>> =>
      Promise.reject(new ForgeSqlUnsupportedError('Forge SQL cannot stream results'));
    return {
      next: fail,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

/**
 * A Kysely driver over Forge SQL. Each call is an independent HTTPS request, so there is no
 * session: no transactions (the repositories are written to need none) and no pooling.
 */
export class ForgeSqlDriver implements Driver {
  private readonly connection: ForgeSqlConnection;

  constructor(client: ForgeSqlClient) {
    this.connection = new ForgeSqlConnection(client);
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.connection);
  }

  beginTransaction(): Promise<void> {
    return Promise.reject(new ForgeSqlUnsupportedError('Forge SQL has no multi-statement transactions'));
  }

  commitTransaction(): Promise<void> {
    return this.beginTransaction();
  }

  rollbackTransaction(): Promise<void> {
    return this.beginTransaction();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/** Kysely's MySQL compiler and adapter (TiDB speaks MySQL) over the Forge SQL driver. */
export class ForgeSqlDialect implements Dialect {
  constructor(private readonly client: ForgeSqlClient) {}

  createAdapter() {
    return new MysqlAdapter();
  }

  createDriver(): Driver {
    return new ForgeSqlDriver(this.client);
  }

  createQueryCompiler() {
    return new MysqlQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new MysqlIntrospector(db);
  }
}
