/**
 * Unicode NFC plus case folding. Idempotent: normalize(normalize(s)) === normalize(s).
 * ß folds to "ss" so "Straße" and "Strasse" meet, as Unicode full case folding does.
 */
export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss').normalize('NFC');
}
