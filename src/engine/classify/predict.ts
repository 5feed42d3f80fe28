import type { FeatureSources } from './features';
import { linearScores, softmax, vectorFor } from './scores';
import type { ClassifierModel, ExplanationTerm, Prediction, TicketText } from './types';

export interface PredictOptions {
  /** Explanation terms returned at most (default 5; 0 skips the explanation work). */
  explainTerms?: number;
}

/**
 * Ranks every class for a ticket with calibrated probabilities, says whether the top class
 * clears its abstain threshold, and explains it with the ticket's own words.
 */
export function predict(model: ClassifierModel, text: TicketText, options: PredictOptions = {}): Prediction {
  const explainTerms = options.explainTerms ?? 5;
  const sources: FeatureSources | undefined = explainTerms > 0 ? new Map() : undefined;
  const { x, raw } = vectorFor(model, text, sources);
  const p = softmax(linearScores(model, x), model.temperature);
  const order = model.labels.map((_, i) => i).sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0) || a - b);
  const top = order[0] ?? 0;
  const threshold = model.thresholds[top] ?? 1;
  return {
    ranked: order.map((i) => ({ label: model.labels[i] ?? '', probability: p[i] ?? 0 })),
    abstained: !((p[top] ?? 0) >= threshold),
    threshold,
    explanation: sources === undefined ? [] : explain(model, x, top, sources, explainTerms),
    language: raw.language,
  };
}

/**
 * Each feature's push toward `cls` is x_f · (w_f,cls − mean_k w_f,k); features are summed back
 * onto the surface words that produced them (a bigram's push is split between its two words'
 * pair text; an n-gram's goes to its word).
 */
function explain(
  model: ClassifierModel,
  x: { index: Int32Array; value: Float32Array },
  cls: number,
  sources: FeatureSources,
  limit: number,
): ExplanationTerm[] {
  const c = model.labels.length;
  const byText = new Map<string, number>();
  for (let k = 0; k < x.index.length; k++) {
    const f = x.index[k] ?? 0;
    let mean = 0;
    for (let j = 0; j < c; j++) mean += model.weights[f * c + j] ?? 0;
    const push = (x.value[k] ?? 0) * ((model.weights[f * c + cls] ?? 0) - mean / c);
    const words = sources.get(model.vocab.buckets[f] ?? -1);
    if (words === undefined || words.size === 0) continue;
    for (const w of words) byText.set(w, (byText.get(w) ?? 0) + push / words.size);
  }
  return [...byText]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([text, weight]) => ({ text, weight }));
}
