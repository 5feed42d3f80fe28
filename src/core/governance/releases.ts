/**
 * Model releases: every training yields a candidate per field and learned-routing model; it is
 * compared with the current model on the newest tickets (the same tickets, the same metric,
 * with intervals) and, by the field's policy, promoted when not worse or kept until an approver
 * decides. Promoted versions are kept for rollback; every decision is audited with its figures.
 */
import type { FieldQuality } from '../../contracts/admin';
import type { ModelVersion, ReleaseComparison, ReleaseEvent } from '../../contracts/governance';
import { APP_ACTOR } from '../suggest/auto-apply';
import type { CoreContext } from '../shared/context';
import type { ProjectValues } from '../train/models';
import type { FieldModel } from '../ports/engines';
import type { Ticket } from '../shared/ticket';
import { KEEP_PREVIOUS, fieldOf, policyOf, readReleases, updateReleases, withField } from './release-state';
import { pairedDifference, wilson } from './stats';

export interface Candidate {
  fieldId: string;
  trainedAt: string;
  model: FieldModel;
  quality: FieldQuality;
  values: ProjectValues;
  /**
   * The held-back newest tickets, their labels and whether the probe (the candidate's recipe
   * trained without them) got each right.
   */
  slice: readonly { ticket: Ticket; label: string; candidateRight: boolean }[];
}

export type ReleaseOutcome = 'promoted' | 'rejected' | 'pending';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

export function describeComparison(c: ReleaseComparison): string {
  return (
    `candidate ${pct(c.candidate.value)} [${pct(c.candidate.lo)}, ${pct(c.candidate.hi)}] vs current ` +
    `${pct(c.current.value)} [${pct(c.current.lo)}, ${pct(c.current.hi)}] top-1 on the ${c.tickets} newest ` +
    `tickets neither trained on; difference ${signed(c.difference.value)} ` +
    `[${signed(c.difference.lo)}, ${signed(c.difference.hi)}] points, 95 %`
  );
}

/**
 * Both models on the same tickets: the slice's tickets resolved after the current model was
 * trained. Neither model trained on them (the candidate's figures come from its recipe trained
 * without the slice), so neither is favoured; tickets the current model saw are left out, as it
 * would look better on them than it is. Few such tickets give a wide interval.
 */
export function compare(
  candidate: Candidate,
  current: FieldModel,
  currentTrainedAt: number,
): ReleaseComparison {
  const used = candidate.slice.filter((e) => (e.ticket.resolved ?? 0) > currentTrainedAt);
  const a = used.map((e) => e.candidateRight);
  const b = used.map((e) => current.predict(e.ticket).ranked[0]?.label === e.label);
  const hits = (xs: boolean[]) => xs.filter(Boolean).length;
  return {
    tickets: used.length,
    unseenByCurrent: used.length,
    candidate: wilson(hits(a), used.length),
    current: wilson(hits(b), used.length),
    difference: pairedDifference(a, b),
  };
}

/** Not worse: the interval of the difference reaches zero (the candidate is not shown to be worse). */
export const notWorse = (c: ReleaseComparison): boolean => c.difference.hi >= 0;

const versionIdOf = (trainedAt: string): string => `v${Date.parse(trainedAt).toString(36)}`;

export async function auditRelease(ctx: CoreContext, event: ReleaseEvent): Promise<void> {
  await ctx.storage.audit.append({
    at: event.at,
    actor: event.by,
    issueKey: '',
    action: `release-${event.decision}`,
    fieldId: event.fieldId,
    before: null,
    after: event.versionId,
    reason: event.reason.slice(0, 500),
  });
}

/**
 * Releases one training's candidate: the first model of a field is promoted at once; later ones
 * by the field's policy. Returns what happened; the audit log and the release history say why.
 */
export async function releaseCandidate(ctx: CoreContext, candidate: Candidate): Promise<ReleaseOutcome> {
  const { fieldId } = candidate;
  const lookup = await ctx.models.get(fieldId);
  const currentQuality = lookup.status === 'ok' ? await ctx.models.quality(fieldId) : null;
  const now = ctx.clock.now();
  const versionId = versionIdOf(candidate.trainedAt);
  const comparison =
    lookup.status === 'ok'
      ? compare(candidate, lookup.model, Date.parse(currentQuality?.trainedAt ?? '') || 0)
      : null;
  const version: ModelVersion = {
    id: versionId,
    trainedAt: candidate.trainedAt,
    examples: candidate.quality.examples,
    accuracy: comparison?.candidate ?? null,
  };
  const { releases } = await readPolicy(ctx, fieldId);
  const outcome: ReleaseOutcome =
    comparison === null ? 'promoted' : !notWorse(comparison) ? 'rejected' : releases;
  const reason =
    comparison === null
      ? `first model of ${fieldId} (${candidate.quality.examples} tickets)`
      : `${describeComparison(comparison)}; policy ${releases === 'pending' ? 'approve' : 'auto'}`;
  if (outcome !== 'rejected')
    await ctx.models.saveVersion(fieldId, versionId, candidate.model, candidate.quality, candidate.values);
  if (outcome === 'promoted')
    await ctx.models.save(fieldId, candidate.model, candidate.quality, candidate.values);
  const event: ReleaseEvent = {
    at: now,
    fieldId,
    versionId,
    decision: outcome,
    by: APP_ACTOR,
    comparison,
    reason,
  };
  const dropped = await updateReleases(ctx, (state) => {
    const field = fieldOf(state, fieldId);
    const events: ReleaseEvent[] = [event];
    let next = field;
    const gone: string[] = [];
    if (outcome === 'promoted') {
      const previous = field.current ? [field.current, ...field.previous] : field.previous;
      gone.push(...previous.slice(KEEP_PREVIOUS).map((v) => v.id));
      next = { ...field, current: version, previous: previous.slice(0, KEEP_PREVIOUS) };
    } else if (outcome === 'pending') {
      if (field.pending) {
        gone.push(field.pending.id);
        events.unshift({
          ...event,
          versionId: field.pending.id,
          decision: 'superseded',
          comparison: null,
          reason: `a newer candidate (${versionId}) replaced it`,
        });
      }
      next = { ...field, pending: version, pendingComparison: comparison };
    }
    return { next: withField(state, fieldId, next, events), result: { gone, events } };
  });
  for (const id of dropped.gone) await ctx.models.deleteVersion(fieldId, id);
  for (const e of dropped.events.reverse()) await auditRelease(ctx, e);
  return outcome;
}

async function readPolicy(ctx: CoreContext, fieldId: string): Promise<{ releases: 'promoted' | 'pending' }> {
  const { state } = await readReleases(ctx);
  return { releases: policyOf(state, fieldId) === 'approve' ? 'pending' : 'promoted' };
}
