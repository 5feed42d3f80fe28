import { LocalQueue } from '../../../src/local/adapters/queue-memory';
import { RetryLaterError } from '../../../src/core/ports/queue';
import type { QueueMessage } from '../../../src/core/ports/queue';

const ingest = (issueId: string): QueueMessage => ({ kind: 'ingest', issueId, eventAt: 0 });

describe('LocalQueue', () => {
  it('delivers JSON copies, including messages pushed while draining', async () => {
    const queue = new LocalQueue();
    const seen: unknown[] = [];
    queue.setConsumer(async (body) => {
      seen.push(body);
      if (seen.length === 1) await queue.push([ingest('2')]);
    });
    const original = ingest('1');
    await queue.push([original]);
    await queue.drain();
    expect(seen).toEqual([ingest('1'), ingest('2')]);
    expect(seen[0]).not.toBe(original);
  });

  it('redelivers after RetryLaterError, flags the last attempt, then dead-letters', async () => {
    const queue = new LocalQueue({ maxAttempts: 3 });
    const deliveries: { attempt: number; finalAttempt: boolean }[] = [];
    queue.setConsumer((_body, delivery) => {
      deliveries.push(delivery);
      return Promise.reject(new RetryLaterError(1, 'busy'));
    });
    await queue.push([ingest('1')]);
    await queue.drain();
    expect(deliveries).toEqual([
      { attempt: 1, finalAttempt: false },
      { attempt: 2, finalAttempt: false },
      { attempt: 3, finalAttempt: true },
    ]);
    expect(queue.deadLetters).toHaveLength(1);
  });

  it('close() ends a drain that waits on a retry, and leaves no timer behind', async () => {
    const queue = new LocalQueue({ maxAttempts: 1000, msPerDelaySecond: 1000 });
    queue.setConsumer(() => Promise.reject(new RetryLaterError(60, 'Jira is rate limiting')));
    await queue.push([ingest('1')]);
    const draining = queue.drain();
    await new Promise((r) => setTimeout(r, 50));
    const timersBefore = process.getActiveResourcesInfo().filter((k) => k === 'Timeout').length;
    queue.close();
    let guard: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      draining.then(() => 'ended'),
      new Promise((r) => (guard = setTimeout(() => r('still waiting'), 1500))),
    ]);
    clearTimeout(guard);
    expect(ended).toBe('ended');
    expect(process.getActiveResourcesInfo().filter((k) => k === 'Timeout').length).toBeLessThan(timersBefore);
    await queue.push([ingest('2')]);
    expect(queue.pending).toBe(0);
  });

  it('does not retry other errors', async () => {
    const queue = new LocalQueue();
    let calls = 0;
    queue.setConsumer(() => {
      calls++;
      return Promise.reject(new Error('bug'));
    });
    await queue.push([ingest('1')]);
    await queue.drain();
    expect(calls).toBe(1);
    expect(queue.deadLetters[0]?.error).toBe('bug');
  });

  it('refuses an event over Forge’s 100 KB limit', async () => {
    const queue = new LocalQueue();
    const huge = {
      kind: 'train',
      fieldIds: Array.from({ length: 30 }, () => 'f'.repeat(4000)),
    } as QueueMessage;
    await expect(queue.push([huge])).rejects.toThrow(/102400 bytes/);
  });

  it('honours push delays at the configured scale', async () => {
    const queue = new LocalQueue({ msPerDelaySecond: 20 });
    const at: number[] = [];
    queue.setConsumer(() => {
      at.push(Date.now());
      return Promise.resolve();
    });
    const start = Date.now();
    await queue.push([ingest('1')], { delaySeconds: 2 });
    await queue.drain();
    expect(at[0]! - start).toBeGreaterThanOrEqual(35);
  });

  it('runs by itself in auto mode', async () => {
    const queue = new LocalQueue({ autoRun: true });
    const done = new Promise<unknown>((resolve) =>
      queue.setConsumer((body) => Promise.resolve(resolve(body))),
    );
    await queue.push([ingest('7')]);
    await expect(done).resolves.toEqual(ingest('7'));
    queue.close();
  });
});
