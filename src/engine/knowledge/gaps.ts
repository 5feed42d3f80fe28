import { z } from 'zod';
import { analyze } from '../text';

/**
 * Knowledge gaps for the lead: what resolved tickets keep asking that no article answers, and
 * which articles do not serve. Pure: the caller passes the tickets, the articles and the ratings.
 *
 * Definitions (simple on purpose, so a lead can check them by reading):
 * - a resolved ticket is *answered* when a comment links any article, or an article's words are
 *   close to its own (tf-idf cosine ≥ `answerSimilarity`);
 * - unanswered tickets are grouped greedily, oldest first: a ticket joins the group whose first
 *   ticket it is closest to (cosine ≥ `clusterSimilarity`), else starts one; a group of at least
 *   `minClusterSize` is a gap, ranked by the hours its tickets were open (volume × time spent);
 * - an article is *never helpful* when at least `minRatings` agents said it did not help and
 *   "did not help" dominates: "helped" is at most `maxHelpedShare` of its ratings (none at all is
 *   the plainest case). The app counts ratings, not views: the panel writes nothing per open;
 * - two articles *contradict* each other when they answer the same question (their titles are
 *   close, cosine ≥ `sameQuestion`, or they answer the same resolved tickets: at least
 *   `minSharedTickets` tickets each answers, and those are at least `sharedTicketShare` of
 *   each one's; an article answers a ticket it is linked from, or one it is close to and nearly
 *   the closest article of) but their bodies answer differently (cosine < `differentAnswer`). The
 *   evidence is listed: the two similarities, the shared tickets and the words only one body
 *   uses. Only articles in the same language are compared.
 */
export const GapParams = z.object({
  answerSimilarity: z.number().gt(0).max(1),
  clusterSimilarity: z.number().gt(0).max(1),
  minClusterSize: z.number().int().min(2),
  minRatings: z.number().int().min(1),
  maxHelpedShare: z.number().min(0).lt(1),
  sameQuestion: z.number().gt(0).max(1),
  minSharedTickets: z.number().int().min(1),
  sharedTicketShare: z.number().gt(0).max(1),
  differentAnswer: z.number().gt(0).max(1),
});
export type GapParams = z.infer<typeof GapParams>;

/**
 * `answerSimilarity` was picked by `npm run bench knowledge` (docs/benchmarks.md, "Knowledge"):
 * best F1 of the gaps found on the older half of the demo desk's resolved tickets with a third of
 * the how-tos held out, 0.75 F1 on the newer half. The others are set by reading, not fitted.
 */
export const DEFAULT_GAPS: GapParams = {
  answerSimilarity: 0.15,
  clusterSimilarity: 0.3,
  minClusterSize: 3,
  minRatings: 3,
  maxHelpedShare: 0.25,
  sameQuestion: 0.6,
  minSharedTickets: 3,
  sharedTicketShare: 0.5,
  differentAnswer: 0.3,
};

export interface GapTicket {
  key: string;
  summary: string;
  description: string;
  /** How it was solved, in the agent's words (the last public reply). */
  resolution: string;
  createdMs: number;
  resolvedMs: number;
  /** Articles its comments link. */
  linkedArticles: readonly string[];
}

export interface GapArticle {
  id: string;
  title: string;
  text: string;
  helped?: number;
  notHelped?: number;
}

export interface KnowledgeGap {
  /** Members, oldest first (at most 20 listed). */
  keys: string[];
  size: number;
  /** Hours from created to resolved, summed over the members. */
  hoursOpen: number;
  /** The group's most characteristic words, as written. */
  terms: string[];
  /** The member closest to the group's words: its question and how it was solved. */
  representative: { key: string; summary: string; resolution: string };
  /** A draft outline for the new article: a title, the question, the steps from the resolution. */
  outline: { title: string; question: string; steps: string[] };
  /** The closest article, too far to answer it (null when there is none). */
  nearest: { id: string; title: string; similarity: number } | null;
}

export interface ArticleRef {
  id: string;
  title: string;
}

export interface KnowledgeGapReport {
  tickets: number;
  answered: number;
  gaps: KnowledgeGap[];
  unhelpful: (ArticleRef & { helped: number; notHelped: number })[];
  conflicting: ArticleConflict[];
}

/** Two articles answering one question differently, with the evidence. */
export interface ArticleConflict {
  a: ArticleRef;
  b: ArticleRef;
  /** Title cosine. */
  questionSimilarity: number;
  /** Body cosine (below `differentAnswer`). */
  answerSimilarity: number;
  /** Resolved tickets both answer (words close to both): how many, and the first keys. */
  sharedTickets: number;
  sharedKeys: string[];
  /** The strongest words of each body the other does not use, as written. */
  onlyA: string[];
  onlyB: string[];
}

const MAX_LISTED = 20;
/** An article within this share of a ticket's closest one answers it as well (for the ticket rule). */
const NEAR_TOP = 0.8;
const MAX_STEPS = 8;
/** Characters of a text analysed: a ticket's description or an article is judged by its beginning. */
const TEXT_CHARS = 8_000;

