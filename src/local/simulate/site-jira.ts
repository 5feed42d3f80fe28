import type { JiraClientFactory } from '../../core/ports/jira';
import { createJiraPort } from '../../adapters/jira/jira-port';
import type { JiraTransport } from '../../adapters/jira/request-core';
import { expandPath } from '../../adapters/jira/routes';
import { handleRoute } from '../emulator/handlers';
import { jiraErrorReply, type Reply } from '../emulator/replies';
import type { Actor, EmulatorSite } from '../emulator/site';
import type { InvocationRuntime } from '../forge-runtime/invocations';
import type { SimClock } from '../forge-runtime/sim-clock';
import type { Rng } from '../../engine/util';
import type { JiraFaults } from './faults';

/** Modelled cost of one `requestJira` round trip, and of each issue a search page carries. */
export const JIRA_COST = { baseMs: 180, perIssueMs: 3 } as const;

const BASE = 'https://sim.atlassian.net';

/**
 * Jira for the simulation: the emulator's own route handlers called in process (no sockets, so
 * a 300,000-ticket site pages in minutes), each call costing simulated time and passing the
 * fault plan first (rate-limit storms with long `Retry-After`, 5xx, 401/403 while the app's
 * permissions propagate after install). Every call is a platform call of the running invocation:
 * past its time limit, or at a planned kill, it fails there.
 */
export function simulatedJira(options: {
  site: EmulatorSite;
  clock: SimClock;
  runtime: InvocationRuntime;
  faults: JiraFaults;
  rng: Rng;
}): JiraClientFactory & { calls: () => number; byRoute: Map<string, { calls: number; ms: number }> } {
  const { site, clock, runtime, faults } = options;
  let calls = 0;
  const byRoute = new Map<string, { calls: number; ms: number }>();
  const transport =
    (actor: Actor): JiraTransport =>
    (request) => {
      runtime.checkpoint();
      calls++;
      const began = performance.now();
      const path = expandPath(request.route, request.params);
      const query =
        request.query && [...request.query.keys()].length > 0 ? `?${request.query.toString()}` : '';
      const url = new URL(`${BASE}${path}${query}`);
      const fault = faults.take(clock.now(), actor.kind === 'app');
      let reply: Reply;
      if (fault !== null) {
        clock.advance(JIRA_COST.baseMs);
        reply = {
          ...jiraErrorReply(fault.status, [
            fault.status === 429 ? 'Rate limit exceeded.' : 'Injected error.',
          ]),
          ...(fault.retryAfterSeconds !== undefined
            ? { headers: { 'Retry-After': String(fault.retryAfterSeconds) } }
            : {}),
        };
      } else {
        // The body travels as JSON both ways, as over HTTP.
        const body: unknown =
          request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body));
        reply = handleRoute(request.route, request.params, { site, base: BASE, actor, url, body });
        const issues = (reply.json as { issues?: unknown[] } | undefined)?.issues;
        clock.advance(JIRA_COST.baseMs + (Array.isArray(issues) ? issues.length * JIRA_COST.perIssueMs : 0));
      }
      const text = reply.json === undefined ? '' : JSON.stringify(reply.json);
      const spent = byRoute.get(request.route) ?? { calls: 0, ms: 0 };
      byRoute.set(request.route, { calls: spent.calls + 1, ms: spent.ms + performance.now() - began });
      const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      return Promise.resolve({
        status: reply.status,
        header: (name: string) => headers.get(name.toLowerCase()) ?? null,
        text: () => Promise.resolve(text),
      });
    };
  const retry = {
    env: { now: () => clock.now(), sleep: clock.sleep, random: () => options.rng() },
  };
  return {
    asUser(accountId?: string) {
      const user = accountId === undefined ? undefined : site.users.get(accountId);
      if (user === undefined) throw new TypeError('the simulated Jira needs a known acting account');
      return createJiraPort(transport({ kind: 'user', user }), retry);
    },
    asApp: () => createJiraPort(transport({ kind: 'app' }), retry),
    calls: () => calls,
    byRoute,
  };
}
