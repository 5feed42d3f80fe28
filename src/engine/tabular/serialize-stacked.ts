import { z } from 'zod';
import { parseStored } from './parse-stored';
import { LinearModelJson, linearFromJson, linearModelConsistent, linearToJson } from './serialize';
import type { StackedClassifier } from './stacked-classifier';
import type { Tree } from './boosted-trees';
import { categoryCodes } from './tree-classifier';

/**
 * The stacked classifier (one-hot logistic regression, boosted trees, stacker, calibration) as
 * plain JSON, validated with zod on load: a damaged or foreign model is refused, never guessed at.
 */
const Finite = z.number().finite();
const MAX_NODES = 1_000_000;

const TreeJson = z
  .object({
    feature: z.array(z.number().int().min(-1)),
    threshold: z.array(z.number().nullable()),
    left: z.array(z.number().int().min(-1)),
    right: z.array(z.number().int().min(-1)),
    value: z.array(Finite),
  })
  .refine(
    (t) =>
      t.feature.length > 0 &&
      [t.threshold, t.left, t.right, t.value].every((a) => a.length === t.feature.length),
    'tree arrays differ in length',
  )
  .refine(
    (t) =>
      t.feature.every(
        (f, i) =>
          f < 0 || [t.left[i] as number, t.right[i] as number].every((c) => c > i && c < t.feature.length),
      ),
    'a tree node points backwards or out of range',
  );

const Envelope = z
  .object({
    kind: z.literal('tabular-stacked-classifier'),
    version: z.number().int(),
    ...LinearModelJson,
    trees: z
      .object({
        prior: z.number().min(0).max(1),
        smoothing: z.number().positive(),
        rows: z.number().int().nonnegative(),
        slotFields: z.array(z.array(z.number().int().nonnegative()).min(1).max(2)),
        slots: z.array(
          z.array(z.tuple([z.string().max(5000), z.number().nonnegative(), z.number().nonnegative()])),
        ),
        numericCount: z.number().int().nonnegative(),
        bias: Finite,
        featureCount: z.number().int().nonnegative(),
        trees: z.array(TreeJson).max(5000),
      })
      .refine((t) => t.slots.length === t.slotFields.length, 'target statistics do not match their slots')
      .refine(
        (t) =>
          t.featureCount ===
          2 * t.slotFields.length + t.numericCount + t.slotFields.filter((f) => f.length === 1).length,
        'feature count is inconsistent',
      )
      .refine(
        (t) => t.trees.every((tree) => tree.feature.every((f) => f < t.featureCount)),
        'a tree splits on an unknown feature',
      )
      .refine(
        (t) => t.trees.reduce((s, tree) => s + tree.feature.length, 0) <= MAX_NODES,
        'too many tree nodes',
      )
      .nullable(),
    stack: z.object({ bias: Finite, linear: Finite, trees: Finite }),
    isotonic: z
      .object({
        kind: z.literal('isotonic'),
        thresholds: z.array(z.number()),
        probabilities: z.array(z.number().min(0).max(1)),
      })
      .nullable(),
    choice: z.object({
      model: z.enum(['linear', 'trees', 'blend']),
      calibration: z.enum(['platt', 'isotonic']),
      slice: z.enum(['all', 'recent']),
      candidates: z.record(z.string().max(100), z.number()),
      recency: z.object({ all: z.number(), recent: z.number(), share: z.number().min(0).max(1) }).nullable(),
      treeRounds: z.number().int().nonnegative(),
    }),
  })
  .superRefine((e, ctx) => {
    const problem = linearModelConsistent(e);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .refine(
    (e) => e.trees === null || e.trees.slotFields.every((s) => s.every((f) => f < e.spec.categorical.length)),
    'a target statistic reads an unknown field',
  );

export const STACKED_MODEL_VERSION = 1;

// JSON has no −Infinity: the "missing only" split threshold is stored as null.
const thresholdOut = (v: number): number | null => (Number.isFinite(v) ? v : null);
const thresholdIn = (v: number | null): number => (v === null ? Number.NEGATIVE_INFINITY : v);

export function stackedToJson(c: StackedClassifier): unknown {
  return {
    kind: 'tabular-stacked-classifier',
    version: STACKED_MODEL_VERSION,
    ...linearToJson(c.encoder, c.linear),
    trees:
      c.trees === null
        ? null
        : {
            prior: c.trees.stats.prior,
            smoothing: c.trees.stats.smoothing,
            rows: c.trees.stats.rows,
            slotFields: c.trees.stats.slotFields.map((s) => [...s]),
            slots: c.trees.stats.slots.map((m) => [...m.entries()].map(([k, [n, p]]) => [k, n, p])),
            numericCount: c.trees.numericCount,
            bias: c.trees.trees.bias,
            featureCount: c.trees.trees.featureCount,
            trees: c.trees.trees.trees.map((t) => ({
              feature: [...t.feature],
              threshold: [...t.threshold].map(thresholdOut),
              left: [...t.left],
              right: [...t.right],
              value: [...t.value],
            })),
          },
    stack: c.stack,
    isotonic: c.isotonic,
    choice: c.choice,
  };
}

export function stackedFromJson(json: unknown): StackedClassifier {
  const e = parseStored(Envelope, json, 'stacked classifier', STACKED_MODEL_VERSION);
  const t = e.trees;
  const { encoder, model } = linearFromJson(e);
  return {
    encoder,
    linear: model,
    trees: t === null ? null : treesFromJson(t),
    stack: e.stack,
    isotonic: e.isotonic,
    choice: e.choice,
  };
}

function treesFromJson(
  t: NonNullable<z.infer<typeof Envelope>['trees']>,
): NonNullable<StackedClassifier['trees']> {
  const stats = {
    prior: t.prior,
    smoothing: t.smoothing,
    rows: t.rows,
    slotFields: t.slotFields,
    slots: t.slots.map((entries) => new Map(entries.map(([k, n, p]) => [k, [n, p] as [number, number]]))),
  };
  return {
    stats,
    codes: categoryCodes(stats),
    numericCount: t.numericCount,
    trees: {
      bias: t.bias,
      featureCount: t.featureCount,
      trees: t.trees.map((tree): Tree => ({
        feature: Int32Array.from(tree.feature),
        threshold: Float64Array.from(tree.threshold.map(thresholdIn)),
        left: Int32Array.from(tree.left),
        right: Int32Array.from(tree.right),
        value: Float64Array.from(tree.value),
      })),
    },
  };
}
