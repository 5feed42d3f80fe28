import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Language } from './types';

/** Snowball stemmers (via @orama/stemmers, a maintained TypeScript port). */
export function stem(word: string, language: Language): string {
  if (language === 'de') return germanStemmer(word);
  if (language === 'en') return englishStemmer(word);
  return word;
}
