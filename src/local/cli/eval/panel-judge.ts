import { JUDGE_STOPWORDS_DE, JUDGE_STOPWORDS_EN } from './panel-judge-words';

/**
 * The independent judge of shown evidence for `eval panel`: a term is noise when every word of
 * it is a stop word of the ticket's language, a greeting, sign-off or signature word, or part of
 * a person's name from the export. It shares no code or list with the panel's own filter
 * (src/engine/text/evidence.ts), so a word the panel lets through is caught here.
 */

/** Greetings, sign-offs and words of mail signatures, English and German. */
const COURTESY = `
  hi hello hey dear greetings morning afternoon evening thanks thank thx ty cheers regards
  sincerely best kindest warmest wishes br brgds rgds yours faithfully truly
  hallo liebe lieber moin servus geehrte geehrter sehr herr frau damen herren gruß gruss grüße
  grüsse grüßen grüssen viele vielen freundliche freundlichen beste besten herzliche herzlichen
  danke dank dankeschön voraus vg lg mfg
  sent iphone android tel fax mob ext
  betreff betrifft re aw fwd wg
`;

const fold = (w: string): string => w.normalize('NFC').toLowerCase();
const setOf = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(fold));

const EN = setOf(JUDGE_STOPWORDS_EN);
const DE = setOf(JUDGE_STOPWORDS_DE);
const COURTESY_WORDS = setOf(COURTESY.trim().split(/\s+/));

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).map((w) => fold(w.replace(/’/g, "'")));

export type JudgeLanguage = 'en' | 'de' | 'both';

/**
 * The ticket's language by the judge's own count: which stop list its words hit more often
 * (a tie, or no hit, judges with both lists).
 */
export function judgeLanguage(text: string): JudgeLanguage {
  let en = 0;
  let de = 0;
  for (const w of wordsOf(text)) {
    // Words in both lists ("in", "so", "was") tell nothing.
    if (EN.has(w) && DE.has(w)) continue;
    if (EN.has(w)) en++;
    else if (DE.has(w)) de++;
  }
  if (en > de) return 'en';
  if (de > en) return 'de';
  return 'both';
}

/** Folded words of the export's people (reporters, assignees, comment authors). */
export function personNameWords(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    // Account ids ("712020:44e0…", "csv-user-3") are not names anyone writes.
    if (/\d/.test(name) && !/\s/.test(name)) continue;
    for (const w of wordsOf(name)) if (w.length >= 2 && !/^\p{N}+$/u.test(w)) out.add(w);
  }
  return out;
}

export interface EvidenceJudge {
  /** Whether a shown term is noise for a ticket in `language`. */
  isNoise(term: string, language: JudgeLanguage): boolean;
}

export function evidenceJudge(names: ReadonlySet<string>): EvidenceJudge {
  const noiseWord = (w: string, language: JudgeLanguage): boolean =>
    COURTESY_WORDS.has(w) ||
    names.has(w) ||
    (language !== 'de' && EN.has(w)) ||
    (language !== 'en' && DE.has(w));
  return {
    isNoise(term, language) {
      const words = wordsOf(term);
      return words.length > 0 && words.every((w) => noiseWord(w, language));
    },
  };
}
