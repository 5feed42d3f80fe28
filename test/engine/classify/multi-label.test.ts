import {
  loadMultiLabel,
  predictLabels,
  serializeMultiLabel,
  trainMultiLabelClassifier,
} from '../../../src/engine/classify';
import { makeTickets } from '../../support/classify-tickets';

describe('multi-label classifier', () => {
  // Labels: the class, plus "vpn" whenever the text mentions VPN (a second, independent label).
  const data = makeTickets(240).map((t, i) => {
    const vpn = i % 3 === 0;
    return {
      text: {
        summary: t.text.summary,
        description: `${t.text.description ?? ''}${vpn ? ' vpn tunnel' : ''}`,
      },
      labels: vpn ? [t.label, 'vpn'] : [t.label],
    };
  });
  const model = trainMultiLabelClassifier(data, { seed: 2, c: 1 });

  it('selects several labels when the text carries several', () => {
    const p = predictLabels(model, { summary: 'Drucker', description: 'Drucker Tonerkartusche vpn tunnel' });
    expect(p.selected).toEqual(expect.arrayContaining(['Hardware', 'vpn']));
    expect(p.selected).not.toContain('HR');
    for (const r of p.ranked) {
      expect(r.probability).toBeGreaterThanOrEqual(0);
      expect(r.probability).toBeLessThanOrEqual(1);
    }
  });

  it('round-trips through its envelope', () => {
    const loaded = loadMultiLabel(serializeMultiLabel(model));
    const text = { summary: 'payroll', description: 'salary vpn tunnel' };
    expect(predictLabels(loaded, text)).toEqual(predictLabels(model, text));
  });
});
