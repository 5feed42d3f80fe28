import type { App } from '../../app/types';
import { emulatorAuthorization } from '../adapters/http-jira-transport';
import type { ResolverKey } from '../../contracts/resolvers';
import type { ForgeContext, JiraAnswer, WarmupStatus, WorkbenchBackend } from './backend';
import type { WorkbenchUser } from './users';

export interface AppBackendOptions {
  /** A fresh app per call, as Forge runs one per invocation. */
  app: () => App;
  /** The emulator's base URL. */
  jiraUrl: string;
  users: () => readonly WorkbenchUser[];
  projectKeys: readonly string[];
  requestTypes: readonly { projectKey: string; name: string }[];
  status: () => WarmupStatus;
}

/** The workbench's HTTP layer over the real app (resolvers) and the emulator (Jira REST). */
export function appBackend(options: AppBackendOptions): WorkbenchBackend {
  const base = options.jiraUrl.replace(/\/+$/, '');
  return {
    users: options.users,
    projectKeys: options.projectKeys,
    requestTypes: options.requestTypes,
    status: options.status,
    async jira(
      method: string,
      path: string,
      body: Buffer | undefined,
      accountId: string,
    ): Promise<JiraAnswer> {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: emulatorAuthorization({ kind: 'user', accountId }),
      };
      if (body !== undefined && body.length > 0) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined && body.length > 0 ? { body } : {}),
        signal: AbortSignal.timeout(15_000),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: Buffer.from(await response.arrayBuffer()),
      };
    },
    rovo(action, inputs, accountId) {
      return options.app().rovo[action](inputs, accountId);
    },
    invoke(functionKey: string, payload: unknown, context: ForgeContext): Promise<unknown> {
      const handler = options.app().resolvers[functionKey as ResolverKey];
      const issueKey = context.extension.issue?.key;
      return handler(payload, {
        accountId: context.accountId,
        ...(issueKey === undefined ? {} : { issueKey }),
      });
    },
  };
}
