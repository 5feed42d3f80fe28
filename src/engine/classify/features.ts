import { analyze } from '../text/analyze';
import { evidencePhrase, personNames } from '../text/evidence';
import type { Language, Token } from '../text/types';
import { fnv1a } from './hash';

/** One text field of a ticket with its weight (summary counts more than description). */
export interface WeightedText {
  text: string;
  weight: number;
}

/** How a ticket's text becomes hashed sparse features. Stored in the model so predict matches train. */
export interface FeatureSpec {
  /** log2 of the number of hash buckets (e.g. 20 → 1,048,576 buckets before pruning). */
  hashBits: number;
  /** Word bigrams of consecutive (stop-word-free, stemmed) terms. */
  bigrams: boolean;
  /** Word trigrams of consecutive terms. */
  trigrams: boolean;
  /** Words shorter than this (in characters) are dropped, as CountVectorizer drops 1-letter tokens. */
  minWordLength: number;
  /** Character n-gram lengths taken inside words (0 = none): they catch German compounds and typos. */
  charMin: number;
  charMax: number;
  /** Character n-grams only for words at least this long (short words are covered by the word feature). */
  charMinWordLength: number;
  /** Which texts get character n-grams: German compounds need them; on English they cost accuracy (bench). */
  charLanguages: 'de' | 'all';
  /** Keep stop words as features (they carry meaning in bigrams such as "not working"). */
  keepStopWords: boolean;
  /** Snowball stemming of word features. */
  stem: boolean;
  /** TF-IDF uses 1 + ln(tf) rather than the raw count. */
  sublinearTf: boolean;
  /**
   * Character n-grams (these lengths; max 0 = none) of every word, in a block of their own: a
   * second hash space above the word buckets, normalised and trained apart from them (the "char view").
   */
  viewCharMin: number;
  viewCharMax: number;
}

/** First bucket of the char-view block, or 0 when the spec has no char view. */
export function charViewStart(spec: Pick<FeatureSpec, 'hashBits' | 'viewCharMax'>): number {
  return spec.viewCharMax > 0 ? 2 ** spec.hashBits : 0;
}

/** Number of possible buckets: the word space, doubled by a char view. */
export function bucketSpace(spec: Pick<FeatureSpec, 'hashBits' | 'viewCharMax'>): number {
  return 2 ** spec.hashBits * (spec.viewCharMax > 0 ? 2 : 1);
}

/** Position of the first value ≥ `bound` in an ascending array, searching from `from`. */
export function firstAtLeast(sorted: ArrayLike<number>, bound: number, from = 0): number {
  let at = from;
  while (at < sorted.length && (sorted[at] ?? 0) < bound) at++;
  return at;
}

/** The same features without the char view's buckets (the word view alone). */
export function withoutCharView(raw: RawFeatures, viewStart: number): RawFeatures {
  if (viewStart <= 0) return raw;
  const end = firstAtLeast(raw.keys, viewStart);
  return { keys: raw.keys.subarray(0, end), counts: raw.counts.subarray(0, end), language: raw.language };
}

/** Raw term counts of one ticket in hash space: `keys` sorted ascending and unique. */
export interface RawFeatures {
  keys: Uint32Array;
  counts: Float32Array;
  language: Language;
}

/** Which words of the ticket produced a bucket: used to explain a prediction in its own words. */
export type FeatureSources = Map<number, Set<string>>;

const WORD = 'w\u0001';
const BIGRAM = 'b\u0001';
const CHAR = 'c\u0001';
const TRIGRAM = 't\u0001';
const VIEW = 'v\u0001';

/**
 * The text an explanation may show for a run of tokens: only their evidence words (never stop
 * words, greetings, names, numbers or placeholders), or null when none is evidence.
 */
const shownAs =
  (names: ReadonlySet<string>) =>
  (...run: Token[]): string | null =>
    evidencePhrase(
      run.filter((t) => t.kind === 'word').map((t) => t.surface),
      names,
    );

/**
 * Tokenises each field with `analyze` and emits word unigrams, optional bigrams and in-word
 * character n-grams, each counted with its field's weight. With `sources`, records for every
 * bucket the surface words behind it.
 */
export function extractFeatures(
  fields: readonly WeightedText[],
  spec: FeatureSpec,
  sources?: FeatureSources,
): RawFeatures {
  const viewStart = charViewStart(spec);
  const mask = 2 ** spec.hashBits - 1;
  const acc = new Map<number, number>();
  const languages = { de: 0, en: 0, other: 0 };
  const add = (key: string, weight: number, surface: string | null, block = 0): void => {
    const bucket = block + ((fnv1a(key) & mask) >>> 0);
    acc.set(bucket, (acc.get(bucket) ?? 0) + weight);
    if (sources !== undefined && surface !== null) {
      let s = sources.get(bucket);
      if (s === undefined) sources.set(bucket, (s = new Set()));
      if (s.size < 4) s.add(surface);
    }
  };
  for (const field of fields) {
    if (field.weight <= 0 || field.text.trim() === '') continue;
    const { language, tokens: all } = analyze(field.text, {
      removeStopWords: !spec.keepStopWords,
      stem: spec.stem,
    });
    const tokens =
      spec.minWordLength <= 1
        ? all
        : all.filter((t) => t.kind === 'placeholder' || t.surface.length >= spec.minWordLength);
    languages[language] += tokens.length;
    const chars = spec.charMax > 0 && (spec.charLanguages === 'all' || language === 'de');
    // Explanations only: training and prediction features do not depend on it.
    const shown = sources === undefined ? () => null : shownAs(personNames(field.text));
    let prev: Token | null = null;
    let prev2: Token | null = null;
    for (const t of tokens) {
      add(WORD + t.term, field.weight, shown(t));
      if (spec.bigrams && prev !== null) add(BIGRAM + prev.term + ' ' + t.term, field.weight, shown(prev, t));
      if (spec.trigrams && prev !== null && prev2 !== null)
        add(TRIGRAM + prev2.term + ' ' + prev.term + ' ' + t.term, field.weight, shown(prev2, prev, t));
      prev2 = prev;
      prev = t;
      if (chars && t.kind === 'word' && t.surface.length >= spec.charMinWordLength) {
        const padded = ` ${t.surface} `;
        for (let n = spec.charMin; n <= spec.charMax; n++) {
          for (let i = 0; i + n <= padded.length; i++)
            add(CHAR + padded.slice(i, i + n), field.weight, shown(t));
        }
      }
      if (viewStart > 0) addView(t, field.weight, spec, (key, w) => add(key, w, shown(t), viewStart));
    }
  }
  const keys = Uint32Array.from(acc.keys()).sort();
  const counts = new Float32Array(keys.length);
  keys.forEach((k, i) => (counts[i] = acc.get(k) ?? 0));
  const language: Language =
    languages.de > languages.en ? 'de' : languages.en > 0 ? 'en' : languages.de > 0 ? 'de' : 'other';
  return { keys, counts, language };
}

/** The char view of one token: n-grams of the space-padded word (a placeholder counts whole). */
function addView(t: Token, weight: number, spec: FeatureSpec, add: (key: string, w: number) => void): void {
  if (t.kind === 'placeholder') {
    add(VIEW + t.term, weight);
    return;
  }
  const padded = ` ${t.surface} `;
  for (let n = spec.viewCharMin; n <= spec.viewCharMax; n++)
    for (let i = 0; i + n <= padded.length; i++) add(VIEW + padded.slice(i, i + n), weight);
}
