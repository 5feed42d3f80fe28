import { QUEUE } from '../../../src/core/shared/platform-limits';
import type { QueueMessage } from '../../../src/core/ports/queue';
import { createRng } from '../../../src/engine/util';
import { ForgeQueue } from '../../../src/local/forge-runtime/forge-queue';
import type { QueueDelivery } from '../../../src/local/forge-runtime/forge-queue';
import { InvocationRuntime } from '../../../src/local/forge-runtime/invocations';
import { LimitMonitor } from '../../../src/local/forge-runtime/monitor';
import { SimClock } from '../../../src/local/forge-runtime/sim-clock';
import { Timeline } from '../../../src/local/simulate/timeline';

type Answer = { ok: true; value: unknown } | { ok: false; error: unknown };

function setup(consumer: (d: QueueDelivery) => Answer, duplicateRate = 0) {
  const clock = new SimClock(1_800_000_000_000);
  const monitor = new LimitMonitor(clock);
  const runtime = new InvocationRuntime(clock, monitor);
  const timeline = new Timeline();
  const seen: { at: number; delivery: QueueDelivery }[] = [];
  const queue = new ForgeQueue({
    clock,
    monitor,
    runtime,
    rng: createRng(3),
    duplicateRate,
    schedule: (at, label, run) => timeline.add({ at, kind: 'consumer', label, run }),
    invoke: (delivery) => {
      seen.push({ at: clock.now(), delivery });
      return Promise.resolve(consumer(delivery));
    },
  });
  const drain = async () => {
    for (let item = timeline.pop(); item !== undefined; item = timeline.pop()) {
      clock.advanceTo(item.at);
      await item.run();
    }
  };
  return { clock, monitor, queue, seen, drain };
}

const ingest = (n: number): QueueMessage[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'ingest', issueId: String(10_000 + i), eventAt: 0 }));
const ok = (): Answer => ({ ok: true, value: undefined });

describe('the limits runtime: Forge queue', () => {
  it('refuses a push of more than 50 events, and one with a delay over 900 s', async () => {
    const { queue, monitor } = setup(ok);
    await expect(queue.push(ingest(QUEUE.eventsPerPush + 1))).rejects.toThrow('queue_events_per_push');
    await expect(queue.push(ingest(1), { delaySeconds: 901 })).rejects.toThrow('queue_delay_seconds');
    expect(monitor.counts.queue_events_per_push).toBe(1);
    expect(monitor.counts.queue_delay_seconds).toBe(1);
  });

  it('refuses a push over 200 KB and an event over 100 KB', async () => {
    const { queue, monitor } = setup(ok);
    const big = (bytes: number): QueueMessage => ({ kind: 'backfill', runId: 'x'.repeat(bytes) });
    await expect(queue.push([big(QUEUE.eventBytes)])).rejects.toThrow('queue_event_bytes');
    await expect(queue.push(Array.from({ length: 3 }, () => big(QUEUE.eventBytes * 0.9)))).rejects.toThrow(
      'queue_push_bytes',
    );
    expect(monitor.counts.queue_event_bytes).toBe(1);
    expect(monitor.counts.queue_push_bytes).toBe(1);
  });

  it('refuses the 501st event in a minute, and accepts again a minute later', async () => {
    const { queue, monitor, clock } = setup(ok);
    for (let i = 0; i < 10; i++) await queue.push(ingest(50));
    await expect(queue.push(ingest(1))).rejects.toThrow('queue_events_per_minute');
    clock.advance(61_000);
    await expect(queue.push(ingest(1))).resolves.toBeUndefined();
    expect(monitor.counts.queue_events_per_minute).toBe(1);
  });

  it('counts chained pushes and refuses the 1,001st', async () => {
    let pushes = 0;
    const holder: { queue: ForgeQueue | null } = { queue: null };
    const { queue, monitor, drain } = setup(() => {
      pushes++;
      void holder.queue?.push(ingest(1)).catch(() => undefined);
      return { ok: true, value: undefined };
    });
    holder.queue = queue;
    await queue.push(ingest(1));
    await drain();
    expect(monitor.counts.queue_chained_pushes).toBe(1);
    expect(pushes).toBe(QUEUE.chainedPushes);
  });

  it('redelivers after an InvocationError retryAfter and after a failure, with retryContext', async () => {
    let calls = 0;
    const { queue, seen, drain } = setup(() => {
      calls++;
      if (calls === 1) return { ok: true, value: { _retry: true, retryOptions: { retryAfter: 600 } } };
      if (calls === 2) return { ok: false, error: new Error('killed') };
      return { ok: true, value: undefined };
    });
    await queue.push(ingest(1));
    await drain();
    expect(seen).toHaveLength(3);
    const [a, b] = seen;
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(600_000);
    expect(seen[0]?.delivery.retryContext).toBeUndefined();
    expect(seen[2]?.delivery.retryContext?.retryCount).toBe(2);
    expect(queue.pending).toBe(0);
  });

  it('keeps retrying far past four retries, then drops the event when its 24 h window ends', async () => {
    const { queue, seen, monitor, drain } = setup(() => ({
      ok: true,
      value: { _retry: true, retryOptions: { retryAfter: 900 } },
    }));
    await queue.push(ingest(1));
    await drain();
    expect(seen.length).toBeGreaterThan(90);
    expect(monitor.counts.queue_retention).toBe(1);
    expect(queue.expired).toHaveLength(1);
  });

  it('delivers some events twice (at least once, not exactly once)', async () => {
    const { queue, seen, drain } = setup(ok, 0.5);
    await queue.push(ingest(40));
    await drain();
    const ids = seen.map((s) => (s.delivery.body as { issueId: string }).issueId);
    expect(ids.length).toBeGreaterThan(new Set(ids).size);
    expect(new Set(ids).size).toBe(40);
  });
});
