export { trainClassifier } from './train';
export { predict } from './predict';
export type { PredictOptions } from './predict';
export { serializeClassifier, loadClassifier } from './serialize';
export { trainOptionsSchema } from './options';
export type { TrainOptions } from './options';
export type {
  ClassifierModel,
  ExcludedClass,
  ExplanationTerm,
  LabelledTicket,
  Prediction,
  RankedLabel,
  TicketText,
} from './types';
