import fc from 'fast-check';
import {
  fitLogistic,
  labelMatches,
  matchVector,
  MATCH_FEATURES,
  predictLogistic,
  scopeFilter,
} from '../../../src/engine/similar';
import type { Reranked } from '../../../src/engine/similar';

const result = (id: string, score: number, retrieval: number, summary = retrieval): Reranked => ({
  id,
  score,
  retrievalScore: score,
  features: { retrieval, summary, shingles: retrieval / 2, recency: 1, facets: 0 },
});

describe('fitLogistic', () => {
  it('recovers the direction of a separating feature and gives calibrated-looking probabilities', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i % 20) / 20;
      xs.push([x]);
      ys.push(x > 0.5 ? 1 : i % 7 === 0 ? 1 : 0);
    }
    const m = fitLogistic(xs, ys);
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(predictLogistic(m, [0.9])).toBeGreaterThan(0.8);
    expect(predictLogistic(m, [0.1])).toBeLessThan(0.3);
  });

  it('returns the smoothed base rate for one class or no data', () => {
    expect(predictLogistic(fitLogistic([[1], [2]], [0, 0]), [5])).toBeCloseTo(0.5 / 3);
    expect(fitLogistic([], []).weights).toEqual([]);
  });

  it('always predicts a probability in 0..1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (x) => {
          const p = predictLogistic({ bias: -3, weights: [2, -1, 0.5] }, x);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('labelMatches', () => {
  it('labels a clear, strongly matching winner a duplicate and weaker matches related or weak', () => {
    const results = [result('A', 2.2, 1.1), result('B', 0.6, 0.5, 0.3), result('C', 0.1, 0.05, 0)];
    const [a, b, c] = labelMatches(results);
    expect(a?.kind).toBe('duplicate');
    expect(a!.duplicateProbability).toBeGreaterThan(b!.duplicateProbability);
    expect(b?.kind).not.toBe('duplicate');
    expect(c?.kind).toBe('weak');
    for (const m of [a!, b!, c!]) expect(m.relatedProbability).toBeGreaterThanOrEqual(m.duplicateProbability);
  });

  it('builds one feature per named feature, with lead and relative score', () => {
    const results = [result('A', 2, 1), result('B', 1, 0.5)];
    const v = matchVector(results, 0);
    expect(v).toHaveLength(MATCH_FEATURES.length);
    expect(v[MATCH_FEATURES.indexOf('margin')]).toBeCloseTo(0.5);
    expect(matchVector(results, 1)[MATCH_FEATURES.indexOf('score/top')]).toBeCloseTo(0.5);
    expect(matchVector(results, 5)).toEqual(MATCH_FEATURES.map(() => 0));
    expect(labelMatches([])).toEqual([]);
  });
});

describe('scopeFilter', () => {
  it('excludes the ticket and its links, and adds project and window only when asked', () => {
    const q = { id: 'Q', summary: 's', project: 'IT', linkedIds: ['L1'] };
    expect(scopeFilter(q)).toEqual({ excludeIds: new Set(['Q', 'L1']) });
    expect(scopeFilter(q, { sameProject: true, windowDays: 2, nowMs: 10 * 86_400_000 })).toEqual({
      excludeIds: new Set(['Q', 'L1']),
      project: 'IT',
      createdFromMs: 8 * 86_400_000,
    });
  });
});
