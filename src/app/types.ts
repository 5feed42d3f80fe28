import type { ResolverKey, ResolverResult } from '../contracts';
import type { Clock } from '../core/ports/clock';
import type { Engines } from '../core/ports/engines';
import type { JiraClientFactory, JiraIssue } from '../core/ports/jira';
import type { Logger } from '../core/ports/logger';
import type { QueuePort } from '../core/ports/queue';
import type { ConfigStore, Storage } from '../core/ports/storage';
import type { Ticket } from '../core/ticket';

/** Turns Jira's issue JSON into the app's Ticket (src/adapters/jira owns the mapping). */
export interface IssueMapper {
  /** The fields to ask Jira for. */
  fields: readonly string[];
  /** Throws when the issue cannot be mapped (the caller treats it as a bad response). */
  toTicket(issue: JiraIssue): Ticket;
}

/** Everything the app needs from the outside: Forge adapters in production, local ones elsewhere. */
export interface AppDeps {
  jira: JiraClientFactory;
  storage: Storage;
  config: ConfigStore;
  queue: QueuePort;
  clock: Clock;
  logger: Logger;
  /** Runs the database migrations (Forge: the SQL migration runner; locally: Kysely's migrator). */
  migrate: () => Promise<void>;
  /** Defaults to the real engines wired over `storage`. */
  engines?: Engines;
  /** Defaults to the Jira adapter's mapping. */
  issues?: IssueMapper;
}

/** Who invoked a resolver: Forge's `context.accountId`, or the workbench's chosen user. */
export interface ResolverContext {
  accountId: string;
  /** The issue of the module the UI runs in, when there is one. */
  issueKey?: string;
}

export type ResolverHandler = (payload: unknown, context: ResolverContext) => Promise<ResolverResult<unknown>>;

export interface App {
  resolvers: Record<ResolverKey, ResolverHandler>;
  /** A product event from the trigger (created / updated / commented issue); queues an ingest. */
  handleIssueEvent(event: unknown): Promise<void>;
  /** The app was installed: queues the first backfill. */
  handleInstalled(): Promise<void>;
  /** One queue message; throws RetryLaterError to be redelivered later. */
  consume(message: unknown): Promise<void>;
  scheduled: {
    slaSweep(): Promise<void>;
    retrain(): Promise<void>;
    migrate(): Promise<void>;
  };
}
