import { analyze, guessLanguage } from '../../../src/engine/text';

const words = (text: string) => text.split(/\s+/);

describe('guessLanguage', () => {
  it.each([
    ['connection icon setup engineers details needed lead', 'en'],
    ['reset passwords external accounts expire days', 'en'],
    ['outlook keeps asking password', 'en'],
    ['laptop screen flickering after docking', 'en'],
    ['drucker druckt seit gestern keine seiten mehr', 'de'],
    ['anmeldung schlägt fehl kennwort abgelaufen', 'de'],
    ['netzwerkverbindung bricht ständig ab', 'de'],
    ['neuer zugang für mitarbeiterin benötigt', 'de'],
  ])('tells lower-cased text without stop words apart: %s', (text, language) => {
    expect(guessLanguage(words(text))).toBe(language);
  });

  it('still reads ordinary sentences by their stop words', () => {
    expect(guessLanguage(words('the vpn does not work for me'))).toBe('en');
    expect(guessLanguage(words('ich kann mich nicht mit dem vpn verbinden'))).toBe('de');
  });

  it('answers other when there is too little to tell', () => {
    expect(guessLanguage(words('vpn'))).toBe('other');
    expect(guessLanguage([])).toBe('other');
    expect(guessLanguage(words('12345 678'))).toBe('other');
  });

  it('is what analyze uses, so lower-cased English is stemmed as English', () => {
    const a = analyze('printers offline after updating drivers');
    expect(a.language).toBe('en');
    expect(a.tokens.map((t) => t.term)).toContain('printer');
  });
});
