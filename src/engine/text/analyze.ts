import { guessLanguage } from './language';
import { normalize } from './normalize';
import { maskIdentifiers } from './placeholders';
import { stem } from './stem';
import { ENGLISH_STOPWORDS, GERMAN_STOPWORDS } from './stopwords';
import type { AnalyzedText, Language, Token } from './types';

/** Words are runs of letters, marks and digits (any script); placeholders are `⟨type⟩`. */
const TOKEN = /⟨[a-z]+⟩|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu;

export interface AnalyzeOptions {
  /** Force a language instead of guessing (e.g. from a Jira field). */
  language?: Language;
  /** Characters read at most; longer texts are cut so cost stays bounded. */
  maxChars?: number;
  /** Drop stop words (default true). Classifiers may keep them: "not working" is a feature. */
  removeStopWords?: boolean;
  /** Snowball-stem words (default true). */
  stem?: boolean;
}

export const DEFAULT_MAX_CHARS = 20_000;

/** Text in, stemmed tokens out: the one entry point the classifier and the index share. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalyzedText {
  const bounded =
    text.length > (options.maxChars ?? DEFAULT_MAX_CHARS)
      ? text.slice(0, options.maxChars ?? DEFAULT_MAX_CHARS)
      : text;
  const folded = normalize(maskIdentifiers(bounded));
  const words = folded.match(TOKEN) ?? [];
  const language = options.language ?? guessLanguage(words);
  const stop = language === 'de' ? GERMAN_STOPWORDS : ENGLISH_STOPWORDS;
  const dropStop = options.removeStopWords ?? true;
  const doStem = options.stem ?? true;
  const tokens: Token[] = [];
  for (const w of words) {
    if (w.startsWith('⟨')) {
      tokens.push({ term: w, surface: w, kind: 'placeholder' });
    } else if (/^\p{N}+$/u.test(w)) {
      tokens.push({ term: w, surface: w, kind: 'number' });
    } else if (
      !dropStop ||
      (!stop.has(w) && !(language === 'other' && (ENGLISH_STOPWORDS.has(w) || GERMAN_STOPWORDS.has(w))))
    ) {
      tokens.push({ term: doStem ? stem(w, language) : w, surface: w, kind: 'word' });
    }
  }
  return { language, tokens };
}
