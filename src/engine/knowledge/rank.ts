import { analyze, guessLanguage, normalize } from '../text';
import type { Language } from '../text';
import { bestPassage } from './snippet';
import type {
  ArticleDoc,
  ArticleEvidence,
  ArticleFeatures,
  ArticleRankParams,
  QueryTermWeight,
  RankedArticle,
  SharedArticleTerm,
} from './types';

/**
 * Set by the knowledge bench on the older half of the demo desk's tickets (docs/benchmarks.md,
 * "Knowledge"): the text match decides, the title and language break near-ties, and evidence
 * from solved similar tickets lifts an article the words alone would rank second.
 */
export const DEFAULT_ARTICLE_RANK: ArticleRankParams = {
  weights: { text: 1, title: 0.3, sameLanguage: 0.15, solved: 0.5, feedback: 0.3, search: 0.05 },
  k1: 1.2,
  b: 0.5,
  titleWeight: 2,
};

/** Characters of an article's body analysed: a long page is ranked by its beginning. */
const ARTICLE_CHARS = 20_000;
const LANGUAGE_SAMPLE = 2_000;

interface AnalyzedArticle {
  doc: ArticleDoc;
  language: Language;
  title: Map<string, number>;
  body: Map<string, number>;
  length: number;
  /** The first way the article writes each term. */
  surface: Map<string, string>;
}

function counts(tokens: readonly { term: string; kind: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) if (t.kind === 'word') out.set(t.term, (out.get(t.term) ?? 0) + 1);
  return out;
}

export function articleLanguage(doc: ArticleDoc): Language {
  const sample = normalize(`${doc.title}\n${doc.text.slice(0, LANGUAGE_SAMPLE)}`);
  return guessLanguage(sample.split(/[^\p{L}\p{M}]+/u));
}

function analyzeArticle(doc: ArticleDoc): AnalyzedArticle {
  const language = articleLanguage(doc);
  const title = analyze(doc.title, { language }).tokens;
  const body = analyze(doc.text, { language, maxChars: ARTICLE_CHARS }).tokens;
  const surface = new Map<string, string>();
  for (const t of [...title, ...body])
    if (t.kind === 'word' && !surface.has(t.term)) surface.set(t.term, t.surface);
  return {
    doc,
    language,
    title: counts(title),
    body: counts(body),
    length: body.filter((t) => t.kind === 'word').length,
    surface,
  };
}

const NO_EVIDENCE: ArticleEvidence = { solvedSimilar: 0, helped: 0, notHelped: 0 };

/**
 * Ranks the knowledge base's candidate articles for one ticket. The ticket's distinctive terms
 * (weighted as the similar engine weighs them) are matched against each article's title and
 * body with BM25 (the body normalised by length against the candidates' average), then what
 * past tickets say about the article is added. An article that shares no term with the ticket
 * and solved no similar ticket is left out: nothing could explain showing it.
 */
export function rankArticles(
  query: readonly QueryTermWeight[],
  articles: readonly ArticleDoc[],
  options: {
    ticketLanguage: Language;
    evidence?: ReadonlyMap<string, ArticleEvidence>;
    params?: ArticleRankParams;
  },
): RankedArticle[] {
  const params = options.params ?? DEFAULT_ARTICLE_RANK;
  const terms = query.filter((q) => q.weight > 0 && Number.isFinite(q.weight));
  const analyzed = articles.map(analyzeArticle);
  const avgLength = Math.max(1, analyzed.reduce((n, a) => n + a.length, 0) / Math.max(1, analyzed.length));
  const totalWeight = terms.reduce((n, q) => n + q.weight, 0);
  const out: RankedArticle[] = [];
  for (const a of analyzed) {
    const norm = 1 - params.b + (params.b * a.length) / avgLength;
    let text = 0;
    let title = 0;
    const shared: SharedArticleTerm[] = [];
    for (const q of terms) {
      const inTitle = a.title.get(q.term) ?? 0;
      const inBody = a.body.get(q.term) ?? 0;
      if (inTitle + inBody === 0) continue;
      const tf = params.titleWeight * inTitle + inBody / norm;
      text += (q.weight * (tf * (params.k1 + 1))) / (params.k1 + tf);
      if (inTitle > 0) title += q.weight;
      shared.push({
        term: q.term,
        weight: q.weight,
        ticketSurface: q.surfaces[0] ?? q.term,
        articleSurface: a.surface.get(q.term) ?? q.term,
      });
    }
    const evidence = options.evidence?.get(a.doc.id) ?? NO_EVIDENCE;
    if (shared.length === 0 && evidence.solvedSimilar <= 0) continue;
    const rated = evidence.helped + evidence.notHelped;
    const features: ArticleFeatures = {
      text: totalWeight > 0 ? text / (totalWeight * (params.k1 + 1)) : 0,
      title: totalWeight > 0 ? title / totalWeight : 0,
      sameLanguage: a.language === options.ticketLanguage ? 1 : 0,
      solved: 1 - Math.exp(-Math.max(0, evidence.solvedSimilar)),
      feedback: rated > 0 ? (evidence.helped - evidence.notHelped) / (rated + 2) : 0,
      search: a.doc.searchRank === undefined ? 0 : 1 / (1 + Math.max(0, a.doc.searchRank)),
    };
    const w = params.weights;
    const score =
      w.text * features.text +
      w.title * features.title +
      w.sameLanguage * features.sameLanguage +
      w.solved * features.solved +
      w.feedback * features.feedback +
      w.search * features.search;
    shared.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
    out.push({
      id: a.doc.id,
      score,
      features,
      language: a.language,
      sharedTerms: shared,
      snippet: bestPassage(a.doc.text, new Map(shared.map((s) => [s.term, s.weight])), a.language),
    });
  }
  return out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
