import { fieldQuality } from '../../../src/core/train/model-quality';

const p = (actual: string, predicted: string, confidence: number) => ({ actual, predicted, confidence });

describe('fieldQuality', () => {
  it('finds the per-class threshold that reaches the target on the held-back slice', () => {
    const heldOut = [
      p('a', 'a', 0.95),
      p('a', 'a', 0.9),
      p('b', 'a', 0.6),
      p('a', 'a', 0.55),
      p('b', 'b', 0.8),
      p('a', 'b', 0.7),
    ];
    const q = fieldQuality(
      'priority',
      heldOut,
      0.9,
      30,
      [{ label: 'c', count: 1 }],
      '2026-01-01T00:00:00.000Z',
    );
    const a = q.classes.find((c) => c.label === 'a');
    expect(a?.threshold).toBe(0.9);
    // Two of a's four tickets are filled in correctly at 0.9 or above.
    expect(a?.coverageAtTarget).toBeCloseTo(0.5);
    const b = q.classes.find((c) => c.label === 'b');
    expect(b?.threshold).toBe(0.8);
    expect(q.accuracy).toBeCloseTo(4 / 6);
    expect(q.leftOut).toEqual([{ label: 'c', count: 1 }]);
    expect(q.curve[q.curve.length - 1]).toEqual({ coverage: 1, precision: 4 / 6 });
  });

  it('says null when no confidence reaches the target', () => {
    const q = fieldQuality('f', [p('a', 'b', 0.9), p('b', 'a', 0.8)], 0.9, 2, [], 'now');
    expect(q.classes.every((c) => c.threshold === null && c.coverageAtTarget === 0)).toBe(true);
  });

  it('is empty, not broken, without held-back tickets', () => {
    const q = fieldQuality('f', [], 0.9, 0, [], 'now');
    expect(q).toMatchObject({ accuracy: 0, classes: [], curve: [] });
  });
});
