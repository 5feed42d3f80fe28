import type { JobStatus } from '../../src/contracts/admin';
import type { QueueMessage } from '../../src/core/ports/queue';
import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import { startHarness, type Harness } from './harness';

jest.setTimeout(180_000);

/** Every status written for a job, in order, as the job store saw it. */
function recordStatuses(h: Harness, kind: 'backfill' | 'train'): JobStatus[] {
  const seen: JobStatus[] = [];
  const write = h.storage.jobs.compareAndSet.bind(h.storage.jobs);
  h.storage.jobs.compareAndSet = (k, revision, next) => {
    if (k === kind) seen.push(next.status);
    return write(k, revision, next);
  };
  return seen;
}

/** Runs the install; `before` sees each message before the app consumes it. */
async function install(h: Harness, before: (message: QueueMessage) => Promise<void> = async () => {}) {
  h.queue.setConsumer(async (body, delivery) => {
    await before(body as QueueMessage);
    await h.app.consume(body, { finalAttempt: delivery.finalAttempt });
  });
  await h.app.handleInstalled();
  await h.queue.drain();
}

async function storedSuggestionCount(h: Harness, ids: readonly string[]): Promise<number> {
  const rows = await Promise.all(ids.map((id) => h.storage.suggestions.get(id, parseStoredSuggestions)));
  return rows.filter((r) => r !== null).length;
}

describe('install: backfill with a total, one training, then the open tickets', () => {
  let h: Harness;
  let backfill: JobStatus[];
  let train: JobStatus[];
  let suggestedBeforeTraining = -1;
  const openIds = () =>
    h.site
      .allIssues()
      .filter((i) => i.statusCategory !== 'done')
      .map((i) => i.id);

  beforeAll(async () => {
    // Two issues a page: the backfill takes several consumer runs, so messages can arrive between them.
    h = await startHarness({ tickets: 200, backfillPageSize: 2 });
    backfill = recordStatuses(h, 'backfill');
    train = recordStatuses(h, 'train');
    let asked = false;
    await install(h, async (message) => {
      if (message.kind === 'backfill' && !asked) {
        // An admin (or a model rebuild) asks for a training while the backfill runs.
        asked = true;
        await h.queue.push([{ kind: 'train' }]);
      }
      if (message.kind === 'train' && suggestedBeforeTraining < 0) {
        const state = (await h.storage.jobs.get('backfill'))?.status.state;
        if (state === 'done') suggestedBeforeTraining = await storedSuggestionCount(h, openIds());
      }
    });
  });
  afterAll(() => h.close());

  it('shows progress against the count Jira gave, and ends on exactly what it read', () => {
    const issues = h.site.allIssues().length;
    const running = backfill.filter((s) => s.state === 'running');
    expect(running.length).toBeGreaterThan(10);
    for (const s of running) {
      expect(s.total).toBe(issues);
      expect(s.processed).toBeLessThanOrEqual(issues);
    }
    expect(backfill.at(-1)).toMatchObject({ state: 'done', processed: issues, total: issues });
  });

  it('stores tickets and index only: no open ticket had suggestions before the training', () => {
    expect(openIds().length).toBeGreaterThan(0);
    expect(suggestedBeforeTraining).toBe(0);
  });

  it('trains once, after the backfill, though a training was asked for during it', () => {
    expect(train.filter((s) => s.state === 'running' && s.processed === 0)).toHaveLength(1);
    expect(train.at(-1)?.state).toBe('done');
  });

  it('then computes every open ticket’s suggestions with the new models', async () => {
    const rows = await Promise.all(
      openIds().map((id) => h.storage.suggestions.get(id, parseStoredSuggestions)),
    );
    for (const row of rows) expect(row?.value.fields.length).toBeGreaterThan(0);
  });
});

describe('install when Jira cannot count', () => {
  it('runs without a total, and ends on what it read', async () => {
    const h = await startHarness({ tickets: 60, backfillPageSize: 10 });
    try {
      h.emulator.faults.add({ route: 'countIssues', fault: { kind: 'status', status: 400 } });
      const backfill = recordStatuses(h, 'backfill');
      await install(h);
      const issues = h.site.allIssues().length;
      for (const s of backfill.filter((b) => b.state === 'running')) expect(s.total).toBeNull();
      expect(backfill.at(-1)).toMatchObject({ state: 'done', processed: issues, total: issues });
    } finally {
      await h.close();
    }
  });
});
