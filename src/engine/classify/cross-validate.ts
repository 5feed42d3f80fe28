import { createRng, shuffleInPlace } from '../util/rng';
import { thresholdFor } from './calibrate';
import type { ScoredOutcome } from './calibrate';
import type { TrainOptions } from './options';
import { resolveTrainOptions } from './options';
import { predict } from './predict';
import { trainClassifier } from './train';
import type { ExcludedClass, LabelledTicket } from './types';

/** What an admin sees per class before turning on auto-apply for a field. */
export interface ClassReadiness {
  label: string;
  /** Tickets of this class in the data. */
  support: number;
  /** Share of predictions of this class that were right (out of fold). */
  precision: number;
  /** Share of this class's tickets found (out of fold). */
  recall: number;
  /** Probability a prediction of this class must reach to meet the target precision (> 1: never). */
  threshold: number;
  /** Share of this class's tickets that would be auto-applied, correctly or not, at that threshold. */
  coverage: number;
}

export interface CrossValidationReport {
  folds: number;
  targetPrecision: number;
  accuracy: number;
  classes: ClassReadiness[];
  excluded: ExcludedClass[];
}

export interface CrossValidateOptions {
  /** Folds (default 5), assigned by a shuffle seeded with the training seed. */
  folds?: number;
  /** Precision the per-class thresholds must reach (default 0.9). */
  targetPrecision?: number;
  train?: TrainOptions;
}

/**
 * k-fold cross-validation: out-of-fold predictions give each class's precision, recall, the
 * threshold that reaches the target precision and the coverage at that threshold.
 */
export function crossValidateClassifier(
  examples: readonly LabelledTicket[],
  options: CrossValidateOptions = {},
): CrossValidationReport {
  const folds = Math.max(2, Math.min(10, options.folds ?? 5));
  const target = options.targetPrecision ?? 0.9;
  const outcomes: (ScoredOutcome & { actual: string; label: string })[] = [];
  const min = resolveTrainOptions(options.train).minExamplesPerClass;
  const support = new Map<string, number>();
  for (const e of examples) support.set(e.label, (support.get(e.label) ?? 0) + 1);
  const excluded: ExcludedClass[] = [...support]
    .filter(([, n]) => n < min)
    .map(([label, examples]) => ({ label, examples, reason: 'too_few_examples' as const }))
    .sort((a, b) => (a.label < b.label ? -1 : 1));
  // Folds from a seeded shuffle: file order often groups tickets by class or by time.
  const fold = new Int32Array(examples.length);
  shuffleInPlace(
    examples.map((_, i) => i),
    createRng(resolveTrainOptions(options.train).seed),
  ).forEach((i, j) => (fold[i] = j % folds));
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const test = examples.filter((_, i) => fold[i] === f);
    const model = trainClassifier(train, options.train);
    for (const t of test) {
      const top = predict(model, t.text, { explainTerms: 0 }).ranked[0];
      const label = top?.label ?? '';
      outcomes.push({
        predicted: -1,
        probability: top?.probability ?? 0,
        correct: label === t.label,
        actual: t.label,
        label,
      });
    }
  }
  const excludedSet = new Set(excluded.map((e) => e.label));
  const classes = [...support.keys()]
    .filter((l) => !excludedSet.has(l))
    .sort()
    .map((label): ClassReadiness => {
      const mine = outcomes.filter((o) => o.label === label);
      const n = support.get(label) ?? 0;
      const right = mine.filter((o) => o.correct).length;
      const threshold = thresholdFor(mine, target);
      return {
        label,
        support: n,
        precision: mine.length === 0 ? 0 : right / mine.length,
        recall: n === 0 ? 0 : right / n,
        threshold,
        coverage: n === 0 ? 0 : mine.filter((o) => o.probability >= threshold).length / n,
      };
    });
  return {
    folds,
    targetPrecision: target,
    accuracy: outcomes.filter((o) => o.correct).length / Math.max(1, outcomes.length),
    classes,
    excluded,
  };
}
