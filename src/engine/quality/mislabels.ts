import { predict, trainClassifier } from '../classify';
import type { LabelledTicket, TicketText } from '../classify/types';
import { InputError } from '../errors';
import { createRng, shuffleInPlace } from '../util/rng';
import type { TermVector } from './clusters';
import { cosine } from './clusters';

/** One labelled ticket as the mislabel check reads it; `words` are its analysed terms. */
export interface MislabelInput {
  id: string;
  text: TicketText;
  words: readonly string[];
  label: string;
  /** The ticket's other field values as `field=value` (component, team, category…): evidence too. */
  context?: readonly string[];
}

/** A ticket whose label is probably wrong, with the evidence a lead can check. */
export interface LikelyMislabel {
  id: string;
  label: string;
  /** The value the out-of-fold model and the neighbours agree on. */
  suggested: string;
  /** Out-of-fold probability of `suggested`. */
  confidence: number;
  /** Of the nearest labelled tickets: how many carry `suggested`, how many the ticket's own label. */
  neighbours: { suggested: number; own: number; total: number; ids: string[] };
  /** Other field values that go with `suggested` more often than with the label. */
  fieldsAgreeing: string[];
}

export interface MislabelOptions {
  /** Folds of the out-of-fold prediction (default 5). */
  folds?: number;
  /** Nearest neighbours read per suspect (default 10). */
  neighbours?: number;
  /** Share of the neighbours that must carry the suggested value (default 0.5). */
  minNeighbourShare?: number;
  /** At most this share of the neighbours may carry the ticket's own label (default 0.2). */
  maxOwnShare?: number;
  /** Ask the ticket's other field values too (default true; off only to measure what they add). */
  useFields?: boolean;
  seed?: number;
}

/** Confident: more probable than every other value together (or past its class's threshold). */
const CONFIDENT = 0.5;
/** Out-of-fold models train fast: one C, no char view (the check needs ranks, not the last point). */
const FAST_TRAINING = { c: 0.5, charView: false, viewBlend: 1, folds: 2, outOfFoldEnough: 2000 } as const;

/**
 * Likely mislabels: tickets whose label disagrees both with a confident out-of-fold prediction
 * (the model trained without them clears its per-class threshold for another value) and with
 * their nearest neighbours by text (most carry that other value, few their own). Either signal
 * alone flags honest borderline tickets; a ticket whose other field values back its label is
 * left alone too (recall and precision on planted truth are not yet benchmarked).
 */
