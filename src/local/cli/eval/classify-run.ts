import { performance } from 'node:perf_hooks';
import { predict, serializeClassifier, trainClassifier } from '../../../engine/classify';
import type { ExcludedClass, TrainOptions } from '../../../engine/classify';
import {
  accuracy,
  coverageAtPrecision,
  expectedCalibrationError,
  macroF1,
  type ScoredPrediction,
  percentile,
} from '../../../engine/eval';
import type { ClassifyDataset } from './classify-dataset';

/** The JSON line `eval classify --json` prints last; scripts rely on these exact keys. */
export interface ClassifyEvalResult {
  task: 'classify';
  n_train: number;
  n_test: number;
  n_classes: number;
  accuracy: number;
  macro_f1: number;
  coverage_at_precision: { '0.9': number; '0.95': number };
  ece: number;
  train_ms: number;
  predict_ms_p50: number;
  predict_ms_p99: number;
  peak_rss_mb: number;
  model_bytes: number;
}

export interface ClassifyEvalDetails {
  result: ClassifyEvalResult;
  excluded: ExcludedClass[];
  /** Per class, the probability a suggestion must reach for the model's target precision (out-of-fold predictions on the training tickets). */
  thresholds: Map<string, number>;
  targetPrecision: number;
  predictions: ScoredPrediction[];
  abstained: number;
}

const round = (v: number, digits = 4): number => Number(v.toFixed(digits));

/** Trains on the train split, predicts the test split one ticket at a time, measures quality and cost. */
export function runClassifyEval(data: ClassifyDataset, options?: TrainOptions): ClassifyEvalDetails {
  const t0 = performance.now();
  const model = trainClassifier(data.train, options);
  const trainMs = performance.now() - t0;
  const modelBytes = Buffer.byteLength(serializeClassifier(model), 'utf8');

  const predictions: ScoredPrediction[] = [];
  const latencies: number[] = [];
  let abstained = 0;
  for (const t of data.test) {
    const s = performance.now();
    const p = predict(model, t.text);
    latencies.push(performance.now() - s);
    const top = p.ranked[0];
    if (p.abstained) abstained++;
    predictions.push({ actual: t.label, predicted: top?.label ?? '', confidence: top?.probability ?? 0 });
  }
  const classes = new Set([...data.train, ...data.test].map((t) => t.label));
  return {
    result: {
      task: 'classify',
      n_train: data.train.length,
      n_test: data.test.length,
      n_classes: classes.size,
      accuracy: round(accuracy(predictions)),
      macro_f1: round(macroF1(predictions)),
      coverage_at_precision: {
        '0.9': round(coverageAtPrecision(predictions, 0.9)),
        '0.95': round(coverageAtPrecision(predictions, 0.95)),
      },
      ece: round(expectedCalibrationError(predictions)),
      train_ms: Math.round(trainMs),
      predict_ms_p50: round(percentile(latencies, 50), 3),
      predict_ms_p99: round(percentile(latencies, 99), 3),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      model_bytes: modelBytes,
    },
    excluded: model.excluded,
    thresholds: new Map(model.labels.map((l, i) => [l, model.thresholds[i] ?? 1])),
    targetPrecision: model.targetPrecision,
    predictions,
    abstained,
  };
}
