import {
  loadClassifier,
  predict,
  serializeClassifier,
  trainClassifier,
  updateClassifier,
} from '../../../src/engine/classify';
import { makeTickets } from '../../support/classify-tickets';

const model = trainClassifier(makeTickets(300), { seed: 5 });

describe('updateClassifier', () => {
  it('learns a correction without retraining, and keeps other predictions', () => {
    const ticket = {
      summary: 'Dockingstation bestellen',
      description: 'Bitte eine neue Dockingstation bestellen',
    };
    const before = predict(model, ticket).ranked[0]?.label;
    const target = before === 'Purchase' ? 'Hardware' : 'Purchase';
    const next = updateClassifier(model, ticket, target);
    expect(predict(next, ticket).ranked[0]?.label).toBe(target);
    expect(next.updates).toBe(1);
    expect(next.classCounts[next.labels.indexOf(target)]).toBe(
      (model.classCounts[model.labels.indexOf(target)] ?? 0) + 1,
    );
    const others = makeTickets(80, 123);
    const agree = others.filter(
      (t) => predict(next, t.text).ranked[0]?.label === predict(model, t.text).ranked[0]?.label,
    ).length;
    expect(agree / others.length).toBeGreaterThan(0.9);
    // The original model is untouched.
    expect(predict(model, ticket).ranked[0]?.label).toBe(before);
  });

  it('round-trips an updated model exactly', () => {
    const next = updateClassifier(model, { summary: 'toner leer' }, 'Hardware');
    const loaded = loadClassifier(serializeClassifier(next));
    expect(predict(loaded, { summary: 'toner leer' })).toEqual(predict(next, { summary: 'toner leer' }));
    expect(loaded.updates).toBe(1);
  });

  it('refuses a label the model does not know', () => {
    expect(() => updateClassifier(model, { summary: 'x' }, 'Facilities')).toThrow(
      /not a class of this model/,
    );
    expect(() => updateClassifier(model, { summary: 'x' }, 'HR', { learningRate: -1 })).toThrow(
      /learningRate/,
    );
  });
});
