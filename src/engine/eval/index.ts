/**
 * Measuring models the same way everywhere: fixed splits, classification and ranking metrics,
 * calibration, percentiles and the operating point (the lowest confidence whose top slice
 * reaches a precision).
 */
export {
  accuracy,
  brierScore,
  calibrationError,
  coverageAtPrecision,
  expectedCalibrationError,
  macroF1,
  perClassStats,
  reliabilityTable,
  rocAuc,
} from './classification-metrics';
export type { BinaryOutcome, ClassStats, ReliabilityBin, ScoredPrediction } from './classification-metrics';
export { operatingPoint } from './operating-point';
export type { ConfidenceOutcome, OperatingPoint } from './operating-point';
export { percentile } from './percentile';
export { meanReciprocalRank, recallAtK } from './ranking-metrics';
export { chronoSplit, mod5Split } from './splits';
export type { Split } from './splits';
