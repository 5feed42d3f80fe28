import { join } from 'node:path';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { validate } from '@forge/manifest';
import { forgeQueue } from '../../src/adapters/forge/queue-forge';
import type { App } from '../../src/app/types';
import { ROVO_ACTIONS } from '../../src/contracts/rovo';
import { RESOLVERS } from '../../src/contracts/resolvers';
import type { QueueMessage } from '../../src/core/ports/queue';
import { RetryLaterError } from '../../src/core/ports/queue';
import { forgeHandlers } from '../../src/forge/handlers';

/** An app whose parts record what the Forge glue handed them. */
function recordingApp(consume: App['consume'] = () => Promise.resolve()) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return Promise.resolve({ ok: true as const, data: name });
    };
  const resolvers = Object.fromEntries(
    Object.values(RESOLVERS).map((k) => [k, record(k)]),
    // A recording stand-in: it answers its own name, not what the contracts say.
  ) as unknown as App['resolvers'];
  const rovo = Object.fromEntries(
    Object.keys(ROVO_ACTIONS).map((k) => [k, record(`rovo:${k}`)]),
  ) as App['rovo'];
  const app: App = {
    resolvers,
    rovo,
    handleIssueEvent: async (e) => void (await record('event')(e)),
    handleInstalled: async () => void (await record('installed')()),
    handleUpgraded: async () => void (await record('upgraded')()),
    consume,
    scheduled: {
      slaSweep: () => Promise.resolve(),
      retrain: () => Promise.resolve(),
      migrate: () => Promise.resolve(),
      recount: async () => void (await record('recount')()),
    },
  };
  return { app, calls };
}

type Definitions = (payload: unknown, runtime?: unknown) => Promise<unknown>;

describe('Forge handlers', () => {
  it('dispatches every resolver key with the invoking account and issue', async () => {
    const { app, calls } = recordingApp();
    const handlers = forgeHandlers(() => app);
    const invoke = handlers.resolver as unknown as Definitions;
    for (const key of Object.values(RESOLVERS)) {
      // Forge names the user in the runtime payload; a caller-supplied context cannot.
      const answer = await invoke(
        {
          call: { functionKey: key, payload: { issueKey: 'IT-1' } },
          context: { accountId: 'spoofed', extension: { issue: { key: 'IT-1' } } },
        },
        { principal: { accountId: 'acc-1' } },
      );
      expect(answer).toEqual({ ok: true, data: key });
    }
    expect(calls.map((c) => c.name)).toEqual(Object.values(RESOLVERS));
    expect(calls[0]?.args).toEqual([{ issueKey: 'IT-1' }, { accountId: 'acc-1', issueKey: 'IT-1' }]);
  });

  it('refuses a call without a signed-in user before reaching the app', async () => {
    const { app, calls } = recordingApp();
    const invoke = forgeHandlers(() => app).resolver as unknown as Definitions;
    const answer = await invoke({ call: { functionKey: RESOLVERS.panelGet, payload: {} }, context: {} });
    expect(answer).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unauthenticated' }) as unknown,
    });
    expect(calls).toEqual([]);
  });

  it('turns RetryLaterError into an InvocationError and flags only a delivery near the end of the 24 h window', async () => {
    const seen: unknown[] = [];
    const { app } = recordingApp((message, options) => {
      seen.push(options);
      return Promise.reject(new RetryLaterError(5000, 'rate limited'));
    });
    const handlers = forgeHandlers(() => app);
    const first = await handlers.consume({ body: { kind: 'ingest' } });
    // Forge's InvocationError serialises itself on construction: this is what the platform reads.
    expect(first).toEqual(
      new InvocationError({ retryAfter: 900, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }),
    );
    expect(first).toMatchObject({ _retry: true, retryOptions: { retryAfter: 900 } });
    // Four retries are not the end for a queue event: it is redelivered for 24 h.
    await handlers.consume({
      body: {},
      retryContext: { retryCount: 4, retentionWindow: { remainingTimeMs: 20 * 3_600_000 } },
    });
    await handlers.consume({
      body: {},
      retryContext: { retryCount: 60, retentionWindow: { remainingTimeMs: 10 * 60_000 } },
    });
    expect(seen).toEqual([{ finalAttempt: false }, { finalAttempt: false }, { finalAttempt: true }]);
  });

  it('lets other failures through and returns nothing on success', async () => {
    const failing = forgeHandlers(() => recordingApp(() => Promise.reject(new Error('bug'))).app);
    await expect(failing.consume({ body: {} })).rejects.toThrow('bug');
    const fine = forgeHandlers(() => recordingApp().app);
    await expect(fine.consume({ body: {} })).resolves.toBeUndefined();
  });
});

describe('lifecycle events', () => {
  it('backfills on install and only migrates on upgrade', async () => {
    const { app, calls } = recordingApp();
    const handlers = forgeHandlers(() => app);
    await handlers.installed({ eventType: 'avi:forge:installed:app' });
    await handlers.installed({ eventType: 'avi:forge:upgraded:app' });
    expect(calls.map((c) => c.name)).toEqual(['installed', 'upgraded']);
  });
});

describe('scheduled triggers', () => {
  it('every scheduled trigger in manifest.yml runs an exported handler, the index recount weekly', async () => {
    const read = await validate(false, join(__dirname, '..', '..', 'manifest.yml'));
    const manifest = read.manifestObject?.yamlContent as unknown as {
      modules: {
        scheduledTrigger: { key: string; function: string; interval: string }[];
        function: { key: string; handler: string }[];
      };
    };
    const { app, calls } = recordingApp();
    const handlers: Record<string, unknown> = forgeHandlers(() => app);
    for (const trigger of manifest.modules.scheduledTrigger) {
      const fn = manifest.modules.function.find((f) => f.key === trigger.function);
      expect(fn?.handler).toMatch(/^forge\/index\.\w+$/);
      expect(typeof handlers[fn!.handler.slice('forge/index.'.length)]).toBe('function');
    }
    const recount = manifest.modules.scheduledTrigger.find((t) => t.function === 'recount');
    expect(recount?.interval).toBe('week');
    await (handlers.recount as () => Promise<void>)();
    expect(calls.map((c) => c.name)).toEqual(['recount']);
  });
});

describe('forgeQueue', () => {
  it('pushes in batches of at most 50 with a bounded delay', async () => {
    const pushes: { body: unknown; delayInSeconds?: number }[][] = [];
    const queue = forgeQueue({
      push: (events) => {
        pushes.push(Array.isArray(events) ? events : [events]);
        return Promise.resolve({ jobId: 'j' });
      },
    });
    const messages: QueueMessage[] = Array.from({ length: 120 }, (_, i) => ({
      kind: 'ingest',
      issueId: String(i + 1),
      eventAt: 0,
    }));
    await queue.push(messages, { delaySeconds: 5000 });
    expect(pushes.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pushes[0]?.[0]).toEqual({ body: messages[0], delayInSeconds: 900 });
    await queue.push(messages.slice(0, 1));
    expect(pushes[3]?.[0]).toEqual({ body: messages[0] });
  });
});
