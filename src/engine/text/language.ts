import type { Language } from './types';
import { ENGLISH_STOPWORDS, GERMAN_STOPWORDS } from './stopwords';

/**
 * Spelling cues of one language that the other rarely has, with how much each says. They
 * carry texts without stop words (exports that were lower-cased and stripped, one-line
 * summaries): "vpn connection drops during meeting" has none, yet reads plainly English.
 */
const GERMAN_CUES: readonly (readonly [RegExp, number])[] = [
  [/[äöüß]/, 1.5],
  [/sch/, 1],
  [/(?:ung|ungen|keit|heit|lich|isch|chen|ieren|iert)$/, 1],
  [/tz|pf|ck[eu]/, 0.5],
  [/^(?:ge|ver|zer|ent)\p{L}{3,}(?:t|en)$/u, 0.5],
  [/ei|eu|äu|ie\p{L}*en$/u, 0.3],
  [/z/, 0.3],
];
const ENGLISH_CUES: readonly (readonly [RegExp, number])[] = [
  [/th|^wh/, 1],
  [/(?:ing|tion|sion|ness|ful|ly)$/, 1],
  [/[^e]ed$|ies$/, 0.7],
  [/ou|ea|oo|ee|ay|oa/, 0.5],
  [/[^aeiouy]y$|w$|^w[aeiour]/, 0.4],
  [/c[aeiouy]|qu/, 0.3],
];
/**
 * Frequent words of support requests in one language only, for short texts whose spelling says
 * little ("reset passwords client", "neuer zugang drucker").
 */
const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  `access account request requests reset password passwords issue issues error errors user users new
  update install license licence printer email mail report help need needs working unable cannot
  laptop screen card broken missing wrong change delete add remove set setup starter date
  tomorrow today week month meeting order client customer developer mobile phone`.split(/\s+/),
);
const GERMAN_WORDS: ReadonlySet<string> = new Set(
  `anfrage zugang zugriff passwort kennwort fehler drucker konto benutzer neu neue neuer neues
  geht funktioniert rechner bildschirm lizenz karte hilfe brauche brauchen defekt falsch fehlt
  ändern löschen hinzufügen einrichten heute morgen woche monat termin bestellung kunde kunden
  telefon handy seit wieder immer leider`.split(/\s+/),
);
/** Below this much evidence either way the text is too short or foreign to tell. */
const MIN_EVIDENCE = 1;

function cueScore(word: string, cues: readonly (readonly [RegExp, number])[]): number {
  let score = 0;
  for (const [cue, weight] of cues) if (cue.test(word)) score += weight;
  return score;
}

/**
 * Guesses German or English, cheaply enough to pick a stemmer. Stop words of one language only
 * count most; spelling cues count for every word, so lower-cased text without stop words is
 * still told apart. Words in both stop lists ("in", "an", "so") say nothing. Texts with too
 * little evidence come back as 'other'.
 */
export function guessLanguage(words: readonly string[]): Language {
  let de = 0;
  let en = 0;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (w.length === 0 || /^\p{N}+$/u.test(w)) continue;
    const isDe = GERMAN_STOPWORDS.has(w);
    const isEn = ENGLISH_STOPWORDS.has(w);
    if (isDe !== isEn) {
      if (isDe) de += 1.5;
      else en += 1.5;
      continue;
    }
    if (isDe) continue;
    if (ENGLISH_WORDS.has(w)) en += 1;
    if (GERMAN_WORDS.has(w)) de += 1;
    de += cueScore(w, GERMAN_CUES);
    en += cueScore(w, ENGLISH_CUES);
  }
  if (Math.max(de, en) < MIN_EVIDENCE) return 'other';
  return de > en ? 'de' : 'en';
}
