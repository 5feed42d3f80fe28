import { analyze } from '../text';
import type { Language } from '../text';

/** Characters a snippet shows at most: two lines of the narrow panel. */
export const SNIPPET_CHARS = 240;
/** Passages looked at: a long page's snippet comes from its first few hundred lines. */
const MAX_PASSAGES = 400;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lines, and sentences within long lines: the units a snippet is chosen from. */
function passages(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.length <= SNIPPET_CHARS) out.push(trimmed);
    else out.push(...(trimmed.match(/[^.!?]+[.!?]*\s*/g) ?? [trimmed]).map((s) => s.trim()));
    if (out.length >= MAX_PASSAGES) break;
  }
  return out;
}

/** Each word of `text` with its term (stemmed in `language`) and where it stands. */
function wordsWithTerms(text: string, language: Language): { term: string; start: number; end: number }[] {
  const out: { term: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const token = analyze(m[0], { language, removeStopWords: false }).tokens[0];
    if (token?.kind === 'word') out.push({ term: token.term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The passage of the article that holds most of the shared terms' weight (each term once), cut
 * to SNIPPET_CHARS around its first match, with the spans of the shared words in it. Without
 * any match it is the article's opening.
 */
export function bestPassage(
  text: string,
  weights: ReadonlyMap<string, number>,
  language: Language,
): { text: string; spans: [number, number][] } {
  const all = passages(text);
  let best = all[0] ?? '';
  let bestScore = 0;
  for (const p of all) {
    let score = 0;
    const seen = new Set<string>();
    for (const w of wordsWithTerms(p, language)) {
      if (seen.has(w.term)) continue;
      seen.add(w.term);
      score += weights.get(w.term) ?? 0;
    }
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  const words = wordsWithTerms(best, language).filter((w) => weights.has(w.term));
  const first = words[0]?.start ?? 0;
  const from =
    best.length <= SNIPPET_CHARS ? 0 : Math.max(0, Math.min(first - 40, best.length - SNIPPET_CHARS));
  const cut = best.slice(from, from + SNIPPET_CHARS);
  const spans = words
    .filter((w) => w.start >= from && w.end <= from + cut.length)
    .map((w): [number, number] => [w.start - from, w.end - from]);
  return { text: cut, spans: spans.slice(0, 30) };
}
