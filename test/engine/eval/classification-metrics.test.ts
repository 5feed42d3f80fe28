import fc from 'fast-check';
import {
  accuracy,
  brierScore,
  calibrationError,
  coverageAtPrecision,
  expectedCalibrationError,
  macroF1,
  perClassStats,
  rocAuc,
  type ScoredPrediction,
} from '../../../src/engine/eval/classification-metrics';

const p = (actual: string, predicted: string, confidence: number): ScoredPrediction => ({
  actual,
  predicted,
  confidence,
});

describe('accuracy and macro-F1', () => {
  it('counts hits over all predictions', () => {
    expect(accuracy([p('a', 'a', 1), p('a', 'b', 1), p('b', 'b', 1), p('b', 'b', 1)])).toBe(0.75);
  });

  it('averages F1 over every class, so a missed minority class pulls macro-F1 down', () => {
    // a: tp 2, fp 1 → P 2/3, R 1, F1 0.8. b: tp 0, fn 1 → F1 0.
    const preds = [p('a', 'a', 1), p('a', 'a', 1), p('b', 'a', 1)];
    expect(macroF1(preds)).toBeCloseTo(0.4, 10);
    const b = perClassStats(preds).find((s) => s.label === 'b');
    expect(b).toEqual({ label: 'b', precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('is NaN for no predictions rather than a misleading 0 or 1', () => {
    expect(accuracy([])).toBeNaN();
    expect(macroF1([])).toBeNaN();
  });
});

describe('coverageAtPrecision', () => {
  it('keeps the largest confident share that still reaches the target', () => {
    const preds = [
      p('a', 'a', 0.99),
      p('a', 'a', 0.95),
      p('a', 'a', 0.9),
      p('a', 'b', 0.8),
      p('a', 'a', 0.7),
    ];
    expect(coverageAtPrecision(preds, 1)).toBe(0.6);
    expect(coverageAtPrecision(preds, 0.8)).toBe(1); // 4/5 correct overall
  });

  it('never splits predictions that share a confidence', () => {
    const preds = [p('a', 'a', 0.9), p('a', 'b', 0.9), p('a', 'a', 0.5)];
    expect(coverageAtPrecision(preds, 1)).toBe(0);
  });

  it('is monotone: a lower target never covers less', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (rows, target) => {
          const preds = rows.map(([ok, c]) => p('x', ok ? 'x' : 'y', c));
          expect(coverageAtPrecision(preds, target - 0.1)).toBeGreaterThanOrEqual(
            coverageAtPrecision(preds, target),
          );
        },
      ),
    );
  });
});

describe('calibration', () => {
  it('is zero when confidence equals the hit rate in every bin', () => {
    const preds = [p('a', 'a', 0.75), p('a', 'a', 0.75), p('a', 'a', 0.75), p('a', 'b', 0.75)];
    expect(expectedCalibrationError(preds)).toBeCloseTo(0, 12);
  });

  it('measures an over-confident model', () => {
    const preds = [p('a', 'b', 0.95), p('a', 'a', 0.95)];
    expect(expectedCalibrationError(preds)).toBeCloseTo(0.45, 12);
  });

  it('Brier score and AUC behave at their extremes', () => {
    const perfect = [
      { probability: 1, outcome: 1 as const },
      { probability: 0, outcome: 0 as const },
    ];
    expect(brierScore(perfect)).toBe(0);
    expect(rocAuc(perfect)).toBe(1);
    const reversed = perfect.map((o) => ({ ...o, probability: 1 - o.probability }));
    expect(rocAuc(reversed)).toBe(0);
    expect(calibrationError(perfect)).toBe(0);
  });

  it('gives tied scores half credit in AUC', () => {
    expect(
      rocAuc([
        { probability: 0.5, outcome: 1 },
        { probability: 0.5, outcome: 0 },
      ]),
    ).toBe(0.5);
  });

  it('AUC is NaN when one class is absent', () => {
    expect(rocAuc([{ probability: 0.3, outcome: 1 }])).toBeNaN();
  });
});
