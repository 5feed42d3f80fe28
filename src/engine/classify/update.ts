import { InputError } from '../errors';
import { roundToStoredPrecision } from './serialize';
import { linearScores, vectorFor } from './scores';
import type { ClassifierModel, TicketText } from './types';

export interface UpdateOptions {
  /** Step size of each correction step (default 0.5). */
  learningRate?: number;
  /** Correction steps at most; stops once the ticket's label wins with margin (default 5). */
  maxSteps?: number;
}

/**
 * Learns from one new ticket or one agent correction without retraining: squared-hinge
 * gradient steps on the one-vs-rest weights of the features this ticket has, until its label
 * wins by a margin. Features the model has never seen are ignored until the next full
 * training; a label the model does not know needs a full training too. Returns a new model.
 */
export function updateClassifier(
  model: ClassifierModel,
  text: TicketText,
  label: string,
  options: UpdateOptions = {},
): ClassifierModel {
  const target = model.labels.indexOf(label);
  if (target < 0)
    throw new InputError(
      'bad_value',
      `label "${label.slice(0, 80)}" is not a class of this model; retrain to add it`,
    );
  const eta = options.learningRate ?? 0.5;
  if (!(eta > 0 && eta <= 10)) throw new InputError('bad_argument', 'learningRate must be in (0, 10]');
  const steps = options.maxSteps ?? 5;
  const { x } = vectorFor(model, text);
  const weights = Float32Array.from(model.weights);
  const bias = Float32Array.from(model.bias);
  const next: ClassifierModel = { ...model, weights, bias };
  const c = model.labels.length;
  for (let step = 0; step < steps; step++) {
    const s = linearScores(next, x);
    let changed = false;
    for (let j = 0; j < c; j++) {
      const y = j === target ? 1 : -1;
      const slack = 1 - y * (s[j] ?? 0);
      if (slack <= 0) continue;
      changed = true;
      const g = eta * y * slack;
      for (let k = 0; k < x.index.length; k++) {
        const at = (x.index[k] ?? 0) * c + j;
        weights[at] = (weights[at] ?? 0) + g * (x.value[k] ?? 0);
      }
      bias[j] = (bias[j] ?? 0) + g * 0.1;
    }
    if (!changed) break;
  }
  const counts = Uint32Array.from(model.classCounts);
  counts[target] = (counts[target] ?? 0) + 1;
  return roundToStoredPrecision({ ...next, classCounts: counts, updates: model.updates + 1 });
}
