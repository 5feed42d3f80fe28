import type { AdminConfig } from '../../contracts/config';
import type { ModelRepository } from '../train/models';
import type { Clock } from '../ports/clock';
import type { Engines } from '../ports/engines';
import type { JiraClientFactory, JiraIssue } from '../ports/jira';
import type { Logger } from '../ports/logger';
import type { QueuePort } from '../ports/queue';
import type { SchemaPort } from '../ports/schema';
import type { ConfigStore, Storage } from '../ports/storage';
import type { Ticket } from './ticket';
import type { ViewerChecks } from './visibility';

/** Turns Jira's issue JSON into the app's Ticket (src/adapters/jira owns the mapping). */
export interface IssueMapping {
  /** The fields to ask Jira for. */
  fields: readonly string[];
  /** The site's "Customer Request Type" field id (the request type is set through it), if any. */
  requestTypeField: string | null;
  /** The site's team field id (Jira's Team field, set by team id), if any. */
  teamField?: string | null;
  /** Throws when the issue cannot be mapped (the caller treats it as a bad response). */
  toTicket(issue: JiraIssue): Ticket;
}

/** What every use-case runs with: the ports, the engines and the per-invocation model cache. */
export interface CoreContext {
  jira: JiraClientFactory;
  storage: Storage;
  configStore: ConfigStore;
  queue: QueuePort;
  schema: SchemaPort;
  clock: Clock;
  logger: Logger;
  engines: Engines;
  models: ModelRepository;
  issues: IssueMapping;
  /** What each viewer may see, asked of Jira as them (src/core/shared/visibility.ts). */
  viewers: ViewerChecks;
  /** Issues per backfill search page. */
  backfillPageSize: number;
  /** The configuration, loaded at most once per invocation. */
  config(): Promise<AdminConfig>;
}
