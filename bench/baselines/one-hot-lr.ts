/**
 * The plain baseline every SLA figure stands beside: one-hot categories (numeric columns as a
 * standardised signed log, one bin), L2 logistic regression, no calibration. scikit-learn's C is
 * the inverse weight of the L2 term against the summed loss, so C on n rows is an L2 of 1 / (C n)
 * on the mean loss that `trainLogistic` minimises.
 */
import type { BinaryOutcome } from '../../src/engine/eval/classification-metrics';
import type { EncoderSpec } from '../../src/engine/tabular/encoder';
import { encodeRow, fitEncoder } from '../../src/engine/tabular/encoder';
import { logisticScore, trainLogistic } from '../../src/engine/tabular/logistic';
import { sigmoid } from '../../src/engine/tabular/sparse';
import type { SlaDataset } from '../../src/local/cli/eval/sla-dataset';

export function oneHotLogistic(data: SlaDataset, spec: EncoderSpec, c = 1): BinaryOutcome[] {
  const enc = fitEncoder({ ...spec, crosses: [], numericBins: 1, minCount: 1 }, data.trainRows);
  const model = trainLogistic(
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