export function likelyMislabels(
  items: readonly MislabelInput[],
  options: MislabelOptions = {},
): LikelyMislabel[] {
  const folds = Math.max(2, Math.min(10, options.folds ?? 5));
  const k = options.neighbours ?? 10;
  const minShare = options.minNeighbourShare ?? 0.5;
  const maxOwn = options.maxOwnShare ?? 0.2;
  const seed = options.seed ?? 1;
  const usable = items.filter((i) => i.words.length > 0);
  if (new Set(usable.map((i) => i.label)).size < 2 || usable.length < folds * 10) return [];

  const suspects: { index: number; suggested: string; confidence: number }[] = [];
  const fold = new Int32Array(usable.length);
  shuffleInPlace(
    usable.map((_, i) => i),
    createRng(seed),
  ).forEach((i, j) => (fold[i] = j % folds));
  for (let f = 0; f < folds; f++) {
    const train: LabelledTicket[] = [];
    usable.forEach((u, i) => {
      if (fold[i] !== f) train.push({ text: u.text, label: u.label });
    });
    let model;
    try {
      model = trainClassifier(train, { ...FAST_TRAINING, seed });
    } catch (e) {
      if (e instanceof InputError) continue;
      throw e;
    }
    usable.forEach((u, i) => {
      if (fold[i] !== f) return;
      const p = predict(model, u.text, { explainTerms: 0 });
      const top = p.ranked[0];
      if (top !== undefined && top.label !== u.label && (top.probability >= CONFIDENT || !p.abstained))
        suspects.push({ index: i, suggested: top.label, confidence: top.probability });
    });
  }
  if (suspects.length === 0) return [];

  const vectors = tfIdfVectors(usable.map((u) => u.words));
  const fields = fieldEvidence(usable);
  const out: LikelyMislabel[] = [];
  for (const s of suspects) {
    const me = usable[s.index] as MislabelInput;
    const nearest = nearestOf(vectors, s.index, k);
    const labels = nearest.map((j) => usable[j]?.label);
    const suggested = labels.filter((l) => l === s.suggested).length;
    const own = labels.filter((l) => l === me.label).length;
    if (nearest.length === 0 || suggested < minShare * nearest.length || own > maxOwn * nearest.length)
      continue;
    const context = fields.compare(me, s.suggested);
    if (options.useFields !== false && context.logRatio < 0) continue;
    out.push({
      id: me.id,
      label: me.label,
      suggested: s.suggested,
      confidence: s.confidence,
      neighbours: {
        suggested,
        own,
        total: nearest.length,
        ids: nearest.slice(0, 5).map((j) => usable[j]?.id ?? ''),
      },
      fieldsAgreeing: context.agreeing,
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.id < b.id ? -1 : 1));
}

/**
 * How the ticket's other field values side: Σ log P(suggested | value) / P(label | value) over
 * its values, counted without the ticket itself and smoothed toward the labels' shares, so a
 * value seen on few tickets says little. Below zero: the other fields back the label (an honest
 * ticket written in another class's words); at or above: nothing but the label itself says so.
 */
function fieldEvidence(items: readonly MislabelInput[]) {
  const SMOOTHING = 5;
  const byValue = new Map<string, Map<string, number>>();
  const labelCount = new Map<string, number>();
  for (const item of items) {
    labelCount.set(item.label, (labelCount.get(item.label) ?? 0) + 1);
    for (const v of new Set(item.context ?? [])) {
      let m = byValue.get(v);
      if (m === undefined) byValue.set(v, (m = new Map<string, number>()));
      m.set(item.label, (m.get(item.label) ?? 0) + 1);
    }
  }
  const prior = (label: string) => (labelCount.get(label) ?? 0) / items.length;
  return {
    compare(item: MislabelInput, suggested: string): { logRatio: number; agreeing: string[] } {
      let logRatio = 0;
      const agreeing: string[] = [];
      for (const v of new Set(item.context ?? [])) {
        const m = byValue.get(v);
        if (m === undefined) continue;
        let total = -1;
        for (const n of m.values()) total += n;
        const share = (label: string, self: number) =>
          ((m.get(label) ?? 0) - self + SMOOTHING * prior(label)) / (total + SMOOTHING);
        const r = Math.log(share(suggested, 0) / share(item.label, 1));
        logRatio += r;
        if (r > Math.log(2)) agreeing.push(v);
      }
      return { logRatio, agreeing };
    },
  };
}

/** L2-normalised tf·idf vectors, so a shared rare word counts more than a shared common one. */
function tfIdfVectors(docs: readonly (readonly string[])[]): TermVector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  return docs.map((d) => {
    const v: TermVector = new Map();
    for (const w of d) v.set(w, (v.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, tf] of v) {
      const x = (1 + Math.log(tf)) * Math.log((docs.length + 1) / ((df.get(w) ?? 0) + 1));
      v.set(w, x);
      norm += x * x;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [w, x] of v) v.set(w, x * s);
    return v;
  });
}

/** Indexes of the k most similar other tickets (cosine > 0), most similar first. */
function nearestOf(vectors: readonly TermVector[], index: number, k: number): number[] {
  const me = vectors[index] as TermVector;
  const scored: { j: number; s: number }[] = [];
  vectors.forEach((v, j) => {
    if (j === index) return;
    const s = cosine(me, v);
    if (s > 0) scored.push({ j, s });
  });
  return scored
    .sort((a, b) => b.s - a.s || a.j - b.j)
    .slice(0, k)
    .map((x) => x.j);
}
