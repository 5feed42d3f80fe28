import { cycleFromTimes } from '../../../src/engine/sla';

const H = 3_600_000;

describe('cycleFromTimes', () => {
  it('counts real time across the spring-forward DST change (01:30 CET → 03:30 CEST is 1 h)', () => {
    const r = cycleFromTimes({
      startedAt: '2026-03-29T01:30:00+01:00',
      now: '2026-03-29T03:30:00+02:00',
      goalMs: 4 * H,
    });
    expect('cycle' in r && r.cycle).toMatchObject({ elapsedMs: 1 * H, remainingMs: 3 * H, breached: false });
  });

  it('counts real time across the autumn DST change (02:30 CEST → 02:30 CET is 1 h)', () => {
    const r = cycleFromTimes({
      startedAt: '2026-10-25T02:30:00+02:00',
      now: '2026-10-25T02:30:00+01:00',
      goalMs: 2 * H,
    });
    expect('cycle' in r && r.cycle.elapsedMs).toBe(1 * H);
  });

  it('subtracts paused time and flags a breach when the goal is passed', () => {
    const r = cycleFromTimes({
      startedAt: '2026-01-01T00:00Z',
      now: '2026-01-01T10:00Z',
      goalMs: 8 * H,
      pausedMs: 1 * H,
    });
    expect('cycle' in r && r.cycle).toMatchObject({ elapsedMs: 9 * H, remainingMs: -1 * H, breached: true });
  });

  it.each([
    ['now before start', { startedAt: '2026-01-02T00:00Z', now: '2026-01-01T00:00Z' }, /backwards/],
    [
      'paused longer than elapsed',
      { startedAt: '2026-01-01T00:00Z', now: '2026-01-01T01:00Z', pausedMs: 2 * H },
      /backwards/,
    ],
    ['unreadable date', { startedAt: 'yesterday', now: '2026-01-01T01:00Z' }, /readable/],
  ])('%s gives a reason instead of a cycle', (_name, over, reason) => {
    const r = cycleFromTimes({ goalMs: H, ...over });
    expect('problem' in r && r.problem).toMatch(reason);
  });
});
