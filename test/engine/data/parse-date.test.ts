import { parseDate } from '../../../src/engine/data/parse-date';

describe('parseDate', () => {
  it.each([
    ['2026-11-22T14:31:00Z', Date.UTC(2026, 10, 22, 14, 31)],
    ['2026-11-22 14:31', Date.UTC(2026, 10, 22, 14, 31)],
    ['2026-11-22T15:31:00+01:00', Date.UTC(2026, 10, 22, 14, 31)],
    ['2026-11-22T09:31:00.250-0500', Date.UTC(2026, 10, 22, 14, 31, 0, 250)],
    ['2026-11-22', Date.UTC(2026, 10, 22)],
    ['30/Sep/21 17:20', Date.UTC(2021, 8, 30, 17, 20)],
    ['22/Nov/26 2:31 PM', Date.UTC(2026, 10, 22, 14, 31)],
    ['22/Nov/26 12:05 AM', Date.UTC(2026, 10, 22, 0, 5)],
    ['22/Nov/2026 14:31', Date.UTC(2026, 10, 22, 14, 31)],
    ['29/2/2016 01:16', Date.UTC(2016, 1, 29, 1, 16)],
    ['13/03/2016 4:57', Date.UTC(2016, 2, 13, 4, 57)],
    ['05/Mär/24 08:00', Date.UTC(2024, 2, 5, 8)],
  ])('reads %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    '',
    '?',
    'yesterday',
    '31/Feb/21 10:00',
    '2026-13-01',
    '22/Nov/26 13:00 PM',
    '<script>',
    '__proto__',
  ])('refuses %j with NaN', (text) => {
    expect(parseDate(text)).toBeNaN();
  });
});
