import {
  MESSAGE_GROUP_KEYS,
  MESSAGE_KEYS,
  messageText,
  toLocale,
  translator,
} from '../../../static/shared/i18n';
import { EMPTY_REASON_MESSAGE, emptyReasonText } from '../../../static/shared/empty-reason';
import { EmptyReason } from '../../../src/contracts/common';

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
});

describe('the message catalogue', () => {
  it('has an English and a German text for every key', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(100);
    const missing = MESSAGE_KEYS.flatMap((key) =>
      (['en', 'de'] as const).filter((l) => messageText(key, l).trim() === '').map((l) => `${key}.${l}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in German as in English for every message', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    const differing = MESSAGE_KEYS.filter(
      (key) => placeholders(messageText(key, 'de')) !== placeholders(messageText(key, 'en')),
    );
    expect(differing).toEqual([]);
  });

  it('defines every key in one group only (a second definition would silently win)', () => {
    const seen = new Map<string, number>();
    for (const keys of MESSAGE_GROUP_KEYS) for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
  });

  it('words every empty-section reason code the server sends, in both languages', () => {
    for (const reason of EmptyReason.options) {
      expect(EMPTY_REASON_MESSAGE[reason]).toBeDefined();
      expect(emptyReasonText(reason, translator('de'))).not.toBe(translator('de')('sectionEmpty'));
      expect(emptyReasonText(reason, translator('de'))).not.toBe(emptyReasonText(reason, translator('en')));
    }
    // A code from a newer server than this bundle still reads as a sentence, not as a code.
    expect(emptyReasonText('some-new-code', translator('de'))).toBe('Nichts anzuzeigen.');
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