type Vector = Map<string, number>;

interface Analyzed {
  terms: Map<string, number>;
  surfaces: Map<string, string>;
}

function analyzed(text: string): Analyzed {
  const terms = new Map<string, number>();
  const surfaces = new Map<string, string>();
  for (const t of analyze(text, { maxChars: TEXT_CHARS }).tokens) {
    if (t.kind !== 'word') continue;
    terms.set(t.term, (terms.get(t.term) ?? 0) + 1);
    if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);
  }
  return { terms, surfaces };
}

function vectorOf(terms: ReadonlyMap<string, number>, idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let sq = 0;
  for (const [term, n] of terms) {
    const w = (1 + Math.log(n)) * idf(term);
    if (w <= 0) continue;
    v.set(term, w);
    sq += w * w;
  }
  const norm = Math.sqrt(sq);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** idf over the given term bags (smoothed, never negative). */
function idfOver(bags: readonly ReadonlyMap<string, number>[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(1, bags.length);
  return (term) => Math.log(1 + n / (df.get(term) ?? 0.5));
}

/** The resolution as steps: its sentences or lines, without greetings-only fragments. */
function steps(resolution: string): string[] {
  return resolution
    .split(/\n+|(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}{3,}/u.test(s))
    .slice(0, MAX_STEPS)
    .map((s) => s.slice(0, 300));
}

export function knowledgeGaps(input: {
  tickets: readonly GapTicket[];
  articles: readonly GapArticle[];
  params?: GapParams;
}): KnowledgeGapReport {
  const params = GapParams.parse(input.params ?? DEFAULT_GAPS);
  const tickets = [...input.tickets].sort((a, b) => a.createdMs - b.createdMs || (a.key < b.key ? -1 : 1));
  const ticketText = tickets.map((t) => analyzed(`${t.summary}\n${t.summary}\n${t.description}`));
  const articleText = input.articles.map((a) => analyzed(`${a.title}\n${a.text}`));
  const idf = idfOver([...ticketText, ...articleText].map((a) => a.terms));
  const ticketVectors = ticketText.map((a) => vectorOf(a.terms, idf));
  const articleVectors = articleText.map((a) => vectorOf(a.terms, idf));

  const unanswered: { index: number; nearest: KnowledgeGap['nearest'] }[] = [];
  /** Per article, the tickets it answers: linked from them, or close enough to them. */
  const answers: Set<number>[] = input.articles.map(() => new Set<number>());
  tickets.forEach((t, i) => {
    let best: KnowledgeGap['nearest'] = null;
    const sims = articleVectors.map((v) => cosine(ticketVectors[i] as Vector, v));
    const top = Math.max(0, ...sims);
    input.articles.forEach((a, j) => {
      const s = sims[j] ?? 0;
      // It answers the ticket when linked, or close and (nearly) the closest: a loose match of an
      // article about something else is not an answer to compare answers by.
      if (t.linkedArticles.includes(a.id) || (s >= params.answerSimilarity && s >= NEAR_TOP * top))
        answers[j]?.add(i);
      if (best === null || s > best.similarity) best = { id: a.id, title: a.title, similarity: s };
    });
    // A linked article answered it, even one the caller could not pass (not found, not exported).
    if (t.linkedArticles.length > 0) return;
    const nearest = best as KnowledgeGap['nearest'];
    if (nearest === null || nearest.similarity < params.answerSimilarity)
      unanswered.push({ index: i, nearest });
  });

  const groups: { leader: number; members: typeof unanswered }[] = [];
  for (const u of unanswered) {
    let best: (typeof groups)[number] | undefined;
    let bestSim = params.clusterSimilarity;
    for (const g of groups) {
      const s = cosine(ticketVectors[u.index] as Vector, ticketVectors[g.leader] as Vector);
      if (s >= bestSim) [best, bestSim] = [g, s];
    }
    if (best) best.members.push(u);
    else groups.push({ leader: u.index, members: [u] });
  }

  const gaps = groups
    .filter((g) => g.members.length >= params.minClusterSize)
    .map((g) => describeGap(g.members, tickets, ticketText, ticketVectors))
    .sort(
      (a, b) =>
        b.hoursOpen - a.hoursOpen || b.size - a.size || (a.keys[0] ?? '').localeCompare(b.keys[0] ?? ''),
    );

  return {
    tickets: tickets.length,
    answered: tickets.length - unanswered.length,
    gaps,
    unhelpful: unhelpful(input.articles, params),
    conflicting: conflicts(
      input.articles,
      { bodies: articleVectors, texts: articleText, answers, keys: tickets.map((t) => t.key) },
      idf,
      params,
    ),
  };
}

function unhelpful(articles: readonly GapArticle[], params: GapParams): KnowledgeGapReport['unhelpful'] {
  return articles
    .map((a) => ({ id: a.id, title: a.title, helped: a.helped ?? 0, notHelped: a.notHelped ?? 0 }))
    .filter(
      (a) => a.notHelped >= params.minRatings && a.helped <= params.maxHelpedShare * (a.helped + a.notHelped),
    )
    .sort((a, b) => b.notHelped - b.helped - (a.notHelped - a.helped) || a.id.localeCompare(b.id));
}

function describeGap(
  members: readonly { index: number; nearest: KnowledgeGap['nearest'] }[],
  tickets: readonly GapTicket[],
  texts: readonly Analyzed[],
  vectors: readonly Vector[],
): KnowledgeGap {
  const centroid: Vector = new Map();
  for (const m of members)
    for (const [t, w] of vectors[m.index] as Vector) centroid.set(t, (centroid.get(t) ?? 0) + w);
  // The representative: closest to the group's words among members with a written resolution.
  const scored = members.map((m) => ({
    m,
    s: cosine(vectors[m.index] as Vector, centroid) + ((tickets[m.index]?.resolution ?? '') === '' ? -10 : 0),
  }));
  scored.sort((a, b) => b.s - a.s);
  const rep = tickets[scored[0]?.m.index ?? 0] as GapTicket;
  const terms = [...centroid.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(
      ([term]) => members.map((m) => texts[m.index]?.surfaces.get(term)).find((s) => s !== undefined) ?? term,
    );
  const nearest = members
    .map((m) => m.nearest)
    .reduce<KnowledgeGap['nearest']>(
      (a, b) => (b !== null && (a === null || b.similarity > a.similarity) ? b : a),
      null,
    );
  const hours = members.reduce((n, m) => {
    const t = tickets[m.index] as GapTicket;
    return n + Math.max(0, t.resolvedMs - t.createdMs) / 3_600_000;
  }, 0);
  return {
    keys: members.slice(0, MAX_LISTED).map((m) => (tickets[m.index] as GapTicket).key),
    size: members.length,
    hoursOpen: Math.round(hours),
    terms,
    representative: {
      key: rep.key,
      summary: rep.summary.slice(0, 255),
      resolution: rep.resolution.slice(0, 2000),
    },
    outline: {
      title: terms.join(' · ').slice(0, 255),
      question: rep.summary.slice(0, 255),
      steps: steps(rep.resolution),
    },
    nearest: nearest && { ...nearest, similarity: Math.round(nearest.similarity * 100) / 100 },
  };
}

interface ConflictEvidence {
  bodies: readonly Vector[];
  texts: readonly Analyzed[];
  /** Per article, the indices of the tickets it answers; `keys` names them. */
  answers: readonly Set<number>[];
  keys: readonly string[];
}

function conflicts(
  articles: readonly GapArticle[],
  evidence: ConflictEvidence,
  idf: (term: string) => number,
  params: GapParams,
): ArticleConflict[] {
  const titles = articles.map((a) => vectorOf(analyzed(a.title).terms, idf));
  const languages = articles.map((a) => analyze(`${a.title}\n${a.text}`, { maxChars: 2_000 }).language);
  const out: ArticleConflict[] = [];
  for (let i = 0; i < articles.length; i++)
    for (let j = i + 1; j < articles.length; j++) {
      if (languages[i] !== languages[j]) continue;
      const q = cosine(titles[i] as Vector, titles[j] as Vector);
      const shared = sharedAnswers(evidence.answers[i], evidence.answers[j]);
      const sameTickets =
        shared.length >= params.minSharedTickets &&
        shared.length >=
          params.sharedTicketShare * Math.max(evidence.answers[i]?.size ?? 0, evidence.answers[j]?.size ?? 0);
      if (q < params.sameQuestion && !sameTickets) continue;
      const [bodyA, bodyB] = [evidence.bodies[i] as Vector, evidence.bodies[j] as Vector];
      const a = cosine(bodyA, bodyB);
      if (a >= params.differentAnswer) continue;
      const [x, y] = [articles[i] as GapArticle, articles[j] as GapArticle];
      out.push({
        a: { id: x.id, title: x.title },
        b: { id: y.id, title: y.title },
        questionSimilarity: Math.round(q * 100) / 100,
        answerSimilarity: Math.round(a * 100) / 100,
        sharedTickets: shared.length,
        sharedKeys: shared.slice(0, 5).map((t) => evidence.keys[t] ?? ''),
        onlyA: onlyIn(bodyA, bodyB, evidence.texts[i]),
        onlyB: onlyIn(bodyB, bodyA, evidence.texts[j]),
      });
    }
  return out.sort((p, q) => q.questionSimilarity - p.questionSimilarity || q.sharedTickets - p.sharedTickets);
}

const sharedAnswers = (a: ReadonlySet<number> | undefined, b: ReadonlySet<number> | undefined): number[] =>
  a && b ? [...a].filter((t) => b.has(t)).sort((x, y) => x - y) : [];

/** The three heaviest words of `v` that `other` lacks, as the article writes them. */
function onlyIn(v: Vector, other: Vector, text: Analyzed | undefined): string[] {
  return [...v.entries()]
    .filter(([t]) => !other.has(t))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([t]) => (text?.surfaces.get(t) ?? t).slice(0, 100));
}
