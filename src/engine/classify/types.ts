import type { Language } from '../text/types';
import type { FeatureSpec } from './features';
import type { Vocabulary } from './vocabulary';

/** The text of a ticket as the classifier reads it; the summary weighs more than the description. */
export interface TicketText {
  summary?: string;
  description?: string;
}

/** One training example: a ticket's text and the value of the target field. */
export interface LabelledTicket {
  text: TicketText;
  label: string;
}

/** A class that was left out of training, and why. */
export interface ExcludedClass {
  label: string;
  examples: number;
  reason: 'too_few_examples';
}

/** A word of the ticket that pushed the prediction toward the chosen class. */
export interface ExplanationTerm {
  /** As written in the ticket (case-folded); identifying values appear only as `⟨type⟩`. */
  text: string;
  /** Contribution to the chosen class's score, relative to the average class. */
  weight: number;
}

export interface RankedLabel {
  label: string;
  probability: number;
}

export interface Prediction {
  /** Every class, most probable first; probabilities sum to 1. */
  ranked: RankedLabel[];
  /** True when the top probability is under that class's threshold: show, but do not auto-apply. */
  abstained: boolean;
  /** The threshold the top class had to clear. */
  threshold: number;
  explanation: ExplanationTerm[];
  language: Language;
}

/** A trained single-label classifier (one per target field). Treat as opaque; use the functions. */
export interface ClassifierModel {
  labels: string[];
  spec: FeatureSpec;
  summaryWeight: number;
  descriptionWeight: number;
  vocab: Vocabulary;
  /** Row-major [feature][class]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Softmax temperature fitted on out-of-fold scores of the training tickets. */
  temperature: number;
  /** Per-class minimum probability for a confident (non-abstaining) prediction. */
  thresholds: Float32Array;
  /** Precision target the thresholds were set for. */
  targetPrecision: number;
  /** Training examples per class (after exclusions). */
  classCounts: Uint32Array;
  excluded: ExcludedClass[];
  /** Incremental updates applied since the last full training. */
  updates: number;
  /** What cross-fitting on the training tickets chose, and its out-of-fold accuracy (absent in older models). */
  crossValidation?: CrossValidationChoice;
}

/** The k-fold choice a model was trained with. */
export interface CrossValidationChoice {
  folds: number;
  /** Training tickets scored out of fold (all of them unless the site is large). */
  scored: number;
  /** Out-of-fold accuracy of the chosen setting on the training tickets (an estimate; slightly optimistic). */
  accuracy: number;
  wordC: number;
  /** C of the char view, or null when the model has none. */
  charC: number | null;
  /** The word model's share of the blended score (1: word model alone). */
  viewBlend: number;
}
