import type { Rng } from '../../engine/util';

/** One Jira fault: the status to answer with and, for a 429, the `Retry-After` in seconds. */
export interface JiraFault {
  status: number;
  retryAfterSeconds?: number;
}

/** A window of simulated time in which every Jira call is refused with a 429. */
export interface Storm {
  start: number;
  end: number;
}

/**
 * The simulation's fault plan, `default` or `none`. The default one is what the issue lists:
 * rate-limit storms with hour-long `Retry-After` (Jira's hourly points quota), scattered 5xx,
 * invocations killed at random points, duplicate and reordered queue and product events, 401/403
 * on app calls while permissions propagate after install, a bulk edit of 5,000 issues during the
 * backfill and a minor deploy with a new migration.
 */
export interface FaultSettings {
  /** Probability that one Jira call answers 500/503. */
  serverErrorRate: number;
  /** Rate-limit storms: how many, and how long each lasts. */
  storms: number;
  stormMs: number;
  /** After install, app calls are refused 401/403 for this long (permissions arriving). */
  permissionLagMs: number;
  /** Probability that a consumer, trigger or scheduled invocation is killed at a random call. */
  killRate: number;
  /** Probability that a queue or product event is delivered twice. */
  duplicateRate: number;
  /** Queue deliveries are shuffled by up to this much (out-of-order delivery). */
  reorderMs: number;
  /** Issues the bulk edit changes during the backfill (0: none). */
  bulkEdit: number;
  /** Whether a minor deploy with a new migration lands during the backfill. */
  minorDeploy: boolean;
  /** Probability that a scheduled trigger fires twice. */
  scheduledTwiceRate: number;
}

export const FAULT_PLANS: Record<'default' | 'none', FaultSettings> = {
  default: {
    serverErrorRate: 0.01,
    storms: 3,
    stormMs: 60 * 60_000,
    permissionLagMs: 10 * 60_000,
    killRate: 0.03,
    duplicateRate: 0.05,
    reorderMs: 30_000,
    bulkEdit: 5_000,
    minorDeploy: true,
    scheduledTwiceRate: 0.1,
  },
  none: {
    serverErrorRate: 0,
    storms: 0,
    stormMs: 0,
    permissionLagMs: 0,
    killRate: 0,
    duplicateRate: 0,
    reorderMs: 0,
    bulkEdit: 0,
    minorDeploy: false,
    scheduledTwiceRate: 0,
  },
};
export type FaultPlanName = keyof typeof FAULT_PLANS;

/** Decides, call by call, which Jira calls fail and how. */
export class JiraFaults {
  readonly storms: Storm[] = [];
  fired = { rateLimited: 0, serverErrors: 0, permission: 0 };

  constructor(
    private readonly settings: FaultSettings,
    private readonly rng: Rng,
    private readonly installedAt: number,
  ) {}

  /** Places the storms inside the expected span of the backfill. */
  planStorms(spanMs: number): void {
    for (let i = 0; i < this.settings.storms; i++) {
      const start =
        this.installedAt + Math.floor(((i + 0.5 + 0.4 * (this.rng() - 0.5)) / this.settings.storms) * spanMs);
      this.storms.push({ start, end: start + this.settings.stormMs });
    }
  }

  take(now: number, asApp: boolean): JiraFault | null {
    if (asApp && now - this.installedAt < this.settings.permissionLagMs) {
      this.fired.permission++;
      return { status: this.rng() < 0.5 ? 401 : 403 };
    }
    const storm = this.storms.find((s) => s.start <= now && now < s.end);
    if (storm) {
      this.fired.rateLimited++;
      return { status: 429, retryAfterSeconds: Math.max(1, Math.ceil((storm.end - now) / 1000)) };
    }
    if (this.rng() < this.settings.serverErrorRate) {
      this.fired.serverErrors++;
      return { status: this.rng() < 0.5 ? 500 : 503 };
    }
    return null;
  }
}
