import { ticketText } from '../text/plain-text';
import { charViewStart, extractFeatures } from './features';
import type { FeatureSources, RawFeatures } from './features';
import type { ClassifierModel, TicketText } from './types';
import type { SparseVector } from './vocabulary';
import { sortedBucketIndex, vectorize } from './vocabulary';

export function ticketFeatures(
  model: Pick<ClassifierModel, 'spec' | 'summaryWeight' | 'descriptionWeight'>,
  text: TicketText,
  sources?: FeatureSources,
): RawFeatures {
  return extractFeatures(
    [
      { text: ticketText(text.summary ?? ''), weight: model.summaryWeight },
      { text: ticketText(text.description ?? ''), weight: model.descriptionWeight },
    ],
    model.spec,
    sources,
  );
}

/** Linear scores w_c·x + b_c for every class. */
export function linearScores(
  model: Pick<ClassifierModel, 'weights' | 'bias'>,
  x: SparseVector,
): Float64Array {
  const c = model.bias.length;
  const out = Float64Array.from(model.bias);
  for (let k = 0; k < x.index.length; k++) {
    const row = (x.index[k] ?? 0) * c;
    const v = x.value[k] ?? 0;
    for (let j = 0; j < c; j++) out[j] = (out[j] ?? 0) + (model.weights[row + j] ?? 0) * v;
  }
  return out;
}

/** Softmax of scores / temperature, computed stably. */
export function softmax(scores: Float64Array, temperature: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let j = 0; j < scores.length; j++) {
    const e = Math.exp(((scores[j] ?? 0) - max) / temperature);
    out[j] = e;
    sum += e;
  }
  for (let j = 0; j < out.length; j++) out[j] = (out[j] ?? 0) / sum;
  return out;
}

export function vectorFor(
  model: ClassifierModel,
  text: TicketText,
  sources?: FeatureSources,
): { x: SparseVector; raw: RawFeatures } {
  const raw = ticketFeatures(model, text, sources);
  const indexOf = sortedBucketIndex(model.vocab);
  return { x: vectorize(raw, model.vocab, indexOf, model.spec.sublinearTf, charViewStart(model.spec)), raw };
}
