import { operatingPoint } from '../../../src/engine/eval/operating-point';

const o = (confidence: number, correct: boolean) => ({ confidence, correct });

describe('operatingPoint', () => {
  it('takes the largest confident slice that reaches the target', () => {
    const outcomes = [o(0.9, true), o(0.8, true), o(0.7, false), o(0.6, true), o(0.5, false), o(0.4, false)];
    expect(operatingPoint(outcomes, 0.75)).toEqual({ threshold: 0.6, covered: 4 });
    expect(operatingPoint(outcomes, 1)).toEqual({ threshold: 0.8, covered: 2 });
  });

  it('never splits tied confidences, and says null when nothing reaches the target', () => {
    // The top two tie: one right, one wrong, so 100 % is out of reach although the first is right.
    expect(operatingPoint([o(0.9, true), o(0.9, false), o(0.5, true)], 1)).toEqual({
      threshold: null,
      covered: 0,
    });
    expect(operatingPoint([], 0.5)).toEqual({ threshold: null, covered: 0 });
  });
});
