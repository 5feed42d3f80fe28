import fc from 'fast-check';
import { blendRisk, fitRiskBlend, scoreBreachRisk, trainResolutionModel } from '../../../src/engine/sla';
import { createRng } from '../../../src/engine/util/rng';

const H = 3_600_000;

describe('fitRiskBlend', () => {
  it('weights the view that carries the signal and keeps both weights non-negative', () => {
    const rng = createRng(5);
    const samples = Array.from({ length: 600 }, () => {
      const fields = 0.05 + 0.9 * rng();
      return { survival: 0.05 + 0.9 * rng(), fields, breached: rng() < fields };
    });
    const blend = fitRiskBlend(samples);
    expect(blend.b).toBeGreaterThan(0.5);
    expect(blend.a).toBeGreaterThanOrEqual(0);
    expect(blend.a).toBeLessThan(blend.b);
    expect(blendRisk(blend, 0.5, 0.9)).toBeGreaterThan(blendRisk(blend, 0.5, 0.1));
  });

  it('refuses too little or one-sided history', () => {
    expect(() => fitRiskBlend([{ survival: 0.5, fields: 0.5, breached: true }])).toThrow(/at least 20/);
  });

  it('keeps the monotonicity in remaining time when blended (property)', () => {
    const model = trainResolutionModel(
      [1, 2, 4, 8, 16, 32].map((h) => ({ ms: h * H, resolved: true, segments: ['s'] })),
    );
    fc.assert(
      fc.property(
        fc.record({
          a: fc.double({ min: 0, max: 3, noNaN: true }),
          b: fc.double({ min: 0, max: 3, noNaN: true }),
          c: fc.double({ min: -2, max: 2, noNaN: true }),
        }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (blend, fieldProbability, elapsedH, r1, extra) => {
          const at = (remainingH: number) => {
            const r = scoreBreachRisk(
              model,
              {
                metricName: 'm',
                cycle: {
                  goalMs: 80 * H,
                  elapsedMs: elapsedH * H,
                  remainingMs: remainingH * H,
                  paused: false,
                  withinCalendarHours: true,
                  breached: false,
                },
                segments: ['s'],
                fieldProbability,
              },
              { blend },
            );
            return r.status === 'scored' ? r.probability : Number.NaN;
          };
          expect(at(r1 + extra)).toBeLessThanOrEqual(at(r1) + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
