import type BetterSqlite3 from 'better-sqlite3';
import type { ForgeSqlClient, ForgeSqlParam } from '../../adapters/forge/sql-driver';
import type { LimitMonitor } from './monitor';
import type { Clock } from '../../core/ports/clock';
import { SQL } from '../../core/shared/platform-limits';
import { RateWindow } from './monitor';

/**
 * The part of `@forge/sql`'s SQL client its migrationRunner uses: `executeDDL` and
 * `prepare().bindParams().execute()`.
 */
export interface RunnerSqlClient {
  executeDDL(query: string): Promise<{ rows: unknown }>;
  prepare(query: string): {
    bindParams(...params: ForgeSqlParam[]): { execute(): Promise<{ rows: unknown }> };
  };
}

const IF_NOT_EXISTS =
  /^\s*(CREATE\s+TABLE|CREATE\s+(UNIQUE\s+)?INDEX|ALTER\s+TABLE\s+\w+\s+ADD\s+COLUMN)\s+IF\s+NOT\s+EXISTS\b/i;
const ADD_COLUMN = /^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+IF\s+NOT\s+EXISTS\s+(\w+)\s+/i;
const DDL = /^\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME)\b/i;

/**
 * Forge SQL's DDL endpoint and migration ledger, emulated over a SQLite file: the real
 * `@forge/sql` MigrationRunner runs against it. DDL is held to Forge's rules: 25 calls per
 * minute (the runner's own ledger set-up and listing count, as they go through `executeDDL`),
 * `IF NOT EXISTS` on every CREATE and ADD COLUMN (the app's rule, so a rerun is harmless), no
 * foreign keys, no AUTO_INCREMENT in the app's tables.
 */
export class EmulatedForgeDdl implements RunnerSqlClient {
  private readonly ddlWindow = new RateWindow(60_000);
  /** Fails the checkpoint insert after the next DDL statement (a run killed between the two). */
  killAfterNextStatement = false;
  ddlCalls = 0;

  constructor(
    private readonly file: BetterSqlite3.Database,
    private readonly monitor: LimitMonitor,
    private readonly clock: Clock,
  ) {}

  get ddlMaxPerMinute(): number {
    return this.ddlWindow.max;
  }

  executeDDL(query: string): Promise<{ rows: unknown }> {
    return Promise.resolve().then(() => {
      this.ddlCalls++;
      if (this.ddlWindow.add(this.clock.now()) > SQL.ddlPerMinute)
        this.monitor.violate('sql_ddl_per_minute', `more than ${SQL.ddlPerMinute} DDL calls in a minute`);
      const text = query.trim().replace(/;\s*$/, '');
      if (/^SELECT\b/i.test(text)) return { rows: this.file.prepare(text).all() };
      if (text.includes('__migrations')) {
        // The runner's own ledger (AUTO_INCREMENT and TIMESTAMP are MySQL; this is SQLite).
        this.file.exec(
          'CREATE TABLE IF NOT EXISTS __migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255) NOT NULL, migratedAt TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)',
        );
        return { rows: { affectedRows: 0, insertId: 0 } };
      }
      if (!DDL.test(text))
        this.monitor.violate('sql_ddl_statement', `not a DDL statement: ${text.slice(0, 60)}`);
      if (/^\s*(CREATE|ALTER)/i.test(text) && !IF_NOT_EXISTS.test(text))
        this.monitor.violate('sql_ddl_statement', `DDL without IF NOT EXISTS: ${text.slice(0, 80)}`);
      if (/FOREIGN\s+KEY|REFERENCES|AUTO_INCREMENT/i.test(text))
        this.monitor.violate('sql_ddl_statement', `unsupported DDL: ${text.slice(0, 80)}`);
      const addColumn = ADD_COLUMN.exec(text);
      if (addColumn) {
        const columns = this.file.prepare(`SELECT name FROM pragma_table_info(?)`).all(addColumn[1]) as {
          name: string;
        }[];
        if (!columns.some((c) => c.name.toLowerCase() === addColumn[2]?.toLowerCase()))
          this.file.exec(text.replace(/\s+IF\s+NOT\s+EXISTS/i, ''));
      } else {
        this.file.exec(text);
      }
      return { rows: { affectedRows: 0, insertId: 0 } };
    });
  }

  prepare(query: string) {
    return {
      bindParams: (...params: ForgeSqlParam[]) => ({
        execute: () =>
          Promise.resolve().then(() => {
            if (this.killAfterNextStatement) {
              this.killAfterNextStatement = false;
              throw new Error('invocation killed before the migration was recorded');
            }
            const info = this.file.prepare(query.replace(/;\s*$/, '')).run(...params);
            return { rows: { affectedRows: info.changes, insertId: Number(info.lastInsertRowid) } };
          }),
      }),
    };
  }

  /** The plain SELECT the app uses to ask whether its newest migration is recorded. */
  readonly client: ForgeSqlClient = {
    execute: (query, params) =>
      Promise.resolve().then(() => ({ rows: this.file.prepare(query).all(...params) })),
  };
}
