import { crossValidateClassifier } from '../../../src/engine/classify';
import { makeTickets } from '../../support/classify-tickets';

describe('crossValidateClassifier', () => {
  const data = makeTickets(200);
  const report = crossValidateClassifier([...data, { text: { summary: 'once' }, label: 'Lonely' }], {
    folds: 4,
    targetPrecision: 0.9,
    train: { c: 1 },
  });

  it('reports per-class precision, recall, threshold and coverage for every learnable class', () => {
    expect(report.folds).toBe(4);
    expect(report.classes.map((c) => c.label)).toEqual(['Access', 'HR', 'Hardware', 'Purchase']);
    for (const c of report.classes) {
      expect(c.support).toBe(50);
      expect(c.precision).toBeGreaterThanOrEqual(0);
      expect(c.precision).toBeLessThanOrEqual(1);
      expect(c.coverage).toBeLessThanOrEqual(c.recall / 0.9 + 1e-9);
    }
    expect(report.accuracy).toBeGreaterThan(0.8);
  });

  it('names the class left out for too few examples', () => {
    expect(report.excluded.map((e) => e.label)).toEqual(['Lonely']);
  });
});
