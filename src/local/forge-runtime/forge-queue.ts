import { QUEUE } from '../../core/shared/platform-limits';
import type { PushOptions, QueueMessage, QueuePort } from '../../core/ports/queue';
import type { Rng } from '../../engine/util';
import type { InvocationRuntime } from './invocations';
import { RateWindow } from './monitor';
import type { LimitMonitor } from './monitor';
import type { SimClock } from './sim-clock';

/** What a Forge consumer receives: the body and, on a redelivery only, `retryContext`. */
export interface QueueDelivery {
  body: unknown;
  retryContext?: { retryCount: number; retentionWindow: { remainingTimeMs: number } };
}

/** What the consumer function returned: `InvocationError`'s JSON asks for a retry. */
interface RetryAnswer {
  _retry?: unknown;
  retryOptions?: { retryAfter?: unknown };
}

interface QueuedEvent {
  id: number;
  body: string;
  createdAt: number;
  retries: number;
  /** Push calls in the chain that led to this event (Forge allows 1,000). */
  chain: number;
}

export interface ForgeQueueOptions {
  clock: SimClock;
  monitor: LimitMonitor;
  runtime: InvocationRuntime;
  rng: Rng;
  /** Plans one consumer invocation at `at`. */
  schedule(at: number, label: string, run: () => Promise<void>): void;
  /** Runs the consumer function under the runtime; resolves to its answer, or ok: false. */
  invoke(delivery: QueueDelivery): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  /** Probability that an event is delivered twice; deliveries shuffled by up to `reorderMs`. */
  duplicateRate?: number;
  reorderMs?: number;
}

/**
 * A Forge queue as the async-events documentation describes it: `push()` refused past 50
 * events, 200 KB, 100 KB an event, a 900 s delay, 500 events a minute and 1,000 chained pushes;
 * delivery at least once (sometimes twice), in no promised order, retried with exponential
 * backoff (gaps up to 15 min) after any failure, timeouts included, or after the `retryAfter`
 * an `InvocationError` asks for, until delivered or 24 h after the push, when it is dropped.
 */
export class ForgeQueue implements QueuePort {
  private readonly perMinute = new RateWindow(60_000);
  private nextId = 1;
  /** The chain of the event the running consumer was given (0 outside a consumer). */
  private currentChain = 0;
  private readonly outstanding = new Map<number, number>();
  pushed = 0;
  delivered = 0;
  retried = 0;
  /** Events dropped at the end of the retention window. */
  expired: string[] = [];

  constructor(private readonly options: ForgeQueueOptions) {}

  /** Events with a delivery still planned (first, duplicate or retry). */
  get pending(): number {
    return this.outstanding.size;
  }

  push(messages: readonly QueueMessage[], pushOptions: PushOptions = {}): Promise<void> {
    return Promise.resolve().then(() => {
      const { clock, monitor, runtime } = this.options;
      runtime.checkpoint();
      clock.advance(25);
      if (messages.length > QUEUE.eventsPerPush)
        monitor.violate('queue_events_per_push', `${messages.length} events in one push`);
      const bodies = messages.map((m) => JSON.stringify(m));
      const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), 0);
      if (bytes > QUEUE.pushBytes) monitor.violate('queue_push_bytes', `${bytes} bytes in one push`);
      if (bodies.some((b) => Buffer.byteLength(b, 'utf8') > QUEUE.eventBytes))
        monitor.violate('queue_event_bytes', `an event over ${QUEUE.eventBytes} bytes`);
      const delay = pushOptions.delaySeconds ?? 0;
      if (delay > QUEUE.maxDelaySeconds || delay < 0)
        monitor.violate('queue_delay_seconds', `delayInSeconds ${delay}`);
      if (this.perMinute.add(clock.now(), messages.length) > QUEUE.eventsPerMinute)
        monitor.violate('queue_events_per_minute', `more than ${QUEUE.eventsPerMinute} events in a minute`);
      const chain = this.currentChain + 1;
      if (chain > QUEUE.chainedPushes) monitor.violate('queue_chained_pushes', `push chain ${chain}`);
      for (const body of bodies) {
        const event: QueuedEvent = { id: this.nextId++, body, createdAt: clock.now(), retries: 0, chain };
        this.pushed++;
        this.plan(event, clock.now() + delay * 1000);
        if (this.options.rng() < (this.options.duplicateRate ?? 0))
          this.plan(event, clock.now() + delay * 1000);
      }
    });
  }

  private plan(event: QueuedEvent, at: number): void {
    const jitter = Math.floor(this.options.rng() * (this.options.reorderMs ?? 0));
    const kind = (JSON.parse(event.body) as { kind?: string }).kind ?? '?';
    this.outstanding.set(event.id, (this.outstanding.get(event.id) ?? 0) + 1);
    this.options.schedule(at + 200 + jitter, `consume:${kind}`, () => this.deliver(event));
  }

  private async deliver(event: QueuedEvent): Promise<void> {
    const { clock, monitor } = this.options;
    // Every planned delivery happens, duplicates included (at least once, not exactly once).
    const left = (this.outstanding.get(event.id) ?? 1) - 1;
    if (left > 0) this.outstanding.set(event.id, left);
    else this.outstanding.delete(event.id);
    const retentionLeft = event.createdAt + QUEUE.retentionMs - clock.now();
    const delivery: QueueDelivery = {
      body: JSON.parse(event.body) as unknown,
      ...(event.retries > 0
        ? { retryContext: { retryCount: event.retries, retentionWindow: { remainingTimeMs: retentionLeft } } }
        : {}),
    };
    this.delivered++;
    this.currentChain = event.chain;
    const result = await this.options.invoke(delivery);
    this.currentChain = 0;
    let waitMs: number | null = null;
    if (!result.ok) {
      waitMs = Math.min(QUEUE.maxBackoffMs, 10_000 * 2 ** event.retries);
    } else {
      const answer = result.value as RetryAnswer | undefined;
      if (answer !== undefined && answer !== null && answer._retry === true) {
        const after = Number(answer.retryOptions?.retryAfter ?? 1);
        waitMs = Math.max(1, Math.min(QUEUE.maxDelaySeconds, Number.isFinite(after) ? after : 1)) * 1000;
      }
    }
    if (waitMs === null) return;
    const again = { ...event, retries: event.retries + 1 };
    if (clock.now() + waitMs > event.createdAt + QUEUE.retentionMs) {
      this.expired.push(event.body);
      try {
        monitor.violate(
          'queue_retention',
          `an event was not delivered within 24 h: ${event.body.slice(0, 80)}`,
        );
      } catch {
        // Counted: Forge drops the event.
      }
      return;
    }
    this.retried++;
    this.plan(again, clock.now() + waitMs);
  }
}
