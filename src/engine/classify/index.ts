/**
 * The classification engine: one model per target field (request type, category, priority,
 * team…), multi-label for labels and components.
 *
 * ```ts
 * const model = trainClassifier(tickets.map((t) => ({ text: { summary, description }, label })), { seed: 1 });
 * const p = predict(model, { summary, description });
 * // p.ranked: every class with a calibrated probability (sums to 1), most probable first
 * // p.abstained: top class under its per-class threshold → suggest, never auto-apply
 * // p.explanation: the ticket's own words that pushed toward p.ranked[0]
 * const next = updateClassifier(model, ticket, correctedLabel); // one correction, no retrain
 * const stored: string = serializeClassifier(model); // JSON text { kind: 'classifier', version: 1, … }
 * const again = loadClassifier(stored); // UnknownModelVersionError / BadModelError when not loadable
 * ```
 *
 * Storage: `serializeClassifier` returns a JSON string (typed arrays as base64, weights int8);
 * store it as text (or its UTF-8 bytes) and split it into chunks as the store needs. A trained
 * model is already at stored precision, so a loaded model predicts exactly as the original.
 * Model size grows with features × classes: about 2.6 MB for 8 classes on 38k tickets (word
 * model), 8 MB for 74 classes on 6.8k tickets with the char view.
 *
 * Training chooses C, the char view and its blend by k-fold cross-fitting on the training
 * tickets, and fits the temperature and per-class thresholds on the out-of-fold scores;
 * `model.crossValidation` records the choice and its out-of-fold accuracy.
 */
export { trainClassifier } from './train';
export { predict } from './predict';
export type { PredictOptions } from './predict';
export { updateClassifier } from './update';
export type { UpdateOptions } from './update';
export { crossValidateClassifier } from './cross-validate';
export type { ClassReadiness, CrossValidateOptions, CrossValidationReport } from './cross-validate';
export { trainMultiLabelClassifier, predictLabels, serializeMultiLabel, loadMultiLabel } from './multi-label';
export type { MultiLabelModel, MultiLabelPrediction, MultiLabelTicket } from './multi-label';
export { serializeClassifier, loadClassifier, classifierEnvelope } from './serialize';
export { trainOptionsSchema, C_GRID } from './options';
export type { TrainOptions } from './options';
export type {
  ClassifierModel,
  CrossValidationChoice,
  ExcludedClass,
  ExplanationTerm,
  LabelledTicket,
  Prediction,
  RankedLabel,
  TicketText,
} from './types';
