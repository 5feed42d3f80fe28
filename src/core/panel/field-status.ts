import type { FieldSuggestion } from '../../contracts/panel';
import type { FieldConfig } from '../../contracts/config';
import { currentValue, holdsValue, isWritable, valueText } from '../shared/fields';
import type { FieldDecision, StoredFieldPrediction } from '../suggest/suggestions';
import type { Ticket } from '../shared/ticket';

export type FieldState = Pick<
  FieldSuggestion,
  'status' | 'value' | 'confidence' | 'chosen' | 'byViewer' | 'alternatives' | 'apply' | 'undo'
>;

/** Alternatives below this probability are noise in a narrow panel. */
const ALTERNATIVE_MIN = 0.01;
const ALTERNATIVES = 3;

export interface FieldStateInput {
  field: Pick<FieldConfig, 'fieldId' | 'precisionTarget'>;
  prediction: StoredFieldPrediction;
  ticket: Ticket;
  decision: FieldDecision | undefined;
  viewer: string;
  /** For the request type: whether the suggested type can be set here (same issue type) or only in JSM. */
  requestTypeApply?: 'panel' | 'jsm-action';
}

/**
 * The one state a field is shown in, from the prediction, the stored decision and the ticket as
 * it stands. A value is only "suggested" when the model did not abstain and its thresholds were
 * fitted for at least the field's precision target; a decision stands while the ticket still
 * holds what it decided; "also possible" never lists the shown value or one the field holds.
 */
export function fieldState(input: FieldStateInput): FieldState {
  const { field, prediction, ticket, decision, viewer } = input;
  const held = (value: string) => holdsValue(ticket, field.fieldId, value);
  const confidenceOf = (value: string) =>
    prediction.candidates.find((c) => c.value === value)?.probability ?? null;
  const ranked = [...prediction.candidates].sort((a, b) => b.probability - a.probability);
  const alternativesBut = (shown: string | null) =>
    ranked
      .filter((c) => c.value !== shown && !held(c.value) && c.probability >= ALTERNATIVE_MIN)
      .slice(0, ALTERNATIVES);
  const byViewer = decision?.by !== undefined && decision.by === viewer;
  const decided = (
    status: FieldState['status'],
    value: string,
    extra: Partial<FieldState> = {},
  ): FieldState => ({
    status,
    value,
    confidence: confidenceOf(value),
    chosen: null,
    byViewer,
    alternatives: [],
    apply: 'none',
    undo: false,
    ...extra,
  });
  const top = ranked[0];
  // Someone changed the field after the decision: what it holds now is their choice.
  const changedSince = (value: string) =>
    decided('replaced', value, { chosen: valueText(currentValue(ticket, field.fieldId)), byViewer: false });

  switch (decision?.state) {
    case 'applied':
    case 'auto-applied':
      return held(decision.value)
        ? decided(decision.state, decision.value, { undo: isWritable(field.fieldId) })
        : changedSince(decision.value);
    case 'replaced': {
      const chosen = decision.chosen ?? null;
      return decided('replaced', decision.value, {
        chosen,
        undo: chosen !== null && held(chosen) && isWritable(field.fieldId),
      });
    }
    case 'dismissed':
      // A dismissal covers the value it was about; a different suggestion since is open again.
      if (top && decision.value === top.value)
        return decided('dismissed', decision.value, {
          alternatives: alternativesBut(decision.value),
          undo: true,
        });
      break;
    case 'reopened':
    case undefined:
      break;
  }

  const confident =
    top !== undefined && !prediction.abstained && prediction.modelTarget + 1e-9 >= field.precisionTarget;
  if (!top || !confident) {
    return {
      status: 'not-sure',
      value: null,
      confidence: null,
      chosen: null,
      byViewer: false,
      alternatives: alternativesBut(null),
      apply: 'none',
      undo: false,
    };
  }
  const apply =
    field.fieldId === 'requestType'
      ? (input.requestTypeApply ?? 'jsm-action')
      : isWritable(field.fieldId)
        ? 'panel'
        : 'none';
  return {
    status: held(top.value) ? 'already-set' : 'suggested',
    value: top.value,
    confidence: top.probability,
    chosen: null,
    byViewer: false,
    alternatives: alternativesBut(top.value),
    apply: held(top.value) ? 'none' : apply,
    undo: false,
  };
}
