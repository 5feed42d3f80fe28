import { formatDuration, formatPercent, formatValue } from '../../../static/shared/format';

describe('formatDuration', () => {
  it('uses at most two units, largest first', () => {
    expect(formatDuration((2 * 24 + 4) * 3_600_000 + 5 * 60_000, 'en')).toBe('2 d 4 h');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000, 'en')).toBe('3 h 20 min');
    expect(formatDuration(45 * 60_000, 'en')).toBe('45 min');
  });

  it('speaks German units in German', () => {
    expect(formatDuration(26 * 3_600_000, 'de')).toBe('1 T 2 Std');
  });

  it('keeps the sign of overdue times and handles zero and non-numbers', () => {
    expect(formatDuration(-90 * 60_000, 'en')).toBe('−1 h 30 min');
    expect(formatDuration(0, 'en')).toBe('0 min');
    expect(formatDuration(Number.POSITIVE_INFINITY, 'en')).toBe('–');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent in the locale', () => {
    expect(formatPercent(0.914, 'en')).toBe('91%');
    expect(formatPercent(0.914, 'de').replace(/\s/g, ' ')).toBe('91 %');
    expect(formatPercent(Number.NaN, 'en')).toBe('–');
  });
});

describe('formatValue', () => {
  it('joins several values and names a missing one', () => {
    expect(formatValue(['VPN', 'Network'], 'none')).toBe('VPN, Network');
    expect(formatValue([], 'none')).toBe('none');
    expect(formatValue(null, 'none')).toBe('none');
    expect(formatValue('High', 'none')).toBe('High');
  });
});
