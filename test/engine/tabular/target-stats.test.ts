import { stratifiedFolds } from '../../../src/engine/tabular/folds';
import {
  fitTargetStats,
  outOfFoldTargetFeatures,
  slotFieldsOf,
  targetFeatures,
} from '../../../src/engine/tabular/target-stats';
import { createRng } from '../../../src/engine/util/rng';

describe('target statistics', () => {
  it('a value seen once tells nothing about its own row out of fold (no label leak)', () => {
    const rng = createRng(1);
    const rows = Array.from({ length: 1000 }, (_, i) => ({ categorical: [`ticket-${i}`], numeric: [] }));
    const labels = rows.map((): 0 | 1 => (rng() < 0.4 ? 1 : 0));
    const stats = fitTargetStats(rows, labels, slotFieldsOf(1, []));
    const out = rows.map(() => new Float64Array(2));
    outOfFoldTargetFeatures(stats, rows, labels, stratifiedFolds(labels, 5, 2), 5, out, 0);
    const rate = (y: 0 | 1) => {
      const v = out.filter((_, i) => labels[i] === y).map((o) => o[0] as number);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    // In fold, breaches would read ~(1 + 20·0.4)/21 and others ~(20·0.4)/21: a 0.05 gap.
    expect(Math.abs(rate(1) - rate(0))).toBeLessThan(0.005);
    // Scored later (all rows known), the same value does read its own label.
    const own = new Float64Array(2);
    targetFeatures(stats, rows[0]!, own, 0);
    expect(own[0]).not.toBeCloseTo(stats.prior, 3);
  });

  it('smooths a common value toward its rate and an unseen one to the prior', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      categorical: [i % 2 === 0 ? 'A' : 'B'],
      numeric: [],
    }));
    const labels = rows.map((_, i): 0 | 1 => (i % 2 === 0 && i % 4 === 0 ? 1 : 0));
    const stats = fitTargetStats(rows, labels, slotFieldsOf(1, []));
    const out = new Float64Array(2);
    targetFeatures(stats, { categorical: ['A'], numeric: [] }, out, 0);
    expect(out[0]).toBeCloseTo((100 + 20 * stats.prior) / 220, 6);
    targetFeatures(stats, { categorical: ['never seen'], numeric: [] }, out, 0);
    expect(out[0]).toBeCloseTo(stats.prior, 6);
    expect(out[1]).toBe(0);
  });

  it('stratified folds keep each fold at the base rate, whatever the row order', () => {
    const labels = Array.from({ length: 1000 }, (_, i): 0 | 1 => (i < 300 ? 1 : 0));
    const folds = stratifiedFolds(labels, 5, 3);
    for (let k = 0; k < 5; k++) {
      const inFold = labels.filter((_, i) => folds[i] === k);
      expect(inFold).toHaveLength(200);
      expect(inFold.filter((y) => y === 1)).toHaveLength(60);
    }
  });
});
