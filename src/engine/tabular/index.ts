/**
 * Models over ticket fields (priority, type, team, numbers) rather than text: a one-hot encoder,
 * the calibrated linear classifier, the stacked classifier (linear or boosted trees, chosen by
 * cross-fitting, then calibrated) with its stored form, softmax ranking and field neighbours.
 *
 * The building blocks (sparse logistic regression, softmax, sparse rows) are public too: the
 * benchmarks' baselines are built from the same pieces so their figures compare like with like.
 */
export { fitEncoder, encodeRow } from './encoder';
export type { Encoder, EncoderSpec, TabularRow } from './encoder';
export { trainCalibratedClassifier, predictProbability } from './calibrated-classifier';
export type { CalibratedClassifier, CalibratedClassifierOptions } from './calibrated-classifier';
export type { Calibrator } from './calibration';
export { trainStackedClassifier, stackedProbability } from './stacked-classifier';
export type { StackChoice, StackedClassifier, StackedOptions } from './stacked-classifier';
export { STACKED_MODEL_VERSION, stackedFromJson, stackedToJson } from './serialize-stacked';
export { trainSoftmax, softmaxRank } from './softmax';
export type { SoftmaxModel, SoftmaxOptions } from './softmax';
export { buildFieldIndex, nearestByFields } from './field-neighbours';
export type { FieldIndex, NeighbourOptions } from './field-neighbours';
export { trainSparseLogistic, logisticScore } from './sparse-logistic';
export type { SparseLogisticModel, SparseLogisticOptions } from './sparse-logistic';
export { sigmoid } from './sparse';
export type { SparseRow } from './sparse';
