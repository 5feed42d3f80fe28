import { chronoSplit, mod5Split } from '../../../src/engine/eval/splits';
import { percentile } from '../../../src/engine/eval/percentile';
import { meanReciprocalRank, recallAtK } from '../../../src/engine/eval/ranking-metrics';

describe('mod5Split', () => {
  it('puts every fifth row (index 4, 9, …) in test, as the protocol defines', () => {
    const { train, test } = mod5Split(11);
    expect(test).toEqual([4, 9]);
    expect(train).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 10]);
  });
});

describe('chronoSplit', () => {
  it('trains on the earliest 80 % and keeps ties in file order', () => {
    const { train, test } = chronoSplit([50, 10, 40, 10, 30, 20, 60, 70, 80, 90]);
    expect(train).toEqual([1, 3, 5, 4, 2, 0, 6, 7]);
    expect(test).toEqual([8, 9]);
  });

  it('sends rows without a time to the end so they never train', () => {
    const { test } = chronoSplit([Number.NaN, 1, 2, 3, 4]);
    expect(test).toEqual([0]);
  });
});

describe('ranking metrics and percentiles', () => {
  it('recall@k and MRR count unretrieved queries as misses', () => {
    const ranks = [1, 3, null, 12];
    expect(recallAtK(ranks, 1)).toBe(0.25);
    expect(recallAtK(ranks, 5)).toBe(0.5);
    expect(meanReciprocalRank(ranks)).toBeCloseTo((1 + 1 / 3 + 1 / 12) / 4, 12);
  });

  it('nearest-rank percentile', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});
