import type { RovoAction } from '../contracts/rovo';
import type { ResolverResult } from '../contracts/common';
import type { ResolverKey, ResolverOutput } from '../contracts/resolvers';
import type { Clock } from '../core/ports/clock';
import type { Engines } from '../core/ports/engines';
import type { JiraClientFactory } from '../core/ports/jira';
import type { Logger } from '../core/ports/logger';
import type { QueuePort } from '../core/ports/queue';
import type { SchemaPort } from '../core/ports/schema';
import type { ConfigStore, Storage } from '../core/ports/storage';
import type { IssueMapping } from '../core/shared/context';

export type { IssueMapping };

/** Everything the app needs from the outside: Forge adapters in production, local ones elsewhere. */
export interface AppDeps {
  jira: JiraClientFactory;
  /** The app's database (createSqlStorage over Forge SQL, MariaDB or SQLite). */
  storage: Storage;
  config: ConfigStore;
  queue: QueuePort;
  clock: Clock;
  logger: Logger;
  /**
   * The schema's state and its migrations (Forge: the SQL migration runner, run in batches by
   * the consumer). Defaults to an already migrated database (SQLite and MariaDB migrate on open).
   */
  schema?: SchemaPort;
  /**
   * The engines the use-cases call: `createEngines(sqlStorage)` (src/app/engines) wires the real
   * ones, the similar search over the same SQL storage's index.
   */
  engines: Engines;
  /** Defaults to the Jira adapter's mapping. */
  issues?: IssueMapping;
  /** Issues per backfill search page (default 100, Jira's cap when fields are asked for). */
  backfillPageSize?: number;
}

/** Who invoked a resolver: Forge's `context.accountId`, or the workbench's chosen user. */
export interface ResolverContext {
  accountId: string;
  /** The issue of the module the UI runs in, when there is one. */
  issueKey?: string;
}

/** One resolver: an untrusted payload in (parsed by the key's contract), the key's answer out. */
export type ResolverHandler<K extends ResolverKey = ResolverKey> = (
  payload: unknown,
  context: ResolverContext,
) => Promise<ResolverResult<ResolverOutput<K>>>;

export type ResolverHandlers = { [K in ResolverKey]: ResolverHandler<K> };

/** A Rovo action: the agent's inputs and the asking user; read-only (src/app/rovo.ts). */
export type RovoHandler = (inputs: unknown, accountId: string) => Promise<ResolverResult<unknown>>;

export interface App {
  resolvers: ResolverHandlers;
  /** The Rovo actions (src/app/rovo.ts): read-only, as the asking user. */
  rovo: Record<RovoAction, RovoHandler>;
  /** A product event from the trigger (created / updated / commented issue); queues an ingest. */
  handleIssueEvent(event: unknown): Promise<void>;
  /** The app was installed: queues the setup (migrations, then the first backfill); no DDL here. */
  handleInstalled(): Promise<void>;
  /** A major version was installed over an older one: queues the setup when the schema is behind. */
  handleUpgraded(): Promise<void>;
  /**
   * One queue message; throws RetryLaterError to be redelivered later. On the queue's last
   * attempt (`finalAttempt`) a transient failure is final too, and a failed job is recorded.
   */
  consume(message: unknown, options?: { finalAttempt?: boolean }): Promise<void>;
  scheduled: {
    slaSweep(): Promise<void>;
    retrain(): Promise<void>;
    /** Hourly: queues the setup when the schema is behind or no backfill was ever started. */
    migrate(): Promise<void>;
    /** Weekly: recomputes the similar index's document frequencies (repairs drift after a crash). */
    recount(): Promise<void>;
  };
}
