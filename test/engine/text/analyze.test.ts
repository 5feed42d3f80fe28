import fc from 'fast-check';
import { analyze, normalize, ticketText } from '../../../src/engine/text';

describe('normalize', () => {
  it('is idempotent for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        (s) => normalize(normalize(s)) === normalize(s),
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        (s) => normalize(normalize(s)) === normalize(s),
      ),
    );
  });

  it('composes decomposed umlauts and folds ß', () => {
    expect(normalize('Gro\u0308\u00dfe STRASSE')).toBe('grösse strasse');
  });
});

describe('analyze', () => {
  it('guesses German and English and stems with the matching stemmer', () => {
    const de = analyze('Der Drucker im Büro druckt seit gestern nicht mehr und die Anmeldung schlägt fehl');
    const en = analyze('The printer in the office is not printing since yesterday and the login fails');
    expect(de.language).toBe('de');
    expect(en.language).toBe('en');
    expect(de.tokens.map((t) => t.surface)).toContain('büro');
    expect(en.tokens.find((t) => t.surface === 'printing')?.term).toBe('print');
  });

  it('keeps non-Latin scripts and accents as words', () => {
    const terms = analyze('Ошибка входа café 打印机 Ελληνικά').tokens.map((t) => t.surface);
    expect(terms).toEqual(expect.arrayContaining(['ошибка', 'café', '打印机', 'ελληνικά']));
  });

  it('replaces identifiers with typed placeholders that never keep the value', () => {
    const { tokens } = analyze(
      'Mail from erika@example.com about IT-4711 via https://x.example.com/a?b=1 on 10.0.0.12, call +49 30 1234567, client v4.2.1',
    );
    const kinds = tokens.filter((t) => t.kind === 'placeholder').map((t) => t.term);
    expect(kinds).toEqual(
      expect.arrayContaining(['⟨email⟩', '⟨ticket⟩', '⟨url⟩', '⟨ip⟩', '⟨phone⟩', '⟨version⟩']),
    );
    const surfaces = tokens.map((t) => t.surface).join(' ');
    expect(surfaces).not.toMatch(/erika|4711|example|10\.0|1234567/);
  });

  it('can keep stop words and skip stemming for classifiers', () => {
    const { tokens } = analyze('the printer is not printing', { removeStopWords: false, stem: false });
    expect(tokens.map((t) => t.term)).toEqual(['the', 'printer', 'is', 'not', 'printing']);
  });

  it('treats hostile words as plain tokens', () => {
    const { tokens } = analyze('__proto__ constructor <script>alert(1)</script> toString');
    expect(tokens.map((t) => t.surface)).toEqual(
      expect.arrayContaining(['proto', 'constructor', 'script', 'alert', 'tostring']),
    );
  });

  it('handles empty text and a 10 MB description in bounded time', () => {
    expect(analyze('')).toEqual({ language: 'other', tokens: [] });
    const huge = 'Der Server antwortet nicht. '.repeat(400_000);
    const start = performance.now();
    const { tokens } = analyze(ticketText(huge));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(tokens.length).toBeLessThan(20_000);
  });
});
