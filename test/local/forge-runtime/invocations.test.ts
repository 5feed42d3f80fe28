import { INVOCATION_MS } from '../../../src/core/shared/platform-limits';
import { InvocationKilledError, InvocationRuntime } from '../../../src/local/forge-runtime/invocations';
import { LimitMonitor } from '../../../src/local/forge-runtime/monitor';
import { SimClock } from '../../../src/local/forge-runtime/sim-clock';

function setup() {
  const clock = new SimClock(1_800_000_000_000);
  const monitor = new LimitMonitor(clock);
  return { clock, monitor, runtime: new InvocationRuntime(clock, monitor) };
}

describe('the limits runtime: invocation time limits', () => {
  it('kills a resolver at its first platform call past 25 s and counts the violation', async () => {
    const { clock, monitor, runtime } = setup();
    let calls = 0;
    const result = await runtime.run('resolver', async () => {
      for (;;) {
        runtime.checkpoint();
        calls++;
        await clock.sleep(5_000);
      }
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(InvocationKilledError);
    expect(calls).toBe(6);
    expect(monitor.counts.invocation_timeout).toBe(1);
    expect(runtime.maxMs.resolver).toBe(INVOCATION_MS.resolver);
  });

  it('lets a consumer run what a resolver may not, and records its longest run', async () => {
    const { clock, monitor, runtime } = setup();
    const result = await runtime.run('consumer', async () => {
      await clock.sleep(60_000);
      runtime.checkpoint();
      return 'done';
    });
    expect(result).toMatchObject({ ok: true, value: 'done' });
    expect(monitor.total).toBe(0);
    expect(runtime.maxMs.consumer).toBeGreaterThanOrEqual(60_000);
  });

  it('kills an invocation at a planned point (the fault plan), without counting a violation', async () => {
    const { monitor, runtime } = setup();
    let calls = 0;
    const result = await runtime.run(
      'trigger',
      () => {
        for (let i = 0; i < 10; i++) {
          runtime.checkpoint();
          calls++;
        }
        return Promise.resolve();
      },
      { killAfterCalls: 3 },
    );
    expect(result.ok).toBe(false);
    expect(calls).toBe(3);
    expect(runtime.kills).toBe(1);
    expect(monitor.total).toBe(0);
  });
});
