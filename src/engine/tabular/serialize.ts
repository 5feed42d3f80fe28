import { z } from 'zod';
import { parseStored } from './parse-stored';
import type { CalibratedClassifier } from './calibrated-classifier';
import type { Encoder } from './encoder';
import type { SparseLogisticModel } from './sparse-logistic';

/**
 * A calibrated tabular classifier as plain JSON, versioned and validated with zod on load
 * (stored models are bytes from outside: a damaged or foreign one is refused, never guessed at).
 */
const Name = z.string().max(1000);
/** The encoder and logistic weights, shared by every stored tabular model. */
export const LinearModelJson = {
  spec: z.object({
    categorical: z.array(Name).max(200),
    numeric: z.array(Name).max(200),
    crosses: z.array(z.tuple([Name, Name])).max(200),
    minCount: z.number().int().min(1),
    numericBins: z.number().int().min(1).max(100),
  }),
  columns: z.array(z.tuple([z.string().max(5000), z.number().int().nonnegative()])),
  numeric: z.array(
    z.object({ mean: z.number().finite(), std: z.number().positive(), cuts: z.array(z.number().finite()) }),
  ),
  names: z.array(z.string().max(5000)),
  bias: z.number().finite(),
  weights: z.array(z.number().finite()),
};

type LinearJson = { [K in keyof typeof LinearModelJson]: z.infer<(typeof LinearModelJson)[K]> };

/** Checks every stored linear model must pass (lengths and indexes agree). */
export const linearModelConsistent = (e: LinearJson): string | null =>
  e.weights.length !== e.names.length
    ? 'weights and column names differ in length'
    : !e.columns.every(([, i]) => i < e.names.length)
      ? 'a column index is out of range'
      : e.numeric.length !== e.spec.numeric.length
        ? 'numeric statistics do not match the numeric fields'
        : null;

const Envelope = z
  .object({
    kind: z.literal('tabular-calibrated-classifier'),
    version: z.number().int(),
    ...LinearModelJson,
    calibrator: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('platt'), a: z.number().finite().nonnegative(), b: z.number().finite() }),
      z.object({
        kind: z.literal('isotonic'),
        thresholds: z.array(z.number()),
        probabilities: z.array(z.number().min(0).max(1)),
      }),
    ]),
  })
  .superRefine((e, ctx) => {
    const problem = linearModelConsistent(e);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const TABULAR_MODEL_VERSION = 1;

/** The encoder and weights as the LinearModelJson fields. */
export function linearToJson(encoder: Encoder, model: SparseLogisticModel): Record<string, unknown> {
  return {
    spec: encoder.spec,
    columns: [...encoder.columns.entries()],
    numeric: encoder.numeric,
    names: encoder.names,
    bias: model.bias,
    weights: [...model.weights],
  };
}

export function classifierToJson(c: CalibratedClassifier): unknown {
  return {
    kind: 'tabular-calibrated-classifier',
    version: TABULAR_MODEL_VERSION,
    ...linearToJson(c.encoder, c.model),
    calibrator: c.calibrator,
  };
}

export function classifierFromJson(json: unknown): CalibratedClassifier {
  const e = parseStored(Envelope, json, 'classifier', TABULAR_MODEL_VERSION);
  return { ...linearFromJson(e), calibrator: e.calibrator };
}

/** The encoder and weights back from validated LinearModelJson fields. */
export function linearFromJson(e: LinearJson): { encoder: Encoder; model: SparseLogisticModel } {
  return {
    encoder: {
      spec: e.spec,
      columns: new Map(e.columns),
      numeric: e.numeric,
      names: e.names,
      width: e.names.length,
    },
    model: { bias: e.bias, weights: Float64Array.from(e.weights) },
  };
}
