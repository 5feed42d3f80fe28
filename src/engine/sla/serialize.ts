import { z } from 'zod';
import { parseStored } from '../tabular/parse-stored';
import type { ResolutionModel } from './resolution-model';

/**
 * The time-to-resolution model as plain JSON, versioned and validated with zod on load, so a
 * stored model from another version or a damaged row is refused with a typed error instead of
 * producing silent nonsense.
 */
const Curve = z
  .object({
    times: z.array(z.number().finite().nonnegative()),
    survival: z.array(z.number().min(0).max(1)),
    count: z.number().int().nonnegative(),
    horizon: z.number().finite().nonnegative(),
  })
  .refine((c) => c.times.length === c.survival.length, 'times and survival differ in length');

const Envelope = z.object({
  kind: z.literal('sla-resolution-model'),
  version: z.number().int(),
  priorStrength: z.number().positive(),
  overall: Curve,
  segments: z.array(z.tuple([z.string().max(500), Curve])).max(100_000),
});

export const RESOLUTION_MODEL_VERSION = 1;

export function resolutionModelToJson(model: ResolutionModel): unknown {
  return {
    kind: 'sla-resolution-model',
    version: RESOLUTION_MODEL_VERSION,
    priorStrength: model.priorStrength,
    overall: model.overall,
    segments: [...model.segments.entries()],
  };
}

export function resolutionModelFromJson(json: unknown): ResolutionModel {
  const data = parseStored(Envelope, json, 'SLA model', RESOLUTION_MODEL_VERSION);
  // zod drops unknown keys, so each parsed curve is already a plain SurvivalCurve.
  return { priorStrength: data.priorStrength, overall: data.overall, segments: new Map(data.segments) };
}
