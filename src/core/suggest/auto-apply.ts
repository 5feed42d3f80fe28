import type { AdminConfig, FieldConfig } from '../../contracts/config';
import type { CoreContext } from '../shared/context';
import {
  currentValue,
  fieldEdit,
  holdsValue,
  isEmptyValue,
  isWritable,
  valueText,
  withValue,
} from '../shared/fields';
import { isJiraError } from '../ports/jira';
import type { StoredFieldPrediction, StoredSuggestions } from './suggestions';
import type { Ticket } from '../shared/ticket';

export const APP_ACTOR = 'app:triage-lens';

/**
 * Whether a prediction may be written without an agent: the admin chose auto-apply for the field,
 * the model did not abstain (the top class cleared its per-class threshold), those thresholds were
 * fitted for at least the field's precision target, the field is still empty (an agent's value is
 * never overwritten), and nobody decided about this suggestion before.
 */
export function autoApplyDecision(
  field: FieldConfig,
  prediction: StoredFieldPrediction,
  ticket: Ticket,
  decisions: StoredSuggestions['decisions'],
): { apply: true; value: string } | { apply: false; reason: string } {
  if (field.mode !== 'auto-apply') return { apply: false, reason: 'mode' };
  if (!isWritable(field.fieldId)) return { apply: false, reason: 'not writable by an edit' };
  const top = prediction.candidates[0];
  if (!top) return { apply: false, reason: 'no prediction' };
  if (prediction.abstained) return { apply: false, reason: 'below class threshold' };
  if (prediction.modelTarget + 1e-9 < field.precisionTarget)
    return { apply: false, reason: 'model trained for a lower target' };
  if (Object.prototype.hasOwnProperty.call(decisions, field.fieldId))
    return { apply: false, reason: 'already decided' };
  const current = currentValue(ticket, field.fieldId);
  if (field.multiValue ? holdsValue(ticket, field.fieldId, top.value) : !isEmptyValue(current)) {
    return { apply: false, reason: 'field already set' };
  }
  return { apply: true, value: top.value };
}

function commentText(field: FieldConfig, value: string, prediction: StoredFieldPrediction): string {
  const probability = Math.round((prediction.candidates[0]?.probability ?? 0) * 100);
  const terms = prediction.explanation
    .slice(0, 5)
    .map((e) => `"${e.text}"`)
    .join(', ');
  return [
    `Triage Lens set ${field.name} to "${value}" (confidence ${probability} %, precision target ${Math.round(field.precisionTarget * 100)} %).`,
    terms ? `Why: ${terms}.` : 'Why: the trained model for this field.',
    `Triage Lens hat ${field.name} auf "${value}" gesetzt (Konfidenz ${probability} %, Präzisionsziel ${Math.round(field.precisionTarget * 100)} %).`,
    'An admin can switch this off per field on the Triage Lens admin page.',
  ].join('\n');
}

/** Applies every field that passes the gate, as the app; returns the ticket as it now stands. */
export async function autoApply(
  ctx: CoreContext,
  config: AdminConfig,
  ticket: Ticket,
  suggestions: StoredSuggestions,
): Promise<Ticket> {
  let current = ticket;
  for (const field of config.fields) {
    const prediction = suggestions.fields.find((f) => f.fieldId === field.fieldId);
    if (!prediction) continue;
    const decision = autoApplyDecision(field, prediction, current, suggestions.decisions);
    if (!decision.apply) continue;
    const jira = ctx.jira.asApp();
    const before = valueText(currentValue(current, field.fieldId));
    try {
      await jira.editIssue(current.key, fieldEdit(current, field.fieldId, decision.value));
    } catch (error) {
      // Jira refusing the value (an option removed, a field not on the screen) skips this field;
      // transient failures propagate so the consumer retries the whole ingest.
      if (
        !isJiraError(error) ||
        (error.kind !== 'bad_request' && error.kind !== 'forbidden' && error.kind !== 'not_found')
      )
        throw error;
      ctx.logger.warn('auto-apply refused by Jira', {
        issueKey: current.key,
        fieldId: field.fieldId,
        error: error.message.slice(0, 200),
      });
      continue;
    }
    const now = ctx.clock.now();
    const valueBefore = currentValue(current, field.fieldId);
    current = { ...withValue(current, field.fieldId, decision.value), updated: current.updated + 1 };
    const reason = `precision target ${field.precisionTarget}; confidence ${prediction.candidates[0]?.probability.toFixed(3) ?? '?'}`;
    await ctx.storage.audit.append({
      at: now,
      actor: APP_ACTOR,
      issueKey: current.key,
      action: 'auto-apply',
      fieldId: field.fieldId,
      before,
      after: decision.value,
      reason,
    });
    const feedbackId = await ctx.storage.feedback.append({
      at: now,
      ticketId: current.id,
      issueKey: current.key,
      fieldId: field.fieldId,
      outcome: 'auto-applied',
      suggested: decision.value,
      chosen: decision.value,
      actor: APP_ACTOR,
    });
    // What undo needs: the value before, and the feedback row to retract.
    suggestions.decisions[field.fieldId] = {
      state: 'auto-applied',
      value: decision.value,
      at: now,
      by: APP_ACTOR,
      before: valueBefore,
      feedbackId,
    };
    try {
      await jira.addComment(current.key, commentText(field, decision.value, prediction), { internal: true });
    } catch (error) {
      // The edit and the audit entry stand; a missing note is logged rather than undoing the change.
      ctx.logger.warn('auto-apply comment failed', {
        issueKey: current.key,
        error: String(error).slice(0, 200),
      });
    }
  }
  return current;
}
