import { autoApplyDecision } from '../../../src/core/suggest/auto-apply';
import type { FieldConfig } from '../../../src/contracts/config';
import type { StoredFieldPrediction } from '../../../src/core/suggest/suggestions';
import { makeTicket } from '../../support/tickets';

const field: FieldConfig = {
  fieldId: 'priority',
  name: 'Priority',
  mode: 'auto-apply',
  precisionTarget: 0.9,
  multiValue: false,
};
const prediction: StoredFieldPrediction = {
  fieldId: 'priority',
  candidates: [{ value: 'High', probability: 0.97 }],
  abstained: false,
  modelTarget: 0.9,
  history: null,
  explanation: [],
};

describe('autoApplyDecision', () => {
  it('applies only in auto-apply mode, above the class threshold, to an empty field', () => {
    expect(autoApplyDecision(field, prediction, makeTicket(), {})).toEqual({ apply: true, value: 'High' });
  });

  it.each([
    ['suggest mode', { ...field, mode: 'suggest' as const }, prediction, makeTicket(), {}],
    ['shadow mode', { ...field, mode: 'shadow' as const }, prediction, makeTicket(), {}],
    ['abstained', field, { ...prediction, abstained: true }, makeTicket(), {}],
    ['model fitted for a lower target', { ...field, precisionTarget: 0.95 }, prediction, makeTicket(), {}],
    ['agent already set the field', field, prediction, makeTicket({ priority: 'Low' }), {}],
    [
      'agent dismissed it',
      field,
      prediction,
      makeTicket(),
      { priority: { state: 'dismissed' as const, value: 'High', at: 1 } },
    ],
    ['no candidates', field, { ...prediction, candidates: [] }, makeTicket(), {}],
  ])('does not apply: %s', (_name, f, p, t, decisions) => {
    expect(autoApplyDecision(f, p, t, decisions).apply).toBe(false);
  });

  it('adds to a multi-value field unless the value is already there', () => {
    const labels: FieldConfig = { ...field, fieldId: 'labels', multiValue: true };
    const p = { ...prediction, fieldId: 'labels', candidates: [{ value: 'vpn', probability: 0.99 }] };
    expect(autoApplyDecision(labels, p, makeTicket({ labels: ['network'] }), {}).apply).toBe(true);
    expect(autoApplyDecision(labels, p, makeTicket({ labels: ['vpn'] }), {}).apply).toBe(false);
  });
});
