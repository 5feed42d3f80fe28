import { fieldState, type FieldStateInput } from '../../../src/core/panel/field-status';
import type { FieldDecision, StoredFieldPrediction } from '../../../src/core/suggest/suggestions';
import { makeTicket } from '../../support/tickets';

const prediction = (over: Partial<StoredFieldPrediction> = {}): StoredFieldPrediction => ({
  fieldId: 'priority',
  candidates: [
    { value: 'High', probability: 0.93 },
    { value: 'Medium', probability: 0.05 },
    { value: 'Low', probability: 0.015 },
    { value: 'Lowest', probability: 0.005 },
  ],
  abstained: false,
  modelTarget: 0.9,
  history: null,
  explanation: [],
  ...over,
});

const input = (over: Partial<FieldStateInput> = {}): FieldStateInput => ({
  field: { fieldId: 'priority', precisionTarget: 0.9 },
  prediction: prediction(),
  ticket: makeTicket({ priority: null }),
  decision: undefined,
  viewer: 'agent-1',
  ...over,
});

const decision = (over: Partial<FieldDecision>): FieldDecision => ({
  state: 'applied',
  value: 'High',
  at: 1,
  by: 'agent-1',
  ...over,
});

describe('fieldState (what the panel shows for a field)', () => {
  it('suggests a confident value with Apply, and ranks the other values as alternatives', () => {
    expect(fieldState(input())).toMatchObject({
      status: 'suggested',
      value: 'High',
      confidence: 0.93,
      apply: 'panel',
      alternatives: [
        { value: 'Medium', probability: 0.05 },
        { value: 'Low', probability: 0.015 },
      ],
    });
  });

  it('is not sure when the model abstained, and then names the best guess first among the alternatives', () => {
    const state = fieldState(input({ prediction: prediction({ abstained: true }) }));
    expect(state.status).toBe('not-sure');
    expect(state.value).toBeNull();
    expect(state.apply).toBe('none');
    expect(state.alternatives.map((a) => a.value)).toEqual(['High', 'Medium', 'Low']);
  });

  it('never suggests when the model was fitted for a lower precision than the field asks for', () => {
    const state = fieldState(input({ prediction: prediction({ modelTarget: 0.8 }) }));
    expect(state.status).toBe('not-sure');
    expect(state.apply).toBe('none');
  });

  it('is not "applied" only because the ticket holds the value the model was not sure of', () => {
    const ticket = makeTicket({ priority: 'High' });
    const state = fieldState(input({ ticket, prediction: prediction({ abstained: true }) }));
    expect(state.status).toBe('not-sure');
    // "Also possible" never lists what the field already holds.
    expect(state.alternatives.map((a) => a.value)).toEqual(['Medium', 'Low']);
  });

  it('says the field already holds a confident suggestion, with nothing to apply', () => {
    const state = fieldState(input({ ticket: makeTicket({ priority: 'High' }) }));
    expect(state).toMatchObject({ status: 'already-set', value: 'High', apply: 'none' });
    expect(state.alternatives.map((a) => a.value)).not.toContain('High');
  });

  it('shows a value the viewer applied as applied by them, with undo', () => {
    const state = fieldState(
      input({ ticket: makeTicket({ priority: 'High' }), decision: decision({ state: 'applied' }) }),
    );
    expect(state).toMatchObject({ status: 'applied', value: 'High', byViewer: true, undo: true });
    expect(
      fieldState(input({ ticket: makeTicket({ priority: 'High' }), decision: decision({}), viewer: 'b' })),
    ).toMatchObject({ status: 'applied', byViewer: false });
  });

  it('after a replacement shows the rejected suggestion as replaced, never as applied', () => {
    const state = fieldState(
      input({
        ticket: makeTicket({ priority: 'Low' }),
        decision: decision({ state: 'replaced', value: 'High', chosen: 'Low' }),
      }),
    );
    expect(state).toMatchObject({ status: 'replaced', value: 'High', chosen: 'Low', undo: true });
  });

  it('reads an applied value changed since in Jira as replaced by what the field holds now', () => {
    const state = fieldState(
      input({ ticket: makeTicket({ priority: 'Medium' }), decision: decision({ state: 'auto-applied' }) }),
    );
    expect(state).toMatchObject({ status: 'replaced', value: 'High', chosen: 'Medium', undo: false });
  });

  it('keeps a dismissal for the value it was about, and offers the next suggestion once that changes', () => {
    expect(fieldState(input({ decision: decision({ state: 'dismissed' }) }))).toMatchObject({
      status: 'dismissed',
      value: 'High',
      undo: true,
    });
    expect(fieldState(input({ decision: decision({ state: 'dismissed', value: 'Low' }) })).status).toBe(
      'suggested',
    );
  });

  it('after an undo offers the suggestion again', () => {
    expect(fieldState(input({ decision: decision({ state: 'reopened' }) })).status).toBe('suggested');
  });

  it('offers the request type to apply only where it can be set from the panel', () => {
    const rt = (requestTypeApply?: 'panel' | 'jsm-action') =>
      fieldState(
        input({
          field: { fieldId: 'requestType', precisionTarget: 0.9 },
          prediction: prediction({
            fieldId: 'requestType',
            candidates: [{ value: 'Get IT help', probability: 0.95 }],
          }),
          ticket: makeTicket({ requestType: 'Report a problem' }),
          ...(requestTypeApply ? { requestTypeApply } : {}),
        }),
      );
    expect(rt('panel')).toMatchObject({ status: 'suggested', apply: 'panel' });
    expect(rt('jsm-action')).toMatchObject({ status: 'suggested', apply: 'jsm-action' });
    expect(rt()).toMatchObject({ apply: 'jsm-action' });
  });

  it('treats multi-value fields by membership: a held label is neither suggested nor an alternative', () => {
    const state = fieldState(
      input({
        field: { fieldId: 'labels', precisionTarget: 0.9 },
        prediction: prediction({
          fieldId: 'labels',
          candidates: [
            { value: 'vpn', probability: 0.95 },
            { value: 'network', probability: 0.04 },
            { value: 'wifi', probability: 0.01 },
          ],
        }),
        ticket: makeTicket({ labels: ['network'] }),
      }),
    );
    expect(state).toMatchObject({ status: 'suggested', value: 'vpn' });
    expect(state.alternatives.map((a) => a.value)).toEqual(['wifi']);
  });
});
