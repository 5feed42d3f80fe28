import {
  brierScore,
  calibrationError,
  reliabilityTable,
  rocAuc,
} from '../../engine/eval/classification-metrics';
import type { BinaryOutcome, ReliabilityBin } from '../../engine/eval/classification-metrics';
import type { EncoderSpec } from '../../engine/tabular/encoder';
import { predictProbability, trainCalibratedClassifier } from '../../engine/tabular/calibrated-classifier';
import type { SlaDataset } from './sla-dataset';

/** The `--json` line of `eval sla`; key names are an interface scripts rely on. */
export interface SlaEvalResult {
  task: 'sla';
  n_train: number;
  n_test: number;
  auc: number;
  brier: number;
  ece: number;
  train_ms: number;
  /** Brier of always predicting the training base rate. */
  prior_brier: number;
  positive_rate_test: number;
}

export interface SlaEvalDetails {
  result: SlaEvalResult;
  /** Test-row probabilities with outcomes, for reliability tables and comparisons. */
  outcomes: BinaryOutcome[];
  reliability: ReliabilityBin[];
  predictMsPerRow: number;
}

const round = (v: number): number => Math.round(v * 10_000) / 10_000;

/**
 * Trains the calibrated breach classifier on the train rows (numeric columns binned, plus their
 * crosses with each categorical column when requested) and scores the test rows. The clock is
 * passed in so the engine stays free of timers.
 */
export function runSlaEval(data: SlaDataset, spec: EncoderSpec, clock: () => number): SlaEvalDetails {
  const t0 = clock();
  const classifier = trainCalibratedClassifier(spec, data.trainRows, data.trainLabels);
  const trainMs = clock() - t0;
  const t1 = clock();
  const outcomes: BinaryOutcome[] = data.testRows.map((row, i) => ({
    probability: predictProbability(classifier, row),
    outcome: data.testLabels[i] as 0 | 1,
  }));
  const predictMsPerRow = (clock() - t1) / Math.max(1, data.testRows.length);
  const prior = data.trainLabels.reduce<number>((s, y) => s + y, 0) / data.trainLabels.length;
  const positives = data.testLabels.reduce<number>((s, y) => s + y, 0);
  return {
    result: {
      task: 'sla',
      n_train: data.trainRows.length,
      n_test: data.testRows.length,
      auc: round(rocAuc(outcomes)),
      brier: round(brierScore(outcomes)),
      ece: round(calibrationError(outcomes, 10)),
      train_ms: Math.round(trainMs),
      prior_brier: round(brierScore(data.testLabels.map((y) => ({ probability: prior, outcome: y })))),
      positive_rate_test: round(positives / data.testLabels.length),
    },
    outcomes,
    reliability: reliabilityTable(outcomes, 10),
    predictMsPerRow,
  };
}

export function formatSlaReport(details: SlaEvalDetails, skipped: number): string {
  const r = details.result;
  const lines = [
    `SLA breach risk: ${r.n_train} train / ${r.n_test} test rows${skipped > 0 ? ` (${skipped} without label skipped)` : ''}`,
    `AUC ${r.auc.toFixed(3)}  Brier ${r.brier.toFixed(3)} (prior only ${r.prior_brier.toFixed(3)})  ECE ${r.ece.toFixed(3)}`,
    `train ${r.train_ms} ms, predict ${details.predictMsPerRow.toFixed(3)} ms per row`,
    'reliability (predicted → observed, rows):',
    ...details.reliability
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.meanProbability.toFixed(3)} → ${b.observedRate.toFixed(3)} (${b.count})`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}
