import { z } from 'zod';
import { InputError } from '../errors';

/** Training options, validated (they may come from admin configuration). docs/benchmarks.md says how each default was chosen. */
export const trainOptionsSchema = z.object({
  /** Seed for the folds and the solver's order: same seed, same data → same model. */
  seed: z.number().int().default(1),
  /** log2 of hash buckets before pruning (16–24). */
  hashBits: z.number().int().min(16).max(24).default(22),
  bigrams: z.boolean().default(true),
  trigrams: z.boolean().default(false),
  minWordLength: z.number().int().min(1).max(10).default(1),
  /** In-word character n-gram lengths; charMax 0 turns them off. */
  charMin: z.number().int().min(2).max(8).default(3),
  charMax: z.number().int().min(0).max(8).default(5),
  charMinWordLength: z.number().int().min(1).max(64).default(6),
  charLanguages: z.enum(['de', 'all']).default('de'),
  keepStopWords: z.boolean().default(true),
  stem: z.boolean().default(false),
  /** 1 + ln(tf) instead of raw counts, or 'auto': 1 + ln(tf) when most tickets have summary and description. */
  sublinearTf: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  summaryWeight: z.number().min(0).max(10).default(2),
  descriptionWeight: z.number().min(0).max(10).default(1),
  /** Features seen in fewer training tickets are dropped. */
  minDf: z.number().int().min(1).max(100).default(2),
  /** Classes with fewer examples are left out and reported. */
  minExamplesPerClass: z.number().int().min(2).max(1000).default(3),
  /** SVM inverse regularisation, or the candidates to choose from by out-of-fold accuracy ('auto': C_GRID). */
  c: z
    .union([
      z.number().positive().max(1000),
      z.array(z.number().positive().max(1000)).min(1).max(8),
      z.literal('auto'),
    ])
    .default('auto'),
  /** SVM loss: squared hinge (LinearSVC's default) or hinge. */
  loss: z.enum(['squared', 'hinge']).default('squared'),
  maxEpochs: z.number().int().min(1).max(200).default(20),
  /** Solver stopping tolerance (smaller: closer to the optimum, slower). */
  tolerance: z.number().positive().max(10).default(0.1),
  /**
   * Class weight of one-vs-rest positives: (n / (classes · n_k))^power; 0 unweighted, 1 balanced.
   * 0.25: best out-of-fold accuracy of {0, 0.25, 0.5} on ata-assignment's training rows, and
   * better than 0 on itsc-topics' (bench/classify-cv.ts).
   */
  classWeightPower: z.number().min(0).max(1).default(0.25),
  /**
   * A second model on character n-grams of every word, blended with the word model ("char
   * view"); 'auto': offered to cross-validation when the training set has at most
   * CHAR_VIEW_MAX_TICKETS tickets (its cost grows with text length × tickets).
   */
  charView: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  viewCharMin: z.number().int().min(1).max(8).default(2),
  viewCharMax: z.number().int().min(1).max(8).default(5),
  /** Word model's share of the blended score, or 'auto': VIEW_BLEND_GRID by out-of-fold accuracy. */
  viewBlend: z
    .union([z.number().min(0).max(1), z.array(z.number().min(0).max(1)).min(1).max(8), z.literal('auto')])
    .default('auto'),
  /** Folds of the cross-fitting that chooses C and the blend and calibrates probabilities and thresholds. */
  folds: z.number().int().min(2).max(10).default(3),
  /** Cross-fitting stops after the fold that brings its scored tickets to this many (training-time budget). */
  outOfFoldEnough: z.number().int().min(100).default(10_000),
  /** Precision the per-class abstain thresholds aim for. */
  targetPrecision: z.number().min(0.5).max(1).default(0.9),
});

/** Candidates for c: 'auto', chosen per view by out-of-fold accuracy on the training tickets. */
export const C_GRID: readonly number[] = [0.3, 0.5, 1];

/** Candidates for viewBlend: 'auto' (1 = word model alone). */
export const VIEW_BLEND_GRID: readonly number[] = [1, 0.75, 0.5, 0.3, 0.15, 0];

/**
 * Largest training set for which charView 'auto' tries the char view: a budget, not a quality
 * rule. Its memory grows with tickets × text length (ata-assignment's 6,800 tickets peak at about
 * 550 MB for the whole CLI run); Forge queue consumers have 1,024 MB.
 */
export const CHAR_VIEW_MAX_TICKETS = 10_000;

export type TrainOptions = z.input<typeof trainOptionsSchema>;
export type ResolvedTrainOptions = z.output<typeof trainOptionsSchema>;

export function resolveTrainOptions(options: TrainOptions | undefined): ResolvedTrainOptions {
  const r = trainOptionsSchema.safeParse(options ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InputError(
      'bad_argument',
      `classifier option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (r.data.charMax > 0 && r.data.charMax < r.data.charMin)
    throw new InputError('bad_argument', 'classifier option charMax must be 0 or ≥ charMin');
  if (r.data.viewCharMax < r.data.viewCharMin)
    throw new InputError('bad_argument', 'classifier option viewCharMax must be ≥ viewCharMin');
  return r.data;
}
