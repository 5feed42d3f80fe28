import { loadClassifier, predict, serializeClassifier, trainClassifier } from '../../engine/classify';
import type { ClassifierModel, TrainOptions } from '../../engine/classify';
import type { ClassifierEngine, FieldModel } from '../../core/ports/engines';
import type { Ticket } from '../../core/shared/ticket';

/** Explanation terms kept per prediction (the panel shows up to 12). */
const EXPLAIN_TERMS = 8;

class TextClassifier implements FieldModel {
  constructor(readonly model: ClassifierModel) {}
  get labels(): readonly string[] {
    return this.model.labels;
  }
  get targetPrecision(): number {
    return this.model.targetPrecision;
  }
  get excluded(): readonly { label: string; count: number }[] {
    return this.model.excluded.map((e) => ({ label: e.label, count: e.examples }));
  }
  get trainingTickets(): number {
    return this.model.classCounts.reduce((s, n) => s + n, 0);
  }
  examplesOf(label: string): number {
    const i = this.model.labels.indexOf(label);
    return i < 0 ? 0 : (this.model.classCounts[i] ?? 0);
  }
  predict(ticket: Ticket) {
    const p = predict(
      this.model,
      { summary: ticket.summary, description: ticket.description },
      { explainTerms: EXPLAIN_TERMS },
    );
    return {
      ranked: p.ranked,
      abstained: p.abstained,
      threshold: p.threshold,
      explanation: p.explanation,
      language: p.language,
    };
  }
}

/**
 * The text classifier (src/engine/classify) behind the use-cases' ClassifierEngine port, trained
 * with `options` besides each field's precision target (the workbench trains a lighter variant).
 */
export function textClassifierEngineWith(options: Omit<TrainOptions, 'targetPrecision'>): ClassifierEngine {
  return {
    formatVersion: 1,
    train(examples, targetPrecision) {
      const labelled = examples.map((e) => ({
        text: { summary: e.ticket.summary, description: e.ticket.description },
        label: e.label,
      }));
      return new TextClassifier(trainClassifier(labelled, { ...options, targetPrecision }));
    },
    serialize(model) {
      if (!(model instanceof TextClassifier)) throw new TypeError('not a model of this engine');
      return serializeClassifier(model.model);
    },
    load(payload) {
      return new TextClassifier(loadClassifier(payload));
    },
  };
}

/** The classifier with the defaults the benchmarks chose (what Forge runs). */
export const textClassifierEngine: ClassifierEngine = textClassifierEngineWith({});
