import { predict, trainClassifier } from '../../../src/engine/classify';
import { makeTickets } from '../../support/classify-tickets';

describe('term-frequency choice', () => {
  const withDescription = makeTickets(120, 11);
  const summaryOnly = withDescription.map((t) => ({ ...t, text: { summary: t.text.summary ?? '' } }));

  it("'auto' damps counts (1 + ln tf) when most tickets have a summary and a description", () => {
    expect(trainClassifier(withDescription, { seed: 2 }).spec.sublinearTf).toBe(true);
  });

  it("'auto' keeps raw counts for summary-only tickets", () => {
    expect(trainClassifier(summaryOnly, { seed: 2 }).spec.sublinearTf).toBe(false);
  });

  it('an explicit setting wins over the automatic choice', () => {
    expect(trainClassifier(withDescription, { seed: 2, sublinearTf: false }).spec.sublinearTf).toBe(false);
  });
});

describe('hinge loss', () => {
  it('both losses train classifiers right on more than 90 % of new tickets', () => {
    const train = makeTickets(300, 5);
    const test = makeTickets(100, 77);
    const hits = (loss: 'hinge' | 'squared'): number => {
      const model = trainClassifier(train, { seed: 1, loss });
      return test.filter((t) => predict(model, t.text).ranked[0]?.label === t.label).length;
    };
    expect(hits('hinge')).toBeGreaterThan(90);
    expect(hits('squared')).toBeGreaterThan(90);
  });
});
