import { startHarness, installAndTrain } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

describe('install while the app permissions are still arriving', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 60, maxAttempts: 10 });
  });
  afterAll(() => h.close());

  it('retries the backfill after early 401/403 instead of failing it, and stores every issue', async () => {
    h.emulator.faults.add({ route: 'searchJql', fault: { kind: 'status', status: 403 }, times: 2 });
    h.emulator.faults.add({ route: 'searchJql', fault: { kind: 'status', status: 401 }, times: 1 });
    await installAndTrain(h);
    expect(h.emulator.faults.firedCount()).toBe(3);
    expect((await h.storage.jobs.get('backfill'))?.status.state).toBe('done');
    expect(await h.storage.tickets.count()).toBe(h.site.allIssues().length);
    expect(h.queue.deadLetters).toEqual([]);
  });
});
