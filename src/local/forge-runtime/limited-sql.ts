import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { hasSecondStatement } from '../../adapters/forge/sql-driver';
import type { SqlDatabase } from '../../adapters/sql/dialect';
import { MIGRATIONS } from '../../adapters/sql/migrations';
import type { Migration } from '../../adapters/sql/migrations';
import type { Database } from '../../adapters/sql/schema';
import { SQL } from '../../core/shared/platform-limits';
import { EmulatedForgeDdl } from './forge-sql-ledger';
import type { InvocationRuntime } from './invocations';
import { RateWindow, SumWindow } from './monitor';
import type { LimitMonitor } from './monitor';
import type { SimClock } from './sim-clock';

/** Modelled cost of one Forge SQL call (an HTTPS request to TiDB from the function). */
export interface SqlCostModel {
  /** Round trip of any statement. */
  baseMs: number;
  /** Per row read or written. */
  perRowMs: number;
  /** Per MiB sent or received. */
  perMiBMs: number;
}
export const DEFAULT_SQL_COST: SqlCostModel = { baseMs: 8, perRowMs: 0.004, perMiBMs: 40 };

/** Columns declared BIGINT or DECIMAL per table, read off the schema's own DDL. */
export function bigintColumns(migrations: readonly Migration[] = MIGRATIONS): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of migrations) {
    const create = /^CREATE TABLE IF NOT EXISTS (\w+) \(([\s\S]*)\)$/.exec(m.ddl);
    const add = /^ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS (\w+) (BIGINT|DECIMAL)/i.exec(m.ddl);
    if (create) {
      const [, table = '', body = ''] = create;
      const set = out.get(table) ?? new Set<string>();
      for (const c of body.matchAll(/(\w+)\s+(BIGINT|DECIMAL)\b/gi)) set.add(c[1] ?? '');
      out.set(table, set);
    } else if (add) {
      const set = out.get(add[1] ?? '') ?? new Set<string>();
      set.add(add[2] ?? '');
      out.set(add[1] ?? '', set);
    }
  }
  return out;
}

const AGGREGATE_ALIAS = /\b(count|sum)\s*\([^)]*\)\s+as\s+[`"]?(\w+)/gi;
const POLICY = /^\s*(SET\s+(?!@)|SHOW\s+(?!TABLES|COLUMNS|INDEX)|PREPARE\b|EXECUTE\b|USE\b|DEALLOCATE\b)/i;
const SCREENED = /\b(SLEEP|BENCHMARK|SHA2|AES_ENCRYPT|AES_DECRYPT)\s*\(/i;
const DDL = /^\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME)\b/i;

export interface ForgeSqlLimits {
  monitor: LimitMonitor;
  clock: SimClock;
  runtime: InvocationRuntime;
  cost?: SqlCostModel;
  /** The installation's storage quota (production 1 GiB). */
  quotaBytes?: number;
}

/**
 * The checks Forge SQL makes on every statement, applied to a local database: the query policy
 * (one statement, no SET/SHOW/PREPARE/USE, no DDL outside the migration runner, no
 * transactions), 1 MiB per request, 4 MiB per answer and 16 MiB of query memory, 150 requests
 * a second, 62.5 s of query time a minute and the per-statement timeouts, all in simulated
 * time; BIGINT and DECIMAL values come back as strings, as Forge SQL's JSON carries them.
 */
class StatementChecks {
  private readonly perSecond = new RateWindow(1_000);
  private readonly queryTime = new SumWindow(60_000);
  private readonly cost: SqlCostModel;
  statements = 0;
  /** Statements sent and not yet answered: concurrent ones overlap in simulated time. */
  inFlight = 0;

  constructor(
    private readonly limits: ForgeSqlLimits,
    private readonly bigints: Map<string, Set<string>>,
  ) {
    this.cost = limits.cost ?? DEFAULT_SQL_COST;
  }

  get maxPerSecond(): number {
    return this.perSecond.max;
  }

  before(query: CompiledQuery): void {
    const { monitor, clock, runtime } = this.limits;
    runtime.checkpoint();
    this.statements++;
    const text = query.sql;
    if (hasSecondStatement(text)) monitor.violate('sql_policy', 'more than one statement in a call');
    if (POLICY.test(text) || SCREENED.test(text)) monitor.violate('sql_policy', text.slice(0, 60));
    if (DDL.test(text)) monitor.violate('sql_policy', 'DDL outside the migration runner');
    const bytes = Buffer.byteLength(text) + Buffer.byteLength(JSON.stringify(query.parameters));
    if (bytes > SQL.requestBytes) monitor.violate('sql_request_bytes', `${bytes} bytes in one request`);
    if (this.perSecond.add(clock.now()) > SQL.dmlPerSecond)
      monitor.violate('sql_dml_per_second', `more than ${SQL.dmlPerSecond} requests in a second`);
    if (this.inFlight <= 1) clock.advance(this.cost.baseMs + (bytes / 1_048_576) * this.cost.perMiBMs);
  }

  after<R>(query: CompiledQuery, result: QueryResult<R>): QueryResult<R> {
    const { monitor, clock } = this.limits;
    const rows = this.stringifyBigints(query.sql, result.rows as Record<string, unknown>[]);
    const touched = rows.length + Number(result.numAffectedRows ?? 0n);
    let bytes = 0;
    if (rows.length > 0) {
      bytes = Buffer.byteLength(JSON.stringify(rows));
      if (bytes > SQL.responseBytes) monitor.violate('sql_response_bytes', `${bytes} bytes in one answer`);
      // The rows are held at least twice (result set and its encoding); a sort holds several
      // copies more (a model: TiDB's own accounting is not published).
      const memory = bytes * (/\b(ORDER BY|GROUP BY|DISTINCT)\b/i.test(query.sql) ? 5 : 2);
      if (memory > SQL.queryMemoryBytes)
        monitor.violate('sql_query_memory', `about ${memory} bytes of memory`);
    }
    const ms = touched * this.cost.perRowMs + (bytes / 1_048_576) * this.cost.perMiBMs;
    if (this.inFlight <= 1) clock.advance(ms);
    const select = /^\s*(select|with)\b/i.test(query.sql);
    const timeout = select ? SQL.selectTimeoutMs : SQL.dmlTimeoutMs;
    if (ms + this.cost.baseMs > timeout)
      monitor.violate('sql_statement_timeout', `one statement took ${Math.round(ms)} ms`);
    if (this.queryTime.add(clock.now(), ms + this.cost.baseMs) > SQL.queryMsPerMinute)
      monitor.violate(
        'sql_query_ms_per_minute',
        `more than ${SQL.queryMsPerMinute} ms of query time in a minute`,
      );
    return { ...result, rows: rows as R[] };
  }

  private stringifyBigints(text: string, rows: Record<string, unknown>[]): Record<string, unknown>[] {
    if (rows.length === 0) return rows;
    const table = /\bfrom\s+[`"]?(\w+)/i.exec(text)?.[1] ?? '';
    const columns = new Set(this.bigints.get(table) ?? []);
    for (const m of text.matchAll(AGGREGATE_ALIAS)) columns.add(m[2] ?? '');
    if (columns.size === 0) return rows;
    return rows.map((row) => {
      const out: Record<string, unknown> = { ...row };
      for (const c of columns)
        if (typeof out[c] === 'number' || typeof out[c] === 'bigint') out[c] = String(out[c]);
      return out;
    });
  }
}

class LimitedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly checks: StatementChecks,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.checks.before(compiled);
    const result = await this.inner.executeQuery<R>(compiled);
    return this.checks.after(compiled, result);
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Forge SQL cannot stream results');
  }
}

class LimitedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly checks: StatementChecks,
    private readonly monitor: LimitMonitor,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.checks.inFlight++;
    return new LimitedConnection(await this.inner.acquireConnection(), this.checks);
  }

  beginTransaction(): Promise<void> {
    return Promise.resolve().then(() => this.monitor.violate('sql_policy', 'Forge SQL has no transactions'));
  }

  commitTransaction(): Promise<void> {
    return this.beginTransaction();
  }

  rollbackTransaction(): Promise<void> {
    return this.beginTransaction();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.checks.inFlight--;
    await this.inner.releaseConnection(
      connection instanceof LimitedConnection ? connection.inner : connection,
    );
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** SQLite with Forge SQL's checks around every statement. */
class LimitedSqliteDialect implements Dialect {
  private readonly inner: SqliteDialect;

  constructor(
    database: BetterSqlite3.Database,
    private readonly checks: StatementChecks,
    private readonly monitor: LimitMonitor,
  ) {
    this.inner = new SqliteDialect({ database });
  }

  createAdapter() {
    return this.inner.createAdapter();
  }

  createDriver(): Driver {
    return new LimitedDriver(this.inner.createDriver(), this.checks, this.monitor);
  }

  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
}

export interface EmulatedForgeSql {
  sqlDb: SqlDatabase;
  /** Forge SQL's DDL endpoint and migration ledger (for the real migrationRunner). */
  ddl: EmulatedForgeDdl;
  /** Bytes the installation's tables hold now (live pages of the database file). */
  storedBytes(): number;
  /** Counts a violation when the stored bytes are over the quota; call after each invocation. */
  checkQuota(): void;
  statements(): number;
  maxPerSecond(): number;
  close(): Promise<void>;
}

/**
 * An installation's Forge SQL database for the limits runtime: a SQLite file (the same
 * repositories run on it) behind Forge SQL's statement checks, with an empty schema that only
 * the migration runner (`ddl`) can create.
 */
export function openEmulatedForgeSql(path: string, limits: ForgeSqlLimits): EmulatedForgeSql {
  const file = new BetterSqlite3(path);
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = OFF');
  const checks = new StatementChecks(limits, bigintColumns());
  const db = new Kysely<Database>({ dialect: new LimitedSqliteDialect(file, checks, limits.monitor) });
  const ddl = new EmulatedForgeDdl(file, limits.monitor, limits.clock);
  const quota = limits.quotaBytes ?? SQL.productionBytes;
  const storedBytes = (): number => {
    const pages = Number(file.pragma('page_count', { simple: true }));
    const free = Number(file.pragma('freelist_count', { simple: true }));
    return (pages - free) * Number(file.pragma('page_size', { simple: true }));
  };
  return {
    sqlDb: { db, flavour: 'sqlite', maxParams: 2_000, close: () => db.destroy() },
    ddl,
    storedBytes,
    checkQuota() {
      const bytes = storedBytes();
      if (bytes > quota) {
        try {
          limits.monitor.violate('sql_storage_bytes', `${bytes} bytes stored, quota ${quota}`);
        } catch {
          // Counted; Forge would refuse further writes, which the next statements would feel.
        }
      }
    },
    statements: () => checks.statements,
    maxPerSecond: () => checks.maxPerSecond,
    close: () => db.destroy(),
  };
}
