import { rocAuc } from '../../../src/engine/eval/classification-metrics';
import type { TabularRow } from '../../../src/engine/tabular/encoder';
import { stackedFromJson, stackedToJson } from '../../../src/engine/tabular/serialize-stacked';
import { stackedProbability, trainStackedClassifier } from '../../../src/engine/tabular/stacked-classifier';
import { createRng } from '../../../src/engine/util/rng';

const SPEC = { categorical: ['team', 'priority'], numeric: ['hours'], numericBins: 8, minCount: 1 };

/**
 * Tickets whose breach depends on team × priority (an interaction) and on hours; the breach
 * rate falls from `startRate` to `endRate` over time (drift), rows in time order.
 */
function desk(n: number, seed: number, startRate: number, endRate: number) {
  const rng = createRng(seed);
  const rows: TabularRow[] = [];
  const labels: (0 | 1)[] = [];
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const team = `T${Math.floor(rng() * 6)}`;
    const priority = rng() < 0.5 ? 'High' : 'Low';
    const hours = rng() * 10;
    const hard = (team === 'T0' || team === 'T1') === (priority === 'High');
    const base = startRate + ((endRate - startRate) * i) / n;
    const p = Math.min(0.95, base * (hard ? 1.6 : 0.4) * (0.5 + hours / 10));
    rows.push({ categorical: [team, priority], numeric: [hours] });
    labels.push(rng() < p ? 1 : 0);
    times.push(i * 60_000);
  }
  return { rows, labels, times };
}

const meanP = (model: ReturnType<typeof trainStackedClassifier>, rows: readonly TabularRow[]) =>
  rows.reduce((s, r) => s + stackedProbability(model, r), 0) / rows.length;

describe('trainStackedClassifier', () => {
  it('with times and a drifting rate, calibrates on the newest rows because the forward check says it pays', () => {
    const all = desk(3000, 1, 0.5, 0.15);
    const train = {
      rows: all.rows.slice(0, 2500),
      labels: all.labels.slice(0, 2500),
      times: all.times.slice(0, 2500),
    };
    const future = all.rows.slice(2500);
    const futureRate = all.labels.slice(2500).reduce<number>((s, y) => s + y, 0) / 500;
    const model = trainStackedClassifier(SPEC, train.rows, train.labels, { times: train.times });
    expect(model.choice.slice).toBe('recent');
    expect(model.choice.recency!.recent).toBeLessThan(model.choice.recency!.all);
    expect(Math.abs(meanP(model, future) - futureRate)).toBeLessThan(0.05);
  });

  it('without times assumes no order: calibrates on every row', () => {
    const all = desk(2000, 2, 0.5, 0.15);
    const model = trainStackedClassifier(SPEC, all.rows, all.labels);
    expect(model.choice.slice).toBe('all');
    expect(model.choice.recency).toBeNull();
    const rate = all.labels.reduce<number>((s, y) => s + y, 0) / all.labels.length;
    expect(Math.abs(meanP(model, all.rows) - rate)).toBeLessThan(0.02);
  });

  it('with times but no drift, keeps every row for calibration', () => {
    const all = desk(2500, 3, 0.3, 0.3);
    const model = trainStackedClassifier(SPEC, all.rows, all.labels, { times: all.times });
    expect(model.choice.slice).toBe('all');
  });

  it('picks the trees when the outcome is an interaction, and ranks better than the linear model would', () => {
    const train = desk(3000, 4, 0.3, 0.3);
    const test = desk(1000, 5, 0.3, 0.3);
    const model = trainStackedClassifier(
      { ...SPEC, categorical: ['team', 'priority'], crosses: [] },
      train.rows,
      train.labels,
    );
    expect(model.choice.model).not.toBe('linear');
    expect(model.choice.candidates['blend/platt']!).toBeLessThan(model.choice.candidates['linear/platt']!);
    const auc = rocAuc(
      test.rows.map((r, i) => ({ probability: stackedProbability(model, r), outcome: test.labels[i]! })),
    );
    expect(auc).toBeGreaterThan(0.7);
  });

  it('refuses too few rows or one outcome only', () => {
    const all = desk(300, 6, 0.3, 0.3);
    expect(() => trainStackedClassifier(SPEC, all.rows.slice(0, 10), all.labels.slice(0, 10))).toThrow(
      /at least 20/,
    );
    expect(() =>
      trainStackedClassifier(
        SPEC,
        all.rows,
        all.rows.map((): 0 | 1 => 0),
      ),
    ).toThrow(/both outcomes/);
  });
});

describe('stacked classifier JSON', () => {
  const all = desk(1500, 7, 0.3, 0.3);
  const model = trainStackedClassifier(SPEC, all.rows, all.labels);

  it('round-trips to the same probabilities', () => {
    const back = stackedFromJson(JSON.parse(JSON.stringify(stackedToJson(model))));
    for (const r of all.rows.slice(0, 50))
      expect(stackedProbability(back, r)).toBe(stackedProbability(model, r));
    expect(back.choice).toEqual(model.choice);
  });

  it('refuses a tree whose node points back (a loop) or an unknown feature', () => {
    const json = JSON.parse(JSON.stringify(stackedToJson(model))) as {
      trees: { trees: { feature: number[]; left: number[] }[] } | null;
    };
    if (json.trees === null) throw new Error('expected trees in this model');
    const looped = structuredClone(json);
    looped.trees!.trees[0]!.left[0] = 0;
    expect(() => stackedFromJson(looped)).toThrow(/points backwards/);
    const unknown = structuredClone(json);
    unknown.trees!.trees[0]!.feature[0] = 999;
    expect(() => stackedFromJson(unknown)).toThrow(/unknown feature/);
  });
});
