import fc from 'fast-check';
import { confusionMatrix, precisionCurve } from '../../../src/local/readiness/field-readiness';

const prediction = fc.record({
  actual: fc.constantFrom('a', 'b', 'c', 'd'),
  predicted: fc.constantFrom('a', 'b', 'c', 'd'),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('confusionMatrix', () => {
  it('counts every prediction exactly once, on the diagonal when right', () => {
    fc.assert(
      fc.property(fc.array(prediction, { maxLength: 200 }), fc.integer({ min: 1, max: 5 }), (ps, max) => {
        const cm = confusionMatrix(ps, max);
        expect(cm.counts.flat().reduce((s, c) => s + c, 0)).toBe(ps.length);
        if (!cm.labels.includes('other')) {
          const diagonal = cm.counts.reduce((s, row, i) => s + (row[i] ?? 0), 0);
          expect(diagonal).toBe(ps.filter((p) => p.actual === p.predicted).length);
        }
        expect(cm.labels.length).toBeLessThanOrEqual(max + 1);
      }),
    );
  });

  it('folds rare classes into "other"', () => {
    const ps = [
      { actual: 'a', predicted: 'a', confidence: 1 },
      { actual: 'a', predicted: 'b', confidence: 1 },
      { actual: 'b', predicted: 'c', confidence: 1 },
    ];
    expect(confusionMatrix(ps, 1)).toEqual({
      labels: ['a', 'other'],
      counts: [
        [1, 1],
        [0, 1],
      ],
    });
  });
});

describe('precisionCurve', () => {
  it('ends at full coverage with the overall accuracy, coverage increasing', () => {
    fc.assert(
      fc.property(fc.array(prediction, { minLength: 1, maxLength: 300 }), (ps) => {
        const curve = precisionCurve(ps, 20);
        const last = curve[curve.length - 1]!;
        expect(last.coverage).toBe(1);
        expect(last.precision).toBeCloseTo(ps.filter((p) => p.actual === p.predicted).length / ps.length, 10);
        for (let i = 1; i < curve.length; i++)
          expect(curve[i]!.coverage).toBeGreaterThan(curve[i - 1]!.coverage);
        expect(curve.length).toBeLessThanOrEqual(21);
      }),
    );
  });

  it('is empty for no predictions', () => {
    expect(precisionCurve([])).toEqual([]);
  });
});
