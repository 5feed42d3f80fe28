import { z } from 'zod';
import {
  base64Field,
  decodeFloat32,
  decodeInt8,
  decodeUint32,
  decodeUint8,
  defineEnvelope,
  dequantizeInt8,
  encodeFloat32,
  encodeInt8,
  encodeUint32,
  encodeUint8,
  parseStoredJson,
  quantizeInt8,
  BadModelError,
} from '../model';
import { bucketSpace } from './features';
import type { ClassifierModel } from './types';

/** Weights are int8 with one float scale per block of this many values. */
const BLOCK = 1024;
/** IDF is stored as uint8 steps of 1/20 above 1 (IDF ≥ 1 by construction; max 13.75). */
const IDF_STEP = 20;

const payload = z.object({
  labels: z.array(z.string().max(1000)).min(2).max(5000),
  spec: z.object({
    hashBits: z.number().int().min(16).max(24),
    bigrams: z.boolean(),
    trigrams: z.boolean(),
    minWordLength: z.number().int().min(1).max(10),
    charMin: z.number().int().min(2).max(8),
    charMax: z.number().int().min(0).max(8),
    charMinWordLength: z.number().int().min(1).max(64),
    charLanguages: z.enum(['de', 'all']),
    keepStopWords: z.boolean(),
    stem: z.boolean(),
    sublinearTf: z.boolean(),
    // Models stored before the char view have none.
    viewCharMin: z.number().int().min(1).max(8).default(2),
    viewCharMax: z.number().int().min(0).max(8).default(0),
  }),
  summaryWeight: z.number().min(0),
  descriptionWeight: z.number().min(0),
  buckets: base64Field,
  idf: base64Field,
  weights: base64Field,
  weightScales: base64Field,
  bias: base64Field,
  temperature: z.number().positive(),
  thresholds: base64Field,
  targetPrecision: z.number().min(0).max(1),
  classCounts: z.array(z.number().int().min(0)),
  excluded: z.array(
    z.object({ label: z.string(), examples: z.number().int().min(0), reason: z.literal('too_few_examples') }),
  ),
  updates: z.number().int().min(0),
  crossValidation: z
    .object({
      folds: z.number().int().min(2),
      scored: z.number().int().min(0),
      accuracy: z.number().min(0).max(1),
      wordC: z.number().positive(),
      charC: z.number().positive().nullable(),
      viewBlend: z.number().min(0).max(1),
    })
    .optional(),
});

/** Envelope of a single-label classifier: kind "classifier", version 1. */
export const classifierEnvelope = defineEnvelope('classifier', 1, payload);

/** Rounds weights and IDF to what the stored form keeps, so a loaded model predicts exactly the same. */
export function roundToStoredPrecision(model: ClassifierModel): ClassifierModel {
  const { q, scales } = quantizeInt8(model.weights, BLOCK);
  const idf = Float32Array.from(quantizeIdf(model.vocab.idf), (v) => 1 + v / IDF_STEP);
  return {
    ...model,
    weights: dequantizeInt8(q, scales, BLOCK),
    vocab: { buckets: model.vocab.buckets, idf },
  };
}

const quantizeIdf = (idf: Float32Array): Uint8Array =>
  Uint8Array.from(idf, (v) => Math.min(255, Math.max(0, Math.round((v - 1) * IDF_STEP))));

/** Serialises to a JSON string (typed arrays as base64; about 1 byte per weight after base64). */
export function serializeClassifier(model: ClassifierModel): string {
  const { q, scales } = quantizeInt8(model.weights, BLOCK);
  return JSON.stringify(
    classifierEnvelope.wrap({
      labels: model.labels,
      spec: model.spec,
      summaryWeight: model.summaryWeight,
      descriptionWeight: model.descriptionWeight,
      buckets: encodeUint32(model.vocab.buckets),
      idf: encodeUint8(quantizeIdf(model.vocab.idf)),
      weights: encodeInt8(q),
      weightScales: encodeFloat32(scales),
      bias: encodeFloat32(model.bias),
      temperature: model.temperature,
      thresholds: encodeFloat32(model.thresholds),
      targetPrecision: model.targetPrecision,
      classCounts: [...model.classCounts],
      excluded: model.excluded,
      updates: model.updates,
      ...(model.crossValidation === undefined ? {} : { crossValidation: model.crossValidation }),
    }),
  );
}

/** Loads a serialised classifier; UnknownModelVersionError for another version, BadModelError for anything malformed. */
export function loadClassifier(text: string): ClassifierModel {
  const p = classifierEnvelope.unwrap(parseStoredJson(text, 'classifier'));
  const c = p.labels.length;
  const buckets = decodeUint32(p.buckets, 'buckets');
  const idfQ = decodeUint8(p.idf, 'idf');
  const q = decodeInt8(p.weights, 'weights');
  const scales = decodeFloat32(p.weightScales, 'weightScales');
  const bias = decodeFloat32(p.bias, 'bias');
  const thresholds = decodeFloat32(p.thresholds, 'thresholds');
  const dim = buckets.length;
  if (
    idfQ.length !== dim ||
    q.length !== dim * c ||
    bias.length !== c ||
    thresholds.length !== c ||
    p.classCounts.length !== c
  ) {
    throw new BadModelError('classifier arrays disagree with its label count');
  }
  const limit = bucketSpace(p.spec);
  for (let i = 0; i < dim; i++) {
    const b = buckets[i] ?? 0;
    if (b >= limit || (i > 0 && b <= (buckets[i - 1] ?? 0)))
      throw new BadModelError('classifier buckets are not sorted hash buckets');
  }
  return {
    labels: p.labels,
    spec: p.spec,
    summaryWeight: p.summaryWeight,
    descriptionWeight: p.descriptionWeight,
    vocab: { buckets, idf: Float32Array.from(idfQ, (v) => 1 + v / IDF_STEP) },
    weights: dequantizeInt8(q, scales, BLOCK),
    bias,
    temperature: p.temperature,
    thresholds,
    targetPrecision: p.targetPrecision,
    classCounts: Uint32Array.from(p.classCounts),
    excluded: p.excluded,
    updates: p.updates,
    ...(p.crossValidation === undefined ? {} : { crossValidation: p.crossValidation }),
  };
}
