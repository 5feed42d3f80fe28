import type { AdminConfig, FieldConfig } from '../../contracts/config';
import { APP_ACTOR } from '../suggest/auto-apply';
import { fieldState, type FieldState } from './field-status';
import type { StoredFieldPrediction, StoredSuggestions } from '../suggest/suggestions';
import type { Ticket } from '../shared/ticket';

export interface ShownField {
  field: FieldConfig;
  prediction: StoredFieldPrediction;
  state: FieldState;
}

/**
 * The fields an agent sees suggestions for (suggest or auto-apply mode, a stored prediction), each
 * in the state the panel would show it. Viewer-neutral: `byViewer` is judged for the app.
 */
export function shownFieldStates(
  ticket: Ticket,
  stored: StoredSuggestions,
  config: AdminConfig,
): ShownField[] {
  const out: ShownField[] = [];
  for (const field of config.fields) {
    if (field.mode !== 'suggest' && field.mode !== 'auto-apply') continue;
    const prediction = stored.fields.find((f) => f.fieldId === field.fieldId);
    if (!prediction) continue;
    const state = fieldState({
      field,
      prediction,
      ticket,
      decision: stored.decisions[field.fieldId],
      viewer: APP_ACTOR,
    });
    out.push({ field, prediction, state });
  }
  return out;
}
