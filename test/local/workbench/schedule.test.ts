import { repeatEvery } from '../../../src/local/workbench/schedule';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('repeatEvery (the workbench stand-in for a scheduled trigger)', () => {
  it('runs at once and again after each interval, never two runs at a time', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const job = repeatEvery(
      5,
      async () => {
        active++;
        most = Math.max(most, active);
        runs++;
        await sleep(20); // longer than the interval
        active--;
      },
      () => undefined,
    );
    expect(runs).toBe(1);
    await sleep(150);
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
  });

  it('carries on after a failed run and reports it', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const job = repeatEvery(
      5,
      () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('jira down')) : Promise.resolve();
      },
      (e) => errors.push(e),
    );
    await sleep(60);
    await job.stop();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('jira down');
    expect(runs).toBeGreaterThan(1);
  });

  it('stop waits for the run in progress and starts no other', async () => {
    let finished = false;
    let runs = 0;
    const job = repeatEvery(
      1,
      async () => {
        runs++;
        await sleep(30);
        finished = true;
      },
      () => undefined,
    );
    await job.stop();
    expect(finished).toBe(true);
    await sleep(20);
    expect(runs).toBe(1);
  });
});
