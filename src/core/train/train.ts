import { chronoSplit, type ScoredPrediction } from '../../engine/eval';
import type { FieldConfig } from '../../contracts/config';
import type { CoreContext } from '../shared/context';
import { trainingLabel } from '../shared/fields';
import { refreshOpenSuggestions } from '../suggest/ingest';
import { idleStatus, updateJob } from '../shared/jobs';
import { fieldQuality } from './model-quality';
import { releaseCandidate, type ReleaseOutcome } from '../governance/releases';
import { collectFirstResponses } from '../sla/first-responses';
import { ROUTE_MODELS, routeModelConfig, saveAgentTeams, saveTeamDirectory } from './route-models';
import type { Ticket } from '../shared/ticket';

/** Training reads at most this many tickets (newest kept): bounds memory inside a 1 GB function. */
export const MAX_TRAINING_TICKETS = 50_000;
const PAGE = 1_000;
/** Fewer labelled tickets than this and a field is not trained (nothing honest to measure). */
export const MIN_EXAMPLES = 20;
/** Time the consumer run spends refreshing open tickets after training; the rest go to the queue. */
const REFRESH_BUDGET_MS = 120_000;

export interface FieldTrainResult {
  fieldId: string;
  status: 'trained' | 'skipped';
  examples: number;
  /** What the model release did with the trained candidate (see governance/releases.ts). */
  release?: ReleaseOutcome;
  reason?: string;
}

async function trainingTickets(ctx: CoreContext, sinceMs: number): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let after: string | null = null;
  do {
    const page = await ctx.storage.tickets.listResolvedSince(sinceMs, { limit: PAGE, after });
    tickets.push(...page.items);
    after = page.next;
  } while (after !== null && tickets.length < MAX_TRAINING_TICKETS * 2);
  tickets.sort((a, b) => a.created - b.created);
  return tickets.slice(-MAX_TRAINING_TICKETS);
}

/**
 * Trains one field: a model on the older 80 % scored on the newest 20 % gives the per-class
 * precision / coverage the admin sees; the stored model is then trained on everything.
 */
function trainField(
  ctx: CoreContext,
  field: FieldConfig,
  tickets: readonly Ticket[],
  trainedAt: string,
  labelOf: (ticket: Ticket) => string | null = (ticket) => trainingLabel(ticket, field.fieldId),
) {
  const examples = tickets.flatMap((ticket) => {
    const label = labelOf(ticket);
    return label === null ? [] : [{ ticket, label }];
  });
  if (examples.length < MIN_EXAMPLES) return { examples: examples.length, trained: null };
  const split = chronoSplit(examples.map((e) => e.ticket.created));
  const pick = (idx: number[]) =>
    idx.map((i) => examples[i]).filter((e): e is (typeof examples)[number] => e !== undefined);
  const engine = ctx.engines.classifier;
  const probe = engine.train(pick(split.train), field.precisionTarget);
  const test = pick(split.test);
  const heldOut: ScoredPrediction[] = test.map((e) => {
    const top = probe.predict(e.ticket).ranked[0];
    return { actual: e.label, predicted: top?.label ?? '', confidence: top?.probability ?? 0 };
  });
  // The release compares the candidate's recipe with the current model on these same tickets.
  const slice = test.map((e, i) => ({ ...e, candidateRight: heldOut[i]?.predicted === e.label }));
  const model = engine.train(examples, field.precisionTarget);
  const quality = fieldQuality(
    field.fieldId,
    heldOut,
    field.precisionTarget,
    examples.length,
    model.excluded,
    trainedAt,
  );
  const values = new Map<string, Set<string>>();
  for (const e of examples) {
    const set = values.get(e.ticket.projectKey) ?? new Set<string>();
    set.add(e.label);
    values.set(e.ticket.projectKey, set);
  }
  return { examples: examples.length, trained: { model, quality, values, slice } };
}

/** Fields the panel shows come first, so suggestions appear before the silent (shadow) ones train. */
const SHOWN_FIRST: Record<FieldConfig['mode'], number> = { suggest: 0, 'auto-apply': 0, shadow: 1, off: 2 };

