import { rocAuc } from '../../../src/engine/eval/classification-metrics';
import { boostedScore, trainBoostedTrees } from '../../../src/engine/tabular/boosted-trees';
import { sigmoid } from '../../../src/engine/tabular/sparse';
import { createRng } from '../../../src/engine/util/rng';

/** Two numeric features whose XOR decides the outcome (90 % of the time): no linear model can rank it. */
function xor(n: number, seed: number) {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    a[i] = rng();
    b[i] = rng();
    const truth = (a[i] as number) > 0.5 !== (b[i] as number) > 0.5;
    labels.push((rng() < 0.9 ? truth : !truth) ? 1 : 0);
  }
  return { columns: [a, b], labels };
}

const auc = (model: Parameters<typeof boostedScore>[0], data: ReturnType<typeof xor>) =>
  rocAuc(
    data.labels.map((y, i) => ({
      probability: sigmoid(boostedScore(model, [data.columns[0]![i]!, data.columns[1]![i]!])),
      outcome: y,
    })),
  );

describe('trainBoostedTrees', () => {
  it('learns an interaction a linear model cannot', () => {
    const train = xor(3000, 1);
    const test = xor(1000, 2);
    const { model } = trainBoostedTrees(train.columns, train.labels, null, { maxRounds: 60 });
    expect(auc(model, test)).toBeGreaterThan(0.85);
  });

  it('stops early on noise: the validation loss stops improving long before the round limit', () => {
    const rng = createRng(3);
    const noise = (n: number) => ({
      columns: [Float64Array.from({ length: n }, () => rng())],
      labels: Array.from({ length: n }, (): 0 | 1 => (rng() < 0.3 ? 1 : 0)),
    });
    const train = noise(2000);
    const result = trainBoostedTrees(train.columns, train.labels, noise(500), {
      maxRounds: 300,
      patience: 10,
    });
    expect(result.rounds).toBeLessThan(60);
    expect(result.model.trees).toHaveLength(result.rounds);
  });

  it('sends missing values their own way', () => {
    const n = 2000;
    const rng = createRng(4);
    const col = new Float64Array(n);
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < n; i++) {
      const missing = rng() < 0.3;
      col[i] = missing ? Number.NaN : rng();
      labels.push(missing ? 1 : 0);
    }
    const { model } = trainBoostedTrees([col], labels, null, { maxRounds: 40 });
    expect(sigmoid(boostedScore(model, [Number.NaN]))).toBeGreaterThan(0.9);
    expect(sigmoid(boostedScore(model, [0.5]))).toBeLessThan(0.1);
  });

  it('is deterministic for a seed', () => {
    const train = xor(800, 5);
    const a = trainBoostedTrees(train.columns, train.labels, null, { maxRounds: 10 });
    const b = trainBoostedTrees(train.columns, train.labels, null, { maxRounds: 10 });
    expect(boostedScore(a.model, [0.2, 0.7])).toBe(boostedScore(b.model, [0.2, 0.7]));
  });

  it('keeps at most maxLeaves leaves and minLeafRows rows per leaf', () => {
    const train = xor(1000, 6);
    const { model } = trainBoostedTrees(train.columns, train.labels, null, {
      maxRounds: 5,
      maxLeaves: 4,
      minLeafRows: 100,
      subsample: 1,
    });
    for (const tree of model.trees) {
      expect([...tree.feature].filter((f) => f < 0).length).toBeLessThanOrEqual(4);
    }
  });
});
