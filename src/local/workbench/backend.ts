import type { RovoAction } from '../../contracts/rovo';
import type { WorkbenchUser } from './users';

/** A raw answer from the emulator, passed through to the browser by the Jira proxy. */
export interface JiraAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Forge's invocation context as the Custom UI and the resolvers see it. */
export interface ForgeContext {
  accountId: string;
  cloudId: string;
  localId: string;
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
  moduleKey: string;
  extension: {
    type: 'jira:issueContext' | 'jira:adminPage' | 'jiraServiceManagement:queuePage';
    issue?: { key: string; id: string; type: string };
    project?: { key: string };
  };
}

/** How far the background backfill and training have got, shown in the workbench header. */
export interface WarmupStatus {
  phase: 'starting' | 'backfill' | 'training' | 'ready' | 'failed';
  message: string;
}

/**
 * Everything the HTTP layer needs from the running app: the emulator (as Jira REST), the app's
 * resolvers, and who may act. The server is written against this so its routes are tested with
 * the real app and emulator, yet do not depend on how they are wired.
 */
export interface WorkbenchBackend {
  users(): readonly WorkbenchUser[];
  /** The service desk projects: the list shows them, new tickets go into the chosen one. */
  projectKeys: readonly string[];
  /** JSM request types per project, for the create form. */
  requestTypes: readonly { projectKey: string; name: string }[];
  /** One Jira REST call to the emulator acting as `accountId`; `path` starts with `/rest/`. */
  jira(method: string, path: string, body: Buffer | undefined, accountId: string): Promise<JiraAnswer>;
  /** Runs a resolver as Forge would; throws what the resolver throws. */
  invoke(functionKey: string, payload: unknown, context: ForgeContext): Promise<unknown>;
  /** A Rovo action as Rovo would call it for this user (src/app/rovo.ts). */
  rovo(action: RovoAction, inputs: unknown, accountId: string): Promise<unknown>;
  status(): WarmupStatus;
}