/**
 * Retrains the given fields (default: every field not switched off), records the job, then
 * refreshes the open tickets' suggestions with the new models. While a backfill is under way it
 * does nothing: the history is incomplete, and the backfill queues a training when it is done,
 * so requests made meanwhile (an admin's, a model rebuild's) are served once, by that one.
 */
export async function train(ctx: CoreContext, fieldIds?: readonly string[]): Promise<FieldTrainResult[]> {
  const backfill = (await ctx.storage.jobs.get('backfill'))?.status.state;
  if (backfill === 'queued' || backfill === 'running') {
    ctx.logger.info('training deferred until the backfill is done');
    return [];
  }
  const config = await ctx.config();
  const now = ctx.clock.now();
  const startedAt = new Date(now).toISOString();
  const fields = config.fields
    .filter((f) => f.mode !== 'off' && (fieldIds === undefined || fieldIds.includes(f.fieldId)))
    .sort((a, b) => SHOWN_FIRST[a.mode] - SHOWN_FIRST[b.mode]);
  // The learned-routing models train after the fields the panel shows (see route-models.ts).
  const jobs = [
    ...fields.map((field) => ({ field, labelOf: undefined })),
    ...ROUTE_MODELS.filter((m) => fieldIds === undefined || fieldIds.includes(m.fieldId)).map((m) => ({
      field: routeModelConfig(m.fieldId),
      labelOf: m.labelOf,
    })),
  ];
  await updateJob(ctx.storage.jobs, 'train', () => ({
    status: { ...idleStatus('train'), state: 'running', total: jobs.length, startedAt },
    cursor: null,
  }));
  const sinceMs = config.retentionDays > 0 ? now - config.retentionDays * 86_400_000 : 0;
  const results: FieldTrainResult[] = [];
  try {
    const tickets = await trainingTickets(ctx, sinceMs);
    await ctx.engines.sla.train(tickets, now, await collectFirstResponses(ctx, tickets));
    if (jobs.some((j) => j.labelOf !== undefined)) {
      await saveAgentTeams(ctx, tickets);
      await saveTeamDirectory(ctx, tickets);
    }
    for (const { field, labelOf } of jobs) {
      try {
        const { examples, trained } = trainField(ctx, field, tickets, startedAt, labelOf);
        if (!trained) {
          results.push({
            fieldId: field.fieldId,
            status: 'skipped',
            examples,
            reason: `fewer than ${MIN_EXAMPLES} labelled tickets`,
          });
          continue;
        }
        const release = await releaseCandidate(ctx, {
          fieldId: field.fieldId,
          trainedAt: startedAt,
          ...trained,
        });
        results.push({ fieldId: field.fieldId, status: 'trained', examples, release });
      } catch (error) {
        // One field with unusable data (e.g. a single class) must not stop the others.
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'training failed';
        ctx.logger.warn('field not trained', { fieldId: field.fieldId, reason });
        results.push({ fieldId: field.fieldId, status: 'skipped', examples: 0, reason });
      }
      await updateJob(ctx.storage.jobs, 'train', (current) =>
        current ? { status: { ...current.status, processed: results.length }, cursor: null } : null,
      );
    }
  } catch (error) {
    await finishJob(ctx, 'failed', error instanceof Error ? error.message : 'training failed');
    throw error;
  }
  await finishJob(ctx, 'done', null);
  try {
    const refreshed = await refreshOpenSuggestions(ctx, REFRESH_BUDGET_MS);
    ctx.logger.info('open tickets refreshed after training', { refreshed });
  } catch (error) {
    // The models are saved; a ticket left stale is recomputed when it changes or its panel opens.
    ctx.logger.warn('open tickets not refreshed after training', { error: String(error).slice(0, 200) });
  }
  return results;
}

async function finishJob(ctx: CoreContext, state: 'done' | 'failed', error: string | null): Promise<void> {
  const finishedAt = new Date(ctx.clock.now()).toISOString();
  await updateJob(ctx.storage.jobs, 'train', (current) => ({
    status: {
      ...(current?.status ?? idleStatus('train')),
      state,
      finishedAt,
      error: error?.slice(0, 500) ?? null,
    },
    cursor: null,
  }));
}
