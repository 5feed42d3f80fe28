import fc from 'fast-check';
import { calibrate, fitIsotonic, fitPlatt } from '../../../src/engine/tabular/calibration';
import {
  explainRow,
  predictProbability,
  trainCalibratedClassifier,
} from '../../../src/engine/tabular/calibrated-classifier';
import { encodeRow, fitEncoder } from '../../../src/engine/tabular/encoder';
import { logisticScore, trainSparseLogistic } from '../../../src/engine/tabular/sparse-logistic';
import { softmaxRank, trainSoftmax } from '../../../src/engine/tabular/softmax';
import { buildFieldIndex, nearestByFields } from '../../../src/engine/tabular/field-neighbours';
import { classifierFromJson, classifierToJson } from '../../../src/engine/tabular/serialize';
import { sigmoid } from '../../../src/engine/tabular/sparse';
import { createRng } from '../../../src/engine/util/rng';

/** Synthetic tickets: "Network" breaches 80 % of the time, "Password" 10 %, seeded. */
function synthetic(n: number, seed: number) {
  const rng = createRng(seed);
  const rows = [];
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const type = rng() < 0.5 ? 'Network' : 'Password';
    rows.push({ categorical: [type, rng() < 0.5 ? 'Phone' : 'Email'], numeric: [] });
    labels.push(rng() < (type === 'Network' ? 0.8 : 0.1) ? 1 : 0);
  }
  return { rows, labels };
}

describe('trainSparseLogistic', () => {
  it('recovers the rates of a one-hot feature', () => {
    const { rows, labels } = synthetic(4000, 1);
    const enc = fitEncoder({ categorical: ['type', 'channel'], numeric: [] }, rows);
    const model = trainSparseLogistic(
      rows.map((r) => encodeRow(enc, r)),
      labels,
      enc.width,
      { l2: 1e-5 },
    );
    const p = (type: string) =>
      sigmoid(logisticScore(model, encodeRow(enc, { categorical: [type, 'Phone'], numeric: [] })));
    expect(p('Network')).toBeCloseTo(0.8, 1);
    expect(p('Password')).toBeCloseTo(0.1, 1);
  });

  it('is deterministic', () => {
    const { rows, labels } = synthetic(300, 2);
    const enc = fitEncoder({ categorical: ['type', 'channel'], numeric: [] }, rows);
    const a = trainSparseLogistic(
      rows.map((r) => encodeRow(enc, r)),
      labels,
      enc.width,
    );
    const b = trainSparseLogistic(
      rows.map((r) => encodeRow(enc, r)),
      labels,
      enc.width,
    );
    expect([...a.weights]).toEqual([...b.weights]);
  });
});

describe('trainCalibratedClassifier', () => {
  it('gives calibrated probabilities and names the driving feature', () => {
    const { rows, labels } = synthetic(3000, 3);
    const clf = trainCalibratedClassifier({ categorical: ['type', 'channel'], numeric: [] }, rows, labels);
    expect(predictProbability(clf, { categorical: ['Network', 'Email'], numeric: [] })).toBeCloseTo(0.8, 1);
    expect(explainRow(clf, { categorical: ['Network', 'Email'], numeric: [] }, 1)).toEqual([
      { feature: 'type = Network', direction: 'raises' },
    ]);
  });

  it('refuses a training set with one outcome or too few rows', () => {
    const { rows } = synthetic(100, 4);
    expect(() =>
      trainCalibratedClassifier(
        { categorical: ['t', 'c'], numeric: [] },
        rows,
        rows.map(() => 0),
      ),
    ).toThrow(/both outcomes/);
    expect(() =>
      trainCalibratedClassifier({ categorical: ['t', 'c'], numeric: [] }, rows.slice(0, 5), [0, 1, 0, 1, 0]),
    ).toThrow(/at least 20/);
  });
});

