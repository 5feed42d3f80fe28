import { z } from 'zod';
import { InputError } from '../errors';
import { defineEnvelope, parseStoredJson } from '../model';
import type { TrainOptions } from './options';
import { predict } from './predict';
import { loadClassifier, serializeClassifier } from './serialize';
import { trainClassifier } from './train';
import type { ClassifierModel, ExcludedClass, ExplanationTerm, TicketText } from './types';

/** A ticket with every label (or component) it carries. */
export interface MultiLabelTicket {
  text: TicketText;
  labels: readonly string[];
}

/** One-vs-rest: one calibrated yes/no classifier per label. */
export interface MultiLabelModel {
  labels: string[];
  models: ClassifierModel[];
  excluded: ExcludedClass[];
}

export interface MultiLabelPrediction {
  /** Every label with its calibrated probability, most probable first. */
  ranked: { label: string; probability: number; confident: boolean; explanation: ExplanationTerm[] }[];
  /** Labels whose probability is ≥ 0.5 and clears that label's precision threshold. */
  selected: string[];
}

const YES = 'yes';
const NO = 'no';

/** Trains one yes/no classifier per label with enough positive and negative examples. */
export function trainMultiLabelClassifier(
  examples: readonly MultiLabelTicket[],
  options?: TrainOptions,
): MultiLabelModel {
  const min = options?.minExamplesPerClass ?? 3;
  const counts = new Map<string, number>();
  for (const e of examples) for (const l of new Set(e.labels)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const labels: string[] = [];
  const excluded: ExcludedClass[] = [];
  for (const [label, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n >= min && examples.length - n >= min) labels.push(label);
    else excluded.push({ label, examples: n, reason: 'too_few_examples' });
  }
  if (labels.length === 0)
    throw new InputError(
      'too_few_examples',
      `no label has ${min}+ examples with and without it (${examples.length} tickets)`,
    );
  const models = labels.map((label) =>
    trainClassifier(
      examples.map((e) => ({ text: e.text, label: e.labels.includes(label) ? YES : NO })),
      options,
    ),
  );
  return { labels, models, excluded };
}

export function predictLabels(model: MultiLabelModel, text: TicketText): MultiLabelPrediction {
  const ranked = model.models
    .map((m, i) => {
      const p = predict(m, text);
      const yes = p.ranked.find((r) => r.label === YES)?.probability ?? 0;
      const threshold = m.thresholds[m.labels.indexOf(YES)] ?? 1;
      return {
        label: model.labels[i] ?? '',
        probability: yes,
        confident: yes >= 0.5 && yes >= threshold,
        explanation: p.ranked[0]?.label === YES ? p.explanation : [],
      };
    })
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
  return { ranked, selected: ranked.filter((r) => r.confident).map((r) => r.label) };
}

const envelope = defineEnvelope(
  'multi-label-classifier',
  1,
  z.object({
    labels: z.array(z.string()),
    models: z.array(z.string()),
    excluded: z.array(
      z.object({
        label: z.string(),
        examples: z.number().int().min(0),
        reason: z.literal('too_few_examples'),
      }),
    ),
  }),
);

export function serializeMultiLabel(model: MultiLabelModel): string {
  return JSON.stringify(
    envelope.wrap({
      labels: model.labels,
      models: model.models.map(serializeClassifier),
      excluded: model.excluded,
    }),
  );
}

export function loadMultiLabel(text: string): MultiLabelModel {
  const p = envelope.unwrap(parseStoredJson(text, 'multi-label-classifier'));
  if (p.labels.length !== p.models.length)
    throw new InputError('bad_model', 'multi-label model: labels and models disagree in count');
  return { labels: p.labels, models: p.models.map(loadClassifier), excluded: p.excluded };
}
