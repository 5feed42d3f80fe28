import { evidencePhrase, isEvidenceWord, normalize, personNames } from '../../../src/engine/text';

describe('isEvidenceWord', () => {
  it('refuses function words of both languages, greetings, sign-offs, numbers and placeholders', () => {
    for (const w of ['my', 'i', 'it', 'and', 'back', 'works', 'they', 'anderen', 'betrifft', 'am', 'end'])
      expect(isEvidenceWord(w)).toBe(false);
    for (const w of ['says', 'cheers', 'me', 'eg', 'hallo', 'follow', 'grüße', '2024', '⟨email⟩', 'x'])
      expect(isEvidenceWord(w)).toBe(false);
  });

  it('refuses the German filler and signature words eval panel found shown on the demo desk', () => {
    // `eval panel` on the demo desk (docs/benchmarks.md, issue 10): its judge counted these among the shown terms.
    for (const w of ['ab', 'möchte', 'kurz', 'steht', 'ganze', 'hoch', 'zwei', 'grossen', 'großen', 'tel'])
      expect(isEvidenceWord(normalize(w))).toBe(false);
  });

  it('keeps topic words and short acronyms', () => {
    for (const w of ['drucker', 'printer', 'vpn', 'pc', 'outlook', 'passwort', 'gehaltsabrechnung'])
      expect(isEvidenceWord(w)).toBe(true);
  });

  it('refuses the given names', () => {
    expect(isEvidenceWord('olivia', new Set(['olivia']))).toBe(false);
  });
});

describe('evidencePhrase', () => {
  it('keeps only the evidence words of a phrase, or none', () => {
    expect(evidencePhrase(['but', 'they'])).toBeNull();
    expect(evidencePhrase(['my', 'printer'])).toBe('printer');
    expect(evidencePhrase(['printer', 'offline'])).toBe('printer offline');
  });
});

describe('personNames', () => {
  it('finds who is greeted and who signs, in English and German', () => {
    expect([...personNames('Hi Olivia,\nmy printer is broken.\nCheers,\nMark Smith')].sort()).toEqual([
      'mark',
      'olivia',
      'smith',
    ]);
    expect(personNames('Hallo Anna,\nder Drucker geht nicht.\nViele Grüße\nJürgen')).toEqual(
      new Set(['anna', 'jürgen']),
    );
    expect(personNames('Thanks, Mark')).toEqual(new Set(['mark']));
    expect(personNames('Best regards Tom Jones')).toEqual(new Set(['tom', 'jones']));
  });

  it('reads "Beste Grüße" as a German sign-off, not as the English "Best" (eval panel showed the signer as evidence)', () => {
    expect(personNames('Beste Grüße\nSophie Müller\nEngineering\nTel. +49 50 1443084')).toEqual(
      new Set(['sophie', 'müller']),
    );
    expect(personNames('Beste Grüsse, Ingrid Dubois')).toEqual(new Set(['ingrid', 'dubois']));
  });

  it('does not take topic words for names', () => {
    expect(personNames('Thanks for your help\nOutlook keeps asking for my password')).toEqual(new Set());
    expect(personNames('Printer on floor 3 is offline.\nPlease check the Toner')).toEqual(new Set());
    expect(personNames('hi all, the VPN drops')).toEqual(new Set());
  });

  it('reads a 10 MB text in bounded time', () => {
    const start = performance.now();
    personNames('Hi Olivia\n' + 'x'.repeat(10_000_000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('personNames in the demo desk’s mail noise', () => {
  it('finds the writer after long sign-offs and in quoted-mail headers', () => {
    expect(personNames('Drucker kaputt.\nVielen Dank im Voraus\nBen Meyer\nEinkauf')).toEqual(
      new Set(['ben', 'meyer']),
    );
    expect(personNames('Printer jammed.\nThanks in advance\nLea Wagner')).toEqual(new Set(['lea', 'wagner']));
    expect(personNames('Am 3.4. schrieb Anna Krüger:\n> alt')).toEqual(new Set(['anna', 'krüger']));
    expect(personNames('On Mon, Hannah Yılmaz wrote:\n> old')).toEqual(new Set(['hannah', 'yılmaz']));
  });
});
