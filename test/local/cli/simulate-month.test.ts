import { runCli } from '../../support/run-cli';

// A short month (8 daily retrains of a 200-ticket desk, the drift from day 5): about 30 s of CPU alone
// (2 min 45 s under jest while the shared machine was busy), instead of about 5 min for 16 days.
jest.setTimeout(300_000);

const KEYS = [
  'task',
  'drift_field',
  'demoted_after_decisions',
  'healthy_fields_demoted',
  'releases_promoted',
  'releases_rejected',
  'rollbacks',
  'value',
];

describe('triage-lens simulate month', () => {
  it('refuses an unknown drift field in one line', async () => {
    const r = await runCli(['simulate', 'month', '--drift', 'team', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--drift');
  });

  it('runs the app through the days and ends stdout with one JSON object of the documented keys', async () => {
    const r = await runCli([
      'simulate',
      'month',
      '--tickets',
      '200',
      '--days',
      '8',
      '--drift',
      'labels',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const last = r.out.trim().split('\n').pop() ?? '';
    const result = JSON.parse(last) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(KEYS));
    expect(result.task).toBe('simulate-month');
    expect(result.drift_field).toBe('labels');
    // Every day's retrain releases a candidate per trained model (the first ones at install are not counted).
    expect(Number(result.releases_promoted) + Number(result.releases_rejected)).toBeGreaterThanOrEqual(8);
    const value = result.value as {
      accepted: number;
      auto_applied: number;
      auto_applied_replaced: number;
      minutes_saved: number;
    };
    expect(value.minutes_saved).toBe(
      value.accepted * 0.5 + (value.auto_applied - value.auto_applied_replaced) * 1,
    );
  });
});