describe('calibrators', () => {
  it('are non-decreasing in the score (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: -6, max: 6, noNaN: true }),
        (data, a, b) => {
          const scores = data.map((d) => d[0]);
          const labels = data.map((d) => (d[1] ? 1 : 0));
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          for (const c of [fitPlatt(scores, labels), fitIsotonic(scores, labels)]) {
            expect(calibrate(c, hi)).toBeGreaterThanOrEqual(calibrate(c, lo) - 1e-12);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('trainSoftmax', () => {
  it('ranks the class a feature value points to first, with probabilities summing to 1', () => {
    const rows = [];
    const labels: string[] = [];
    for (let i = 0; i < 600; i++) {
      const c = ['Network', 'Desk', 'Apps'][i % 3] as string;
      rows.push({ categorical: [`cat-${c}`], numeric: [] });
      labels.push(c);
    }
    const enc = fitEncoder({ categorical: ['category'], numeric: [] }, rows);
    const model = trainSoftmax(
      rows.map((r) => encodeRow(enc, r)),
      labels,
      enc.width,
      { seed: 7 },
    );
    const ranked = softmaxRank(model, encodeRow(enc, { categorical: ['cat-Desk'], numeric: [] }));
    expect(ranked[0]!.label).toBe('Desk');
    expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1);
  });

  it('needs two classes', () => {
    expect(() => trainSoftmax([], [], 0)).toThrow(/at least 2 classes/);
  });
});

describe('nearestByFields', () => {
  const rows = [
    ['Network', 'Berlin', 'ann'],
    ['Network', 'Munich', 'bob'],
    ['Printer', 'Berlin', 'ann'],
    ['Network', 'Berlin', 'cid'],
    ['Apps', 'Hamburg', '?'],
  ];
  const index = buildFieldIndex(rows);

  it('ranks tickets sharing rarer values higher, best scoring 1', () => {
    const near = nearestByFields(index, ['Network', 'Berlin', 'ann'], { maxShare: 1 });
    expect(near[0]).toEqual({ index: 0, score: 1 });
    expect(
      near
        .map((n) => n.index)
        .slice(1, 3)
        .sort(),
    ).toEqual([2, 3]);
    expect(near.some((n) => n.index === 4)).toBe(false);
  });

  it('skips very common values and missing markers; no overlap gives no neighbours', () => {
    expect(nearestByFields(index, ['Network', 'x', 'y'], { maxShare: 0.5 })).toEqual([]);
    expect(nearestByFields(index, ['?', '?', '?'])).toEqual([]);
    expect(nearestByFields(buildFieldIndex([]), ['a'])).toEqual([]);
  });
});

describe('nearestByFields top-k', () => {
  it('equals a full sort of the overlap scores (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, query, k) => {
          const index = buildFieldIndex(rows);
          const naive = rows
            .map((row, i) => {
              let s = 0;
              row.forEach((v, f) => {
                if (v !== query[f]) return;
                const n = rows.filter((r) => r[f] === v).length;
                s += Math.log(rows.length / n);
              });
              return { i, s };
            })
            .filter((x) => x.s > 0 || rows.some((r, j) => j === x.i && r.some((v, f) => v === query[f])))
            .sort((a, b) => b.s - a.s || b.i - a.i)
            .slice(0, k);
          const got = nearestByFields(index, query, { k, maxShare: 1 });
          if (got.length > 0) expect(got.map((g) => g.index)).toEqual(naive.map((x) => x.i));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('classifier JSON', () => {
  const { rows, labels } = synthetic(400, 9);
  const withNumbers = rows.map((r, i) => ({
    categorical: r.categorical,
    numeric: [i % 7 === 0 ? Number.NaN : i],
  }));
  const clf = trainCalibratedClassifier(
    { categorical: ['type', 'channel'], numeric: ['age'], crosses: [['type', 'age']] },
    withNumbers,
    labels,
  );

  it('round-trips through JSON text and predicts identically', () => {
    const back = classifierFromJson(JSON.parse(JSON.stringify(classifierToJson(clf))));
    for (const row of withNumbers.slice(0, 50))
      expect(predictProbability(back, row)).toBe(predictProbability(clf, row));
  });

  it.each([
    ['another version', { version: 9 }, /version 9/],
    ['weights of the wrong length', { weights: [1, 2] }, /differ in length/],
    [
      'a negative Platt slope (would reverse the ranking)',
      { calibrator: { kind: 'platt', a: -1, b: 0 } },
      /calibrator/,
    ],
  ])('refuses %s', (_name, patch, message) => {
    expect(() => classifierFromJson({ ...(classifierToJson(clf) as object), ...patch })).toThrow(message);
  });
});
