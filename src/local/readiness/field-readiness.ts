import { trainingLabel } from '../../core/shared/fields';
import type { Ticket } from '../../core/shared/ticket';
import { predict, trainClassifier } from '../../engine/classify';
import {
  accuracy,
  coverageAtPrecision,
  macroF1,
  perClassStats,
  type ScoredPrediction,
  chronoSplit,
} from '../../engine/eval';
import { InputError } from '../../engine/errors';
import type { ConfusionMatrix, FieldReadiness } from './report-types';

export const PRECISION_TARGETS = [0.8, 0.9, 0.95] as const;
const CONFUSION_CLASSES = 8;
const CURVE_POINTS = 50;

/** The class a ticket teaches for a field, as the app trains it (plus issue type and assignee). */
export function fieldLabel(ticket: Ticket, fieldId: string): string | null {
  if (fieldId === 'issueType') return ticket.issueType.trim() === '' ? null : ticket.issueType;
  if (fieldId === 'assignee') return ticket.assigneeId;
  return trainingLabel(ticket, fieldId);
}

/** Precision of the top share of predictions by confidence, at evenly spaced coverages. */
export function precisionCurve(predictions: readonly ScoredPrediction[], points = CURVE_POINTS) {
  const sorted = [...predictions].sort((a, b) => b.confidence - a.confidence);
  const out: { coverage: number; precision: number }[] = [];
  let hits = 0;
  let next = 1;
  sorted.forEach((p, i) => {
    if (p.actual === p.predicted) hits++;
    const coverage = (i + 1) / sorted.length;
    if (coverage >= next / points || i === sorted.length - 1) {
      out.push({ coverage, precision: hits / (i + 1) });
      while (next / points <= coverage) next++;
    }
  });
  return out;
}

/** Counts of actual × predicted over the most frequent actual classes; the rest fold into "other". */
export function confusionMatrix(
  predictions: readonly ScoredPrediction[],
  maxClasses = CONFUSION_CLASSES,
): ConfusionMatrix {
  const freq = new Map<string, number>();
  for (const p of predictions) freq.set(p.actual, (freq.get(p.actual) ?? 0) + 1);
  const top = [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxClasses)
    .map(([l]) => l);
  const folds = predictions.some((p) => !top.includes(p.actual) || !top.includes(p.predicted));
  const labels = folds ? [...top, 'other'] : top;
  const index = (label: string) => {
    const i = top.indexOf(label);
    return i === -1 ? labels.length - 1 : i;
  };
  const counts = labels.map(() => labels.map(() => 0));
  for (const p of predictions) {
    const row = counts[index(p.actual)];
    if (row !== undefined) row[index(p.predicted)] = (row[index(p.predicted)] ?? 0) + 1;
  }
  return { labels, counts };
}

function emptyResult(fieldId: string, labelled: number, problem: string): FieldReadiness {
  return {
    fieldId,
    labelled,
    train: 0,
    test: 0,
    classes: 0,
    accuracy: null,
    macroF1: null,
    majorityBaseline: null,
    coverage: [],
    curve: [],
    perClass: [],
    confusion: null,
    excluded: [],
    problem,
  };
}

/**
 * How well the app would predict one field on this history: train on the older 80 % (by
 * creation time), predict the newer 20 %, the way the app would meet new tickets.
 */
export function fieldReadiness(tickets: readonly Ticket[], fieldId: string, seed = 1): FieldReadiness {
  const examples = tickets.flatMap((t) => {
    const label = fieldLabel(t, fieldId);
    return label === null ? [] : [{ ticket: t, label }];
  });
  if (examples.length < 20) {
    return emptyResult(
      fieldId,
      examples.length,
      `only ${examples.length} tickets have a value for ${fieldId}; at least 20 are needed`,
    );
  }
  const split = chronoSplit(examples.map((e) => e.ticket.created));
  const train = split.train.map((i) => examples[i]!);
  const test = split.test.map((i) => examples[i]!);
  let model;
  try {
    model = trainClassifier(
      train.map((e) => ({
        text: { summary: e.ticket.summary, description: e.ticket.description },
        label: e.label,
      })),
      { seed, targetPrecision: 0.9 },
    );
  } catch (e) {
    if (e instanceof InputError) return emptyResult(fieldId, examples.length, e.message);
    throw e;
  }
  const predictions: ScoredPrediction[] = test.map((e) => {
    const top = predict(
      model,
      { summary: e.ticket.summary, description: e.ticket.description },
      { explainTerms: 0 },
    ).ranked[0];
    return { actual: e.label, predicted: top?.label ?? '', confidence: top?.probability ?? 0 };
  });
  const trainCounts = new Map<string, number>();
  for (const e of train) trainCounts.set(e.label, (trainCounts.get(e.label) ?? 0) + 1);
  const majority = [...trainCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const majorityHits = test.filter((e) => e.label === majority).length;
  return {
    fieldId,
    labelled: examples.length,
    train: train.length,
    test: test.length,
    classes: trainCounts.size,
    accuracy: accuracy(predictions),
    macroF1: macroF1(predictions),
    majorityBaseline: test.length === 0 ? null : majorityHits / test.length,
    coverage: PRECISION_TARGETS.map((target) => ({
      target,
      coverage: coverageAtPrecision(predictions, target),
    })),
    curve: precisionCurve(predictions),
    perClass: perClassStats(predictions)
      .filter((c) => c.support > 0)
      .sort((a, b) => b.support - a.support)
      .map((c) => ({ label: c.label, support: c.support, precision: c.precision, recall: c.recall })),
    confusion: confusionMatrix(predictions),
    excluded: model.excluded.map((x) => ({ label: x.label, count: x.examples })),
    problem: null,
  };
}
