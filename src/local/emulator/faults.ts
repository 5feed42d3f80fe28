import { z } from 'zod';
import { JIRA_ROUTES, type RouteId } from '../../adapters/jira/routes';

/**
 * Faults the emulator can inject, per route: what a busy or broken Jira does to a client.
 *
 * - `status`: answer with this status (429 with `Retry-After`, 500, 503, ...).
 * - `delay`: answer normally, but only after `ms`.
 * - `hang`: never answer (the client's timeout must fire).
 * - `drop`: close the connection without an answer.
 * - `malformed`: answer 200 with a body that is not JSON.
 * - `expire-token`: a search page token stops working (400), as when a page disappears.
 */
export const Fault = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('drop') }),
  z.object({ kind: z.literal('malformed') }),
  z.object({ kind: z.literal('expire-token') }),
]);
export type Fault = z.infer<typeof Fault>;

const routeIds = Object.keys(JIRA_ROUTES) as [RouteId, ...RouteId[]];

export const FaultRule = z.object({
  /** A route of the shared list, or `*` for every route. */
  route: z.union([z.enum(routeIds), z.literal('*')]),
  fault: Fault,
  /** How many matching calls get the fault (default 1). */
  times: z.number().int().min(1).max(1_000_000).default(1),
  /** Let this many matching calls through first (default 0). */
  after: z.number().int().min(0).max(1_000_000).default(0),
});
export type FaultRule = z.infer<typeof FaultRule>;
export type FaultRuleInput = z.input<typeof FaultRule>;

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  fired: number;
}

export class FaultPlan {
  private rules: ActiveRule[] = [];

  add(input: FaultRuleInput): void {
    this.rules.push({ rule: FaultRule.parse(input), seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, if a rule fires; `expire-token` only fires on calls that carry one. */
  take(route: RouteId, hasPageToken: boolean): Fault | null {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.route !== '*' && rule.route !== route) continue;
      if (rule.fault.kind === 'expire-token' && !hasPageToken) continue;
      active.seen += 1;
      if (active.seen <= rule.after || active.fired >= rule.times) continue;
      active.fired += 1;
      return rule.fault;
    }
    return null;
  }

  /** How many faults have fired so far (tests check that the client actually met them). */
  firedCount(): number {
    return this.rules.reduce((n, r) => n + r.fired, 0);
  }
}
