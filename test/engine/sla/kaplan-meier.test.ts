import fc from 'fast-check';
import { kaplanMeier, survivalAt } from '../../../src/engine/sla';

describe('kaplanMeier', () => {
  it('without censoring equals the empirical share still open', () => {
    const curve = kaplanMeier([1, 2, 3, 4].map((ms) => ({ ms, resolved: true })));
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 2)).toBeCloseTo(0.5);
    expect(survivalAt(curve, 4)).toBeCloseTo(0);
  });

  it('counts censored open tickets as at risk until their age, not as fast resolutions', () => {
    // Two resolved at 1 and 3, two still open at age 2: after t=1, 3 at risk → S=2/3·…
    const curve = kaplanMeier([
      { ms: 1, resolved: true },
      { ms: 2, resolved: false },
      { ms: 2, resolved: false },
      { ms: 3, resolved: true },
    ]);
    expect(survivalAt(curve, 1)).toBeCloseTo(0.75);
    // At t=3 only one ticket is at risk and it resolves: S drops to 0.
    expect(survivalAt(curve, 3)).toBeCloseTo(0);
    // Dropping the open tickets instead would claim half resolve by t=1.
    const naive = kaplanMeier([
      { ms: 1, resolved: true },
      { ms: 3, resolved: true },
    ]);
    expect(survivalAt(naive, 1)).toBeCloseTo(0.5);
  });

  it('rejects negative or non-finite durations with an explained error', () => {
    expect(() => kaplanMeier([{ ms: -5, resolved: true }])).toThrow(/non-negative/);
    expect(() => kaplanMeier([{ ms: Number.NaN, resolved: true }])).toThrow(/finite/);
  });

  it('an empty history gives a flat curve at 1', () => {
    const curve = kaplanMeier([]);
    expect(survivalAt(curve, 1e9)).toBe(1);
    expect(curve.count).toBe(0);
  });

  it('is non-increasing in time for any history (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ms: fc.integer({ min: 0, max: 1000 }), resolved: fc.boolean() }), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (durations, a, b) => {
          const curve = kaplanMeier(durations);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(survivalAt(curve, hi)).toBeLessThanOrEqual(survivalAt(curve, lo) + 1e-12);
        },
      ),
    );
  });
});
