import { INVOCATION_MS, type FunctionKind } from '../../core/shared/platform-limits';
import type { LimitMonitor } from './monitor';
import type { SimClock } from './sim-clock';

/** The platform stopped the invocation (its time limit, or a fault that kills it at a random point). */
export class InvocationKilledError extends Error {
  override readonly name = 'InvocationKilledError';
}

interface Running {
  kind: FunctionKind;
  start: number;
  limitMs: number;
  /** Platform calls left before a planned kill (null: none planned). */
  killAfterCalls: number | null;
  killed: boolean;
}

/**
 * Runs Forge functions one at a time under their time limits. Every platform call the local
 * adapters make first asks `checkpoint()`: past the limit the invocation is killed there (and
 * counted as a violation), or where the fault plan chose to kill it. The longest run per
 * function kind is kept for the report.
 */
export class InvocationRuntime {
  private current: Running | null = null;
  readonly maxMs: Record<FunctionKind, number> = { resolver: 0, trigger: 0, consumer: 0, scheduled: 0 };
  invocations = 0;
  kills = 0;

  constructor(
    private readonly clock: SimClock,
    private readonly monitor: LimitMonitor,
  ) {}

  get kind(): FunctionKind | null {
    return this.current?.kind ?? null;
  }

  /** Milliseconds the running invocation has left (Infinity outside one). */
  remainingMs(): number {
    const c = this.current;
    return c === null ? Infinity : c.limitMs - (this.clock.now() - c.start);
  }

  async run<T>(
    kind: FunctionKind,
    work: () => Promise<T>,
    options: { limitMs?: number; killAfterCalls?: number } = {},
  ): Promise<{ ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number }> {
    if (this.current !== null) throw new Error('the runtime runs one invocation at a time');
    const running: Running = {
      kind,
      start: this.clock.now(),
      limitMs: options.limitMs ?? INVOCATION_MS[kind],
      killAfterCalls: options.killAfterCalls ?? null,
      killed: false,
    };
    this.current = running;
    this.invocations++;
    try {
      const value = await work();
      this.checkpoint();
      return { ok: true, value, ms: this.finish(running) };
    } catch (error) {
      return { ok: false, error, ms: this.finish(running) };
    } finally {
      this.current = null;
    }
  }

  private finish(running: Running): number {
    const ms = Math.min(this.clock.now() - running.start, running.limitMs);
    this.maxMs[running.kind] = Math.max(this.maxMs[running.kind], ms);
    return ms;
  }

  /** Called before each platform call: kills the invocation past its limit or at a planned point. */
  checkpoint(): void {
    const c = this.current;
    if (c === null) return;
    if (c.killed) throw new InvocationKilledError('the invocation was already stopped');
    if (c.killAfterCalls !== null && c.killAfterCalls-- <= 0) {
      c.killed = true;
      this.kills++;
      throw new InvocationKilledError('the platform stopped the invocation (fault plan)');
    }
    if (this.clock.now() - c.start > c.limitMs) {
      c.killed = true;
      this.kills++;
      try {
        this.monitor.violate('invocation_timeout', `${c.kind} ran past ${c.limitMs} ms`);
      } catch (error) {
        throw new InvocationKilledError(error instanceof Error ? error.message : 'timed out');
      }
    }
  }
}
