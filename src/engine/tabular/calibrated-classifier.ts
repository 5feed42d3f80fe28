import { InputError } from '../errors';
import type { Calibrator } from './calibration';
import { calibrate, fitPlatt } from './calibration';
import type { Encoder, EncoderSpec, TabularRow } from './encoder';
import { encodeRow, fitEncoder } from './encoder';
import type { SparseLogisticModel } from './sparse-logistic';
import { logisticScore, topContributions, trainSparseLogistic } from './sparse-logistic';

/**
 * A calibrated binary classifier for tabular tickets: one-hot / binned / crossed features,
 * L2 logistic regression, then Platt scaling fitted on the LAST slice of the training rows (the
 * most recent, when rows come in time order), so probabilities follow the current base rate.
 * The model is then refitted on every training row and the calibrator applied to its scores.
 */
export interface CalibratedClassifierOptions {
  /** Share of training rows (the last ones) held back to fit the calibrator (default 0.15). */
  calibrationShare?: number;
  l2?: number;
}

export interface CalibratedClassifier {
  encoder: Encoder;
  model: SparseLogisticModel;
  calibrator: Calibrator;
}

export function trainCalibratedClassifier(
  spec: EncoderSpec,
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  options: CalibratedClassifierOptions = {},
): CalibratedClassifier {
  const share = options.calibrationShare ?? 0.15;
  if (!(share > 0 && share < 1))
    throw new InputError('bad_argument', `calibration share must be in (0, 1), got ${share}`);
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  if (rows.length < 20 || positives === 0 || positives === labels.length) {
    throw new InputError(
      'too_few_examples',
      `need at least 20 training rows with both outcomes (got ${rows.length} rows, ${positives} positive)`,
    );
  }
  const l2 = options.l2 ?? 5e-4;
  const cut = Math.floor(rows.length * (1 - share));
  const heldRows = rows.slice(cut);
  const heldLabels = labels.slice(cut);
  const fitEnc = fitEncoder(spec, rows.slice(0, cut));
  const fitModel = trainSparseLogistic(
    rows.slice(0, cut).map((r) => encodeRow(fitEnc, r)),
    labels.slice(0, cut),
    fitEnc.width,
    { l2 },
  );
  const calibrator = fitPlatt(
    heldRows.map((r) => logisticScore(fitModel, encodeRow(fitEnc, r))),
    heldLabels,
  );
  return { ...fitLinear(spec, rows, labels, l2), calibrator };
}

/** One-hot (binned, crossed) encoder fitted on the rows, and L2 logistic regression on them. */
export function fitLinear(
  spec: EncoderSpec,
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  l2: number,
): { encoder: Encoder; model: SparseLogisticModel } {
  const encoder = fitEncoder(spec, rows);
  const model = trainSparseLogistic(
    rows.map((r) => encodeRow(encoder, r)),
    labels,
    encoder.width,
    { l2 },
  );
  return { encoder, model };
}

export function predictProbability(classifier: CalibratedClassifier, row: TabularRow): number {
  return calibrate(
    classifier.calibrator,
    logisticScore(classifier.model, encodeRow(classifier.encoder, row)),
  );
}

/** The feature values that pushed this row's probability most, in words, with their sign. */
export function explainRow(
  classifier: CalibratedClassifier,
  row: TabularRow,
  limit = 3,
): { feature: string; direction: 'raises' | 'lowers' }[] {
  return topContributions(classifier.model, encodeRow(classifier.encoder, row), limit)
    .filter((c) => c.contribution !== 0)
    .map((c) => ({
      feature: classifier.encoder.names[c.column] ?? `column ${c.column}`,
      direction: c.contribution > 0 ? 'raises' : 'lowers',
    }));
}
