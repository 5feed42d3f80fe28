import type { SchemaPort } from '../../src/core/ports/schema';
import { startHarness } from './harness';

/** A schema behind by `pending` batches, whose first `failures` batches throw. */
function laggingSchema(pending: number, failures = 0) {
  const state = { pending, failures, batches: 0, checks: 0 };
  const schema: SchemaPort = {
    isCurrent: () => {
      state.checks++;
      return Promise.resolve(state.pending === 0);
    },
    migrateBatch: () => {
      state.batches++;
      if (state.failures > 0) {
        state.failures--;
        return Promise.reject(new Error('Failed to execute migration'));
      }
      state.pending = Math.max(0, state.pending - 1);
      return Promise.resolve({ applied: 1, remaining: state.pending });
    },
  };
  return { schema, state };
}

describe('install and schema setup', () => {
  it('migrates in the consumer, never in the install trigger, then backfills', async () => {
    const { schema, state } = laggingSchema(2);
    const h = await startHarness({ tickets: 30, trigger: false, schema });
    try {
      await h.app.handleInstalled();
      expect(state.batches).toBe(0);
      expect(await h.storage.jobs.get('backfill')).toBeNull();
      await h.queue.drain();
      expect(state.batches).toBe(2);
      expect((await h.storage.jobs.get('backfill'))?.status.state).toBe('done');
      expect(await h.storage.tickets.count()).toBe(h.site.allIssues().length);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('still backfills when migrations fail at first (the setup message is retried)', async () => {
    const { schema, state } = laggingSchema(1, 2);
    const h = await startHarness({ tickets: 20, trigger: false, schema, maxAttempts: 10 });
    try {
      await h.app.handleInstalled();
      await h.queue.drain();
      expect(state.batches).toBe(3);
      expect((await h.storage.jobs.get('backfill'))?.status.state).toBe('done');
      expect(h.queue.deadLetters).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('the hourly check starts a backfill that was never started, once', async () => {
    const h = await startHarness({ tickets: 20, trigger: false });
    try {
      await h.app.scheduled.migrate();
      await h.app.scheduled.migrate();
      await h.queue.drain();
      expect((await h.storage.jobs.get('backfill'))?.status.state).toBe('done');
      expect(await h.storage.tickets.count()).toBe(h.site.allIssues().length);
      await h.app.scheduled.migrate();
      expect(h.queue.pending).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('after a minor deploy, work waits for the new migration and asks for it once', async () => {
    const { schema, state } = laggingSchema(0);
    const h = await startHarness({ tickets: 20, trigger: false, schema, maxAttempts: 10 });
    try {
      await h.app.handleInstalled();
      await h.queue.drain();
      // New code with one more migration, deployed without an upgrade event.
      state.pending = 1;
      const ids = h.site
        .allIssues()
        .slice(0, 5)
        .map((i) => i.id);
      await h.queue.push(ids.map((issueId) => ({ kind: 'ingest' as const, issueId, eventAt: 0 })));
      await h.queue.drain();
      expect(state.pending).toBe(0);
      expect(state.batches).toBe(1);
      expect(h.queue.deadLetters).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
