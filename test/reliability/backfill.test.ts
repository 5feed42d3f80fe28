import { computeIndexEntry } from '../../src/engine/similar';
import { ticketDoc } from '../../src/app/engines/similar';
import { RetryLaterError } from '../../src/core/ports/queue';
import type { FaultRuleInput } from '../../src/local/emulator/faults';
import { startHarness } from '../app/harness';
import type { Harness } from '../app/harness';

jest.setTimeout(180_000);

/** Every site issue is stored once, and the index counts each once (its totals add up). */
async function expectExactlyOnce(h: Harness): Promise<void> {
  const siteIds = h.site
    .allIssues()
    .map((i) => i.id)
    .sort();
  const stored = await h.storage.tickets.getMany(siteIds);
  expect(stored.map((t) => t.id).sort()).toEqual(siteIds);
  expect(await h.storage.tickets.count()).toBe(siteIds.length);
  const stats = await h.storage.index.stats();
  expect(stats.documents).toBe(siteIds.length);
  const sums: [number, number, number] = [0, 0, 0];
  for (const t of stored) {
    const [a, b, c] = computeIndexEntry(ticketDoc(t)).lengths;
    sums[0] += a;
    sums[1] += b;
    sums[2] += c;
  }
  expect(stats.lengthSums).toEqual(sums);
}

async function backfill(h: Harness): Promise<void> {
  await h.app.handleInstalled();
  await h.queue.drain();
  const status = (await h.storage.jobs.get('backfill'))?.status;
  expect(status).toMatchObject({ state: 'done', processed: h.site.allIssues().length, error: null });
  expect(h.queue.deadLetters).toEqual([]);
}

describe('backfill under a misbehaving Jira', () => {
  const scenarios: [string, FaultRuleInput[]][] = [
    [
      'a 429 storm',
      [
        {
          route: 'searchJql',
          fault: { kind: 'status', status: 429, retryAfterSeconds: 0 },
          times: 12,
          after: 1,
        },
      ],
    ],
    [
      '500s and 503s',
      [
        { route: 'searchJql', fault: { kind: 'status', status: 500 }, times: 3, after: 1 },
        { route: 'searchJql', fault: { kind: 'status', status: 503 }, times: 2, after: 6 },
      ],
    ],
    [
      'timeouts and dropped connections',
      [
        { route: 'searchJql', fault: { kind: 'hang' }, times: 2, after: 2 },
        { route: 'searchJql', fault: { kind: 'drop' }, times: 2, after: 5 },
      ],
    ],
    ['malformed JSON', [{ route: 'searchJql', fault: { kind: 'malformed' }, times: 3, after: 1 }]],
    ['a page that disappears', [{ route: 'searchJql', fault: { kind: 'expire-token' }, times: 2, after: 2 }]],
  ];

  it.each(scenarios)('stores every ticket exactly once through %s', async (_name, faults) => {
    const h = await startHarness({
      quickTraining: true,
      tickets: 90,
      trigger: false,
      backfillPageSize: 20,
      jiraTimeoutMs: 1_000,
      maxAttempts: 8,
    });
    try {
      for (const f of faults) h.emulator.faults.add(f);
      await backfill(h);
      expect(h.emulator.faults.firedCount()).toBeGreaterThan(0);
      await expectExactlyOnce(h);
    } finally {
      await h.close();
    }
  });

  it('survives a crash in the middle of a page, replaying it without duplicates', async () => {
    const h = await startHarness({ quickTraining: true, tickets: 90, trigger: false, backfillPageSize: 20 });
    try {
      const upsert = h.storage.tickets.upsert.bind(h.storage.tickets);
      let calls = 0;
      // The 30th store (page 2, ticket 10) dies as a timed-out invocation would: Forge redelivers.
      h.storage.tickets.upsert = (ticket) => {
        calls++;
        if (calls === 30) return Promise.reject(new RetryLaterError(0, 'invocation timed out'));
        return upsert(ticket);
      };
      await backfill(h);
      expect(calls).toBeGreaterThan(h.site.allIssues().length);
      await expectExactlyOnce(h);
    } finally {
      await h.close();
    }
  });

  it('lets a duplicate backfill message stand down and a second start wait for the first', async () => {
    const h = await startHarness({
      quickTraining: true,
      tickets: 40,
      trigger: false,
      backfillPageSize: 10,
      concurrency: 2,
    });
    try {
      await h.app.handleInstalled();
      await h.app.handleInstalled();
      const record = await h.storage.jobs.get('backfill');
      const runId = (JSON.parse(record?.cursor ?? '{}') as { runId?: string }).runId;
      // The same page message delivered twice, plus a stale one from an older run.
      await h.queue.push([
        { kind: 'backfill', runId: runId ?? '' },
        { kind: 'backfill', runId: 'old-run' },
      ]);
      await h.queue.drain();
      expect((await h.storage.jobs.get('backfill'))?.status.state).toBe('done');
      await expectExactlyOnce(h);
    } finally {
      await h.close();
    }
  });
});
