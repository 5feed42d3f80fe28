/**
 * The plain baseline every SLA figure stands beside: one-hot categories (numeric columns as a
 * standardised signed log, one bin), L2 logistic regression, no calibration. scikit-learn's C is
 * the inverse weight of the L2 term against the summed loss, so C on n rows is an L2 of 1 / (C n)
 * on the mean loss that `trainSparseLogistic` minimises.
 */
import type { BinaryOutcome } from '../../src/engine/eval';
import {
  type EncoderSpec,
  encodeRow,
  fitEncoder,
  logisticScore,
  trainSparseLogistic,
  sigmoid,
} from '../../src/engine/tabular';
import type { SlaDataset } from '../../src/local/cli/eval/sla-dataset';

export function oneHotLogistic(data: SlaDataset, spec: EncoderSpec, c = 1): BinaryOutcome[] {
  const enc = fitEncoder({ ...spec, crosses: [], numericBins: 1, minCount: 1 }, data.trainRows);
  const model = trainSparseLogistic(
    data.trainRows.map((r) => encodeRow(enc, r)),
    data.trainLabels,
    enc.width,
    { l2: 1 / (c * data.trainRows.length) },
  );
  return data.testRows.map((r, i) => ({
    probability: sigmoid(logisticScore(model, encodeRow(enc, r))),
    outcome: data.testLabels[i] as 0 | 1,
  }));
}
