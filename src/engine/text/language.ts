import type { Language } from './types';
import { ENGLISH_STOPWORDS, GERMAN_STOPWORDS } from './stopwords';

/**
 * Guesses German or English from stop-word hits and German-only letters. Cheap and good
 * enough to pick a stemmer; short or foreign texts come back as 'other'.
 */
export function guessLanguage(words: readonly string[]): Language {
  let de = 0;
  let en = 0;
  for (const w of words) {
    if (GERMAN_STOPWORDS.has(w)) de++;
    if (ENGLISH_STOPWORDS.has(w)) en++;
    if (/[äöü]/.test(w)) de += 0.5;
  }
  if (de === 0 && en === 0) return 'other';
  return de > en ? 'de' : 'en';
}
