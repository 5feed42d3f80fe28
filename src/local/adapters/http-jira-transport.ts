import type { JiraClientFactory, JiraPort } from '../../core/ports/jira';
import { createJiraPort } from '../../adapters/jira/jira-port';
import type { JiraTransport, RequestCoreOptions } from '../../adapters/jira/request-core';
import { expandPath, JIRA_ROUTES } from '../../adapters/jira/routes';

export interface LocalJiraOptions extends RequestCoreOptions {
  /** The emulator's (or any Jira-compatible server's) base URL, e.g. `http://127.0.0.1:4100`. */
  baseUrl: string;
  /** Per-request timeout; a request that takes longer counts as "no answer" and may be retried. */
  timeoutMs?: number;
}

/** The emulator's stand-in for Forge's authentication: who the call acts as. */
export function emulatorAuthorization(actor: { kind: 'app' } | { kind: 'user'; accountId: string }): string {
  return actor.kind === 'app' ? 'Bearer app' : `Bearer user:${actor.accountId}`;
}

/** HTTP to a Jira-compatible server with the emulator's authorization header. */
export function fetchTransport(options: LocalJiraOptions, authorization: string): JiraTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (request) => {
    const query = request.query && [...request.query.keys()].length > 0 ? `?${request.query.toString()}` : '';
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: authorization };
    const init: RequestInit = {
      method: JIRA_ROUTES[request.route].method,
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    const response = await fetch(`${base}${expandPath(request.route, request.params)}${query}`, init);
    // Read the body under the same timeout: a server may send headers and then stall.
    const body = await response.text();
    return {
      status: response.status,
      header: (name) => response.headers.get(name),
      text: () => Promise.resolve(body),
    };
  };
}

/** Jira over HTTP for the CLI, the workbench and the tests (against the local JSM emulator). */
export function localJiraClients(options: LocalJiraOptions): JiraClientFactory {
  return {
    asUser(accountId?: string): JiraPort {
      if (accountId === undefined) throw new TypeError('the local Jira client needs the acting account id');
      return createJiraPort(
        fetchTransport(options, emulatorAuthorization({ kind: 'user', accountId })),
        options,
      );
    },
    asApp(): JiraPort {
      return createJiraPort(fetchTransport(options, emulatorAuthorization({ kind: 'app' })), options);
    },
  };
}
