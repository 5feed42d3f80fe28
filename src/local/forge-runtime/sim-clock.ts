import type { Clock } from '../../core/ports/clock';

/**
 * Simulated time for the Forge-limits runtime: it runs with the real clock's progress (what the
 * app's own computation takes) plus the modelled latency of every platform call and every wait
 * the runtime skips (queue delays, Retry-After), so an hour-long wait costs nothing real.
 */
export class SimClock implements Clock {
  private skipped = 0;
  private readonly realStart = performance.now();

  constructor(private readonly start: number) {}

  now(): number {
    return Math.floor(this.start + (performance.now() - this.realStart) + this.skipped);
  }

  /** Moves simulated time on without waiting (a modelled latency or a skipped wait). */
  advance(ms: number): void {
    if (ms > 0) this.skipped += ms;
  }

  /** Moves simulated time to `at` if it is still ahead. */
  advanceTo(at: number): void {
    this.advance(at - this.now());
  }

  /** A sleep that costs no real time. */
  readonly sleep = (ms: number): Promise<void> => {
    this.advance(ms);
    return Promise.resolve();
  };
}
