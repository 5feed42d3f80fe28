import type { SlaDriver } from '../../../src/contracts/panel';
import { translator } from '../../../static/shared/i18n';
import { nowLabelFits, slaChartTexts, slaDriverText } from '../../../static/issue-panel/src/sla-text';

const H = 3_600_000;
const en = translator('en');
const de = translator('de');

describe('SLA texts: the chart says what each number is', () => {
  it('the deadline marker is the time left, not the goal, and a negative remainder is "overdue by"', () => {
    const left = slaChartTexts(
      { goalMs: 8 * H, elapsedMs: 4 * H, remainingMs: 4 * H + 7 * 60_000, expected: null },
      en,
      'en',
    );
    expect(left.deadline).toBe('goal ends in 4 h 7 min');
    expect(left.deadline).not.toMatch(/^Goal /);
    const late = slaChartTexts(
      { goalMs: 8 * H, elapsedMs: 21 * H, remainingMs: -(13 * H + 32 * 60_000), expected: null },
      en,
      'en',
    );
    expect(late.deadline).toBe('overdue by 13 h 32 min');
    expect(late.label).toContain('goal 8 h'.replace('goal', 'Goal'));
    expect(late.label).toContain('elapsed 21 h');
    expect(late.label).toContain('remaining overdue by 13 h 32 min');
    expect(late.label).toContain('expected not estimated');
    expect(
      slaChartTexts({ goalMs: 8 * H, elapsedMs: 21 * H, remainingMs: -H, expected: null }, de, 'de').deadline,
    ).toBe('überfällig seit 1 Std');
  });

  it('the median tick is labelled as the expected time', () => {
    const texts = slaChartTexts(
      {
        goalMs: 8 * H,
        elapsedMs: 2 * H,
        remainingMs: 6 * H,
        expected: { medianMs: 3 * H, lowMs: H, highMs: 9 * H },
      },
      en,
      'en',
    );
    expect(texts.expected).toBe('expected 3 h');
    expect(texts.label).toContain('expected 3 h (1 h – 9 h)');
  });
});

describe('SLA drivers: codes from the server, words in the viewer’s language', () => {
  const drivers: SlaDriver[] = [
    { code: 'similar-take', segment: { priority: 'High', type: 'VPN' }, medianMs: 5 * H, remainingMs: 2 * H },
    { code: 'similar-take', segment: { priority: null, type: null }, medianMs: 5 * H, remainingMs: 2 * H },
    { code: 'queue-load', who: 'team', ratio: 3 },
    { code: 'queue-load', who: 'assignee', ratio: 0.5 },
    { code: 'goal-used', share: 0.62 },
    { code: 'little-history', support: 0 },
    { code: 'little-history', support: 1 },
    { code: 'little-history', support: 7 },
    { code: 'paused' },
    { code: 'outside-hours' },
    { code: 'breached' },
    { code: 'beyond-history' },
  ];

  it('words every driver in both languages, with the same numbers', () => {
    for (const d of drivers) {
      const e = slaDriverText(d, en, 'en');
      const g = slaDriverText(d, de, 'de');
      expect(e).not.toMatch(/\{\w+\}/);
      expect(g).not.toMatch(/\{\w+\}/);
      expect(e).not.toBe(g);
      expect(e.match(/\d+/g) ?? []).toEqual(g.match(/\d+/g) ?? []);
    }
  });

  it('says "no tickets like this" rather than "only 0 similar tickets", and 1 in the singular', () => {
    expect(slaDriverText({ code: 'little-history', support: 0 }, en, 'en')).not.toContain('0');
    expect(slaDriverText({ code: 'little-history', support: 1 }, en, 'en')).toContain('1 similar ticket in');
    expect(slaDriverText(drivers[0] as SlaDriver, de, 'de')).toBe(
      'ähnliche Tickets (Priorität High, VPN) brauchen 5 Std; noch 2 Std',
    );
    expect(slaDriverText(drivers[1] as SlaDriver, en, 'en')).toBe(
      'similar tickets (all tickets) take 5 h; 2 h left',
    );
  });
});

describe('SLA chart labels do not overlap', () => {
  it('"now" is left out when the expected label reaches it, kept when it is clear', () => {
    // Seen on a paused ticket: the expected tick at x 60, labelled around its middle.
    expect(nowLabelFits(8, 'now', { x: 60, text: 'expected 2 d 22 h', anchor: 'middle' })).toBe(false);
    expect(nowLabelFits(8, 'jetzt', { x: 30, text: 'erwartet 1 Std 2 Min', anchor: 'start' })).toBe(false);
    expect(nowLabelFits(8, 'now', { x: 150, text: 'expected 2 d 22 h', anchor: 'middle' })).toBe(true);
    expect(nowLabelFits(8, 'now', null)).toBe(true);
  });
});
