import type { Clock } from '../../core/ports/clock';

/**
 * Every platform limit the local Forge-limits runtime models, by the name `simulate install`
 * reports it under. Each is checked where the platform would check it (src/local/forge-runtime/*),
 * with the number from src/core/shared/platform-limits.ts.
 */
export const LIMIT_NAMES = [
  'invocation_timeout',
  'sql_ddl_per_minute',
  'sql_ddl_statement',
  'sql_policy',
  'sql_request_bytes',
  'sql_response_bytes',
  'sql_query_memory',
  'sql_dml_per_second',
  'sql_query_ms_per_minute',
  'sql_statement_timeout',
  'sql_storage_bytes',
  'queue_events_per_push',
  'queue_push_bytes',
  'queue_event_bytes',
  'queue_delay_seconds',
  'queue_events_per_minute',
  'queue_chained_pushes',
  'queue_retention',
  'product_event_retries',
  'invoke_request_bytes',
  'invoke_response_bytes',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/** What Forge does when a limit is hit: the call fails (rate limits, sizes) or the invocation is killed. */
export class ForgeLimitError extends Error {
  override readonly name = 'ForgeLimitError';
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(`${limit}: ${message}`);
  }
}

/** Counts the limits an app ran into, and makes each one fail the way Forge would. */
export class LimitMonitor {
  readonly counts: Record<LimitName, number> = Object.fromEntries(LIMIT_NAMES.map((n) => [n, 0])) as Record<
    LimitName,
    number
  >;
  readonly details: { limit: LimitName; message: string; at: number }[] = [];

  constructor(private readonly clock: Clock) {}

  /** Records a violation and throws what the platform would throw. */
  violate(limit: LimitName, message: string): never {
    this.counts[limit]++;
    if (this.details.length < 200) this.details.push({ limit, message, at: this.clock.now() });
    throw new ForgeLimitError(limit, message);
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

/** Events in a sliding window of `windowMs`, for per-second and per-minute rate limits. */
export class RateWindow {
  private readonly times: number[] = [];
  private head = 0;
  max = 0;

  constructor(private readonly windowMs: number) {}

  /** Adds `n` events at `now` and returns how many fall in the window ending now. */
  add(now: number, n = 1): number {
    for (let i = 0; i < n; i++) this.times.push(now);
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.windowMs) this.head++;
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    const count = this.times.length - this.head;
    this.max = Math.max(this.max, count);
    return count;
  }
}

/** A window that sums amounts (query milliseconds per minute). */
export class SumWindow {
  private readonly items: { at: number; amount: number }[] = [];
  private sum = 0;

  constructor(private readonly windowMs: number) {}

  add(now: number, amount: number): number {
    this.items.push({ at: now, amount });
    this.sum += amount;
    while (this.items.length > 0 && (this.items[0]?.at ?? 0) <= now - this.windowMs) {
      this.sum -= this.items.shift()?.amount ?? 0;
    }
    return this.sum;
  }
}
