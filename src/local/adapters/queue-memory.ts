import type { Logger } from '../../core/ports/logger';
import { silentLogger } from '../../core/ports/logger';
import type { PushOptions, QueueMessage, QueuePort } from '../../core/ports/queue';
import { RetryLaterError } from '../../core/ports/queue';

/** Forge's limits on one event body and on the attempts of one event (1 + 4 retries). */
const MAX_EVENT_BYTES = 100 * 1024;
const DEFAULT_MAX_ATTEMPTS = 5;

export type LocalConsumer = (
  body: unknown,
  delivery: { attempt: number; finalAttempt: boolean },
) => Promise<void>;

export interface LocalQueueOptions {
  /** Attempts per message before it is dead-lettered (Forge: 1 + 4 retries). */
  maxAttempts?: number;
  /**
   * Milliseconds waited per second of requested delay (push delay or retry-after). 0 delivers at
   * once (tests); 1000 is real time.
   */
  msPerDelaySecond?: number;
  /** Deliver by itself after each push (the workbench); otherwise call `drain()` (tests). */
  autoRun?: boolean;
  /** Messages delivered at once (more than 1 lets two consumers race, as Forge can). */
  concurrency?: number;
  logger?: Logger;
}

interface Envelope {
  body: string;
  attempt: number;
  notBefore: number;
}

export interface DeadLetter {
  body: unknown;
  attempts: number;
  error: string;
}

/**
 * An in-process stand-in for a Forge queue with the same delivery semantics: bodies travel as
 * JSON (so nothing non-serialisable slips through), a consumer's RetryLaterError redelivers
 * after its delay, attempts are bounded, the last attempt is flagged, and other errors are
 * final. Delivery order is not guaranteed beyond "not before its delay", as on Forge.
 */
export class LocalQueue implements QueuePort {
  private readonly waiting: Envelope[] = [];
  private consumer: LocalConsumer | null = null;
  private running = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** A drain waiting for the next delayed message: close() wakes it. */
  private wake: (() => void) | null = null;
  readonly deadLetters: DeadLetter[] = [];
  delivered = 0;

  constructor(private readonly options: LocalQueueOptions = {}) {}

  setConsumer(consumer: LocalConsumer): void {
    this.consumer = consumer;
  }

  push(messages: readonly QueueMessage[], options: PushOptions = {}): Promise<void> {
    // A closed queue is a stopped process: what arrives now would never be delivered anyway.
    if (this.closed) return Promise.resolve();
    const notBefore = Date.now() + (options.delaySeconds ?? 0) * (this.options.msPerDelaySecond ?? 0);
    for (const message of messages) {
      const body = JSON.stringify(message);
      if (Buffer.byteLength(body, 'utf8') > MAX_EVENT_BYTES)
        return Promise.reject(new RangeError(`queue event over ${MAX_EVENT_BYTES} bytes`));
      this.waiting.push({ body, attempt: 1, notBefore });
    }
    if (this.options.autoRun === true) this.schedule(0);
    return Promise.resolve();
  }

  /** Messages not yet delivered (including those waiting for a retry). */
  get pending(): number {
    return this.waiting.length + this.running;
  }

  /**
   * Delivers until nothing is left, including messages pushed meanwhile and retries (their
   * delays are honoured at the configured scale). `maxDeliveries` stops a runaway chain.
   */
  async drain(maxDeliveries = 100_000): Promise<void> {
    const limit = this.delivered + maxDeliveries;
    while (!this.closed && (this.waiting.length > 0 || this.running > 0)) {
      if (this.delivered >= limit) throw new Error(`queue still busy after ${maxDeliveries} deliveries`);
      const batch = this.takeReady(this.options.concurrency ?? 1);
      if (batch.length === 0) {
        await this.sleep(Math.max(1, this.nextWait()));
        continue;
      }
      await Promise.all(batch.map((e) => this.deliver(e)));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private takeReady(n: number): Envelope[] {
    const now = Date.now();
    const ready: Envelope[] = [];
    for (let i = 0; i < this.waiting.length && ready.length < n;) {
      const e = this.waiting[i];
      if (e && e.notBefore <= now) {
        ready.push(e);
        this.waiting.splice(i, 1);
      } else i++;
    }
    return ready;
  }

  private nextWait(): number {
    const now = Date.now();
    return Math.min(...this.waiting.map((e) => e.notBefore - now), 1000);
  }

  private async deliver(envelope: Envelope): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) throw new Error('LocalQueue has no consumer');
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const body: unknown = JSON.parse(envelope.body);
    this.running++;
    this.delivered++;
    try {
      await consumer(body, { attempt: envelope.attempt, finalAttempt: envelope.attempt >= maxAttempts });
    } catch (error) {
      if (error instanceof RetryLaterError && envelope.attempt < maxAttempts) {
        const delay = error.retryAfterSeconds * (this.options.msPerDelaySecond ?? 0);
        this.waiting.push({
          body: envelope.body,
          attempt: envelope.attempt + 1,
          notBefore: Date.now() + delay,
        });
      } else {
        this.deadLetters.push({
          body,
          attempts: envelope.attempt,
          error: error instanceof Error ? error.message : String(error),
        });
        (this.options.logger ?? silentLogger).error('queue message dead-lettered', {
          attempts: envelope.attempt,
        });
      }
    } finally {
      this.running--;
    }
  }

  private schedule(delay: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain()
        .catch((error: unknown) =>
          (this.options.logger ?? silentLogger).error('local queue stopped', { error: String(error) }),
        )
        .finally(() => {
          if (this.waiting.length > 0) this.schedule(this.nextWait());
        });
    }, delay);
  }

  /**
   * Stops delivering (tests and shutdown): the auto-run timer is cleared, a drain waiting on a
   * delayed retry ends, and undelivered messages are dropped, as a stopped process loses them.
   */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.length = 0;
    this.wake?.();
  }
}
