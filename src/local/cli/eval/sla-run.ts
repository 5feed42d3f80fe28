import {
  brierScore,
  calibrationError,
  reliabilityTable,
  rocAuc,
  type BinaryOutcome,
  type ReliabilityBin,
} from '../../../engine/eval';
import {
  type EncoderSpec,
  type StackChoice,
  stackedProbability,
  trainStackedClassifier,
} from '../../../engine/tabular';
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
  /** What cross-validation on the training rows chose: model, calibration, slice. */
  model: string;
  calibration: string;
  calibration_slice: string;
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
  choice: StackChoice;
}

const round = (v: number): number => Math.round(v * 10_000) / 10_000;

/**
 * Trains the breach classifier on the train rows (one-hot logistic regression and boosted
 * trees, chosen, stacked and calibrated by cross-validation on those rows) and scores the test
 * rows. The clock is passed in so the engine stays free of timers.
 */
export function runSlaEval(
  data: SlaDataset,
  spec: EncoderSpec,
  clock: () => number,
  options: { trees?: boolean } = {},
): SlaEvalDetails {
  const t0 = clock();
  const classifier = trainStackedClassifier(spec, data.trainRows, data.trainLabels, {
    ...(data.trainTimes === undefined ? {} : { times: data.trainTimes }),
    ...(options.trees === undefined ? {} : { trees: options.trees }),
  });
  const trainMs = clock() - t0;
  const t1 = clock();
  const outcomes: BinaryOutcome[] = data.testRows.map((row, i) => ({
    probability: stackedProbability(classifier, row),
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
      model: classifier.choice.model,
      calibration: classifier.choice.calibration,
      calibration_slice: classifier.choice.slice,
      prior_brier: round(brierScore(data.testLabels.map((y) => ({ probability: prior, outcome: y })))),
      positive_rate_test: round(positives / data.testLabels.length),
    },
    outcomes,
    reliability: reliabilityTable(outcomes, 10),
    predictMsPerRow,
    choice: classifier.choice,
  };
}

export function formatSlaReport(details: SlaEvalDetails, skipped: number): string {
  const r = details.result;
  const lines = [
    `SLA breach risk: ${r.n_train} train / ${r.n_test} test rows${skipped > 0 ? ` (${skipped} without label skipped)` : ''}`,
    `AUC ${r.auc.toFixed(3)}  Brier ${r.brier.toFixed(3)} (prior only ${r.prior_brier.toFixed(3)})  ECE ${r.ece.toFixed(3)}`,
    `model ${r.model}, ${r.calibration} calibration on ${r.calibration_slice === 'recent' ? 'the newest training rows' : 'all training rows'} (chosen by cross-validation)`,
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
