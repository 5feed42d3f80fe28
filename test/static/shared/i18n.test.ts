import { MESSAGE_KEYS, toLocale, translator } from '../../../static/shared/i18n';

describe('translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('confidence', { pct: '91%' })).toBe('Confidence 91%');
    expect(t('confidence')).toBe('Confidence {pct}');
  });

  it('does not interpret placeholder values as patterns or markup', () => {
    const t = translator('de');
    expect(t('current', { value: '$& <b>{pct}</b>' })).toBe('Aktuell: $& <b>{pct}</b>');
  });

  it('uses the same placeholders in German as in English for every message', () => {
    const en = translator('en');
    const de = translator('de');
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    expect(MESSAGE_KEYS.length).toBeGreaterThan(100);
    for (const key of MESSAGE_KEYS) {
      expect(placeholders(de(key))).toBe(placeholders(en(key)));
    }
  });
});

describe('toLocale', () => {
  it('maps Forge locales to the two the app speaks', () => {
    expect(toLocale('de_DE')).toBe('de');
    expect(toLocale('de-AT')).toBe('de');
    expect(toLocale('en_US')).toBe('en');
    expect(toLocale('fr_FR')).toBe('en');
    expect(toLocale(undefined)).toBe('en');
  });
});
