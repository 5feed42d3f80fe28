import { LIMIT_NAMES } from '../../../src/local/forge-runtime/monitor';
import { simulateInstall } from '../../../src/local/simulate/install';

jest.setTimeout(300_000);

describe('simulate install', () => {
  it('takes a small site from install to a working panel inside every limit, with the report keys scripts read', async () => {
    const report = await simulateInstall({ tickets: 120, seed: 2, faults: 'none' });
    expect(Object.keys(report).sort()).toEqual(
      [
        'task',
        'site_tickets',
        'expected_stored',
        'stored_tickets',
        'lost_events',
        'duplicate_rows',
        'index_drift_terms',
        'limit_violations',
        'ddl_calls_max_per_minute',
        'max_invocation_ms',
        'sql_bytes',
        'simulated_hours_to_ready',
        'panel_ms_p99',
      ].sort(),
    );
    expect(report.task).toBe('simulate-install');
    expect(Object.keys(report.limit_violations).sort()).toEqual([...LIMIT_NAMES].sort());
    expect(Object.values(report.limit_violations).every((n) => n === 0)).toBe(true);
    expect(Object.keys(report.max_invocation_ms).sort()).toEqual([
      'consumer',
      'resolver',
      'scheduled',
      'trigger',
    ]);
    expect(report.stored_tickets).toBe(report.expected_stored);
    expect(report.expected_stored).toBe(report.site_tickets);
    expect(report.lost_events).toBe(0);
    expect(report.duplicate_rows).toBe(0);
    expect(report.simulated_hours_to_ready).not.toBeNull();
    expect(report.ddl_calls_max_per_minute).toBeGreaterThan(0);
    expect(report.ddl_calls_max_per_minute).toBeLessThanOrEqual(25);
    expect(report.sql_bytes).toBeGreaterThan(0);
    expect(report.panel_ms_p99).toBeGreaterThan(0);
  });
});
