export type { Duration, SurvivalCurve } from './kaplan-meier';
export { kaplanMeier, survivalAt } from './kaplan-meier';
export type { HistoryTicket, ResolutionModel, ResolutionModelOptions } from './resolution-model';
export { trainResolutionModel } from './resolution-model';
export type { BreachRiskOptions } from './breach-risk';
export { bandFor, rawBreachProbability, scoreBreachRisk } from './breach-risk';
export { fitRiskCalibrator } from './risk-calibration';
export { heuristicBand, heuristicScore } from './heuristic';
export { cycleFromTimes } from './cycle-from-times';
export type * from './types';
export { RESOLUTION_MODEL_VERSION, resolutionModelFromJson, resolutionModelToJson } from './serialize';
export type { RiskBlend } from './risk-blend';
export { blendRisk, fitRiskBlend } from './risk-blend';
export type { QueueStay, UsualLoadOptions } from './usual-load';
export { usualOpenLoad } from './usual-load';
export { metricKindOf } from './metric-kind';
export type { MetricKind } from './metric-kind';
export { cycleProblem } from './validate-cycle';
export type { FieldModel, FieldTicket, LabelledCycle } from './field-model';
export {
  FIELD_MODEL_FORMAT,
  MAX_LABELLED,
  MIN_LABELLED,
  fieldModelFromJson,
  fieldModelToJson,
  fieldProbability,
  trainFieldModel,
} from './field-model';
export type { CurrentLoad, QueueTicket } from './queue-load';
export { QueueCounts, UsualLoad, queueLoadOf, usualLoadOf } from './queue-load';
export type { LoadedHistory } from './stored-history';
export {
  STORED_HISTORY_FORMAT,
  StoredHistory,
  historyFromStored,
  historyToStored,
  segmentsOf,
} from './stored-history';
