import { z } from 'zod';
import {
  FIELD_MODEL_FORMAT,
  MAX_LABELLED,
  STORED_HISTORY_FORMAT,
  StoredHistory,
  cycleProblem,
  fieldModelFromJson,
  fieldModelToJson,
  fieldProbability,
  historyFromStored,
  historyToStored,
  metricKindOf,
  queueLoadOf,
  scoreBreachRisk,
  segmentsOf,
  trainFieldModel,
  trainResolutionModel,
  usualLoadOf,
} from '../../engine/sla';
import type { FieldModel, FieldTicket } from '../../engine/sla';
import type { FirstResponseSample, SlaEngine } from '../ports/engines';
import type { Storage } from '../ports/storage';
import { STORAGE_KEYS } from '../ports/storage-keys';
import { loadStoredJson } from '../shared/stored-json';
import { currentLoadReader } from './current-load';
import { clockOf, runningCycle } from './running-cycle';
import type { HistoryFields } from './sla-history';
import { historyFields, historyFieldsOf, openTickets } from './sla-history';
import { estimatedReading, MIN_RESOLVED_HISTORY, unestimatedReading } from './sla-reading';
import { stampedValue } from './stamped-value';

const RESOLUTION_MODEL_NAME = STORAGE_KEYS.slaResolution.name;
/** Time to first response, learnt from JSM's completed first-response cycles (same format). */
const FIRST_RESPONSE_MODEL_NAME = STORAGE_KEYS.slaFirstResponse.name;
/** The field classifier of breach and its blend with the survival risk (engine/sla/field-model.ts). */
const FIELD_MODEL_NAME = STORAGE_KEYS.slaFields.name;

/**
 * Breach risk from JSM's SLA clock, the site's own time-to-resolution history and the queue
 * load of the ticket's team and assignee (now, from the SLA sweep's snapshots, against usual):
 * the models are fitted and scored by the pure SLA engine (src/engine/sla); this keeps them in
 * the model store and reads what they need from the stored tickets.
 */
export function slaRiskModel(
  storage: Pick<Storage, 'models' | 'state' | 'tickets' | 'slaOutcomes'>,
  options: { now?: () => number } = {},
): SlaEngine {
  const { models } = storage;
  const clock = options.now ?? Date.now;
  const currentLoad = currentLoadReader(storage, clock);
  // Another process (the queue consumer) trains and saves the models: each score checks the
  // stored stamp, so the panel and the sweep always score with the same, latest model.
  const resolution = stampedValue(models, RESOLUTION_MODEL_NAME, clock, async () => {
    // An unreadable history is refitted by the next training; until then it is "still learning".
    const stored = await loadStoredJson(models, RESOLUTION_MODEL_NAME, STORED_HISTORY_FORMAT, StoredHistory);
    return stored === null ? null : historyFromStored(stored);
  });
  const firstResponse = stampedValue(models, FIRST_RESPONSE_MODEL_NAME, clock, async () => {
    const stored = await loadStoredJson(
      models,
      FIRST_RESPONSE_MODEL_NAME,
      STORED_HISTORY_FORMAT,
      StoredHistory,
    );
    return stored === null ? null : historyFromStored(stored);
  });
  const fieldModel = stampedValue(models, FIELD_MODEL_NAME, clock, async () => {
    const stored = await loadStoredJson(models, FIELD_MODEL_NAME, FIELD_MODEL_FORMAT, z.unknown());
    return stored === null ? null : fieldModelFromJson(stored);
  });
  /** The field model from the settled cycles the sweep recorded, or none while they are too few. */
  const trainFields = async (all: readonly HistoryFields[]): Promise<FieldModel | null> => {
    const cycles = await storage.slaOutcomes.settled(MAX_LABELLED);
    const byId = new Map<string, FieldTicket>(all.map((t) => [t.id, t]));
    const missing = [...new Set(cycles.map((c) => c.ticketId))].filter((id) => !byId.has(id));
    for (const t of await historyFieldsOf(storage, missing)) byId.set(t.id, t);
    const fitted = trainFieldModel(cycles, byId, all, segmentsOf);
    if (fitted === null) {
      await models.delete(FIELD_MODEL_NAME);
      return fieldModel.set(null);
    }
    await models.save(
      FIELD_MODEL_NAME,
      fieldModelToJson(fitted.model, fitted.labelled, fitted.held),
      FIELD_MODEL_FORMAT,
    );
    return fieldModel.set(fitted.model);
  };
  /**
   * Completed first responses as observed times, and open tickets still awaiting one as
   * censored at their age: without them a ticket that has waited longer than most would read
   * as "nearly sure to be answered in time" (the history would end before it).
   */
  const trainFirstResponses = async (
    samples: readonly FirstResponseSample[],
    open: readonly HistoryFields[],
    now: number,
  ): Promise<void> => {
    const waiting = open.flatMap((t) =>
      t.awaitingResponse && t.resolved === null
        ? [{ ms: Math.max(0, now - t.created), resolved: false, segments: segmentsOf(t) }]
        : [],
    );
    const observed = samples.flatMap((s) =>
      s.ms === null
        ? []
        : [
            {
              ms: s.ms,
              resolved: true,
              segments: segmentsOf({ priority: s.priority, requestType: s.type, issueType: s.type }),
            },
          ],
    );
    if (observed.length === 0) return;
    const model = trainResolutionModel([...observed, ...waiting]);
    const stored = historyToStored(model, { resolved: observed.length });
    await models.save(FIRST_RESPONSE_MODEL_NAME, JSON.stringify(stored), STORED_HISTORY_FORMAT);
    firstResponse.set(historyFromStored(stored));
  };
  return {
    async score(ticket, metrics) {
      const running = runningCycle(metrics);
      if (!running) return null;
      const cycle = clockOf(running.cycle);
      if (cycleProblem(cycle) !== null) return null;
      const [model, responses, fields, current] = await Promise.all([
        resolution.get(),
        firstResponse.get(),
        fieldModel.get(),
        currentLoad(),
      ]);
      const metricKind = metricKindOf(running.name);
      const own = metricKind === 'first-response' ? responses : model;
      const clock = { metricName: running.name, metricKind, cycle, historyCount: own?.resolved ?? 0 };
      if (model === null) return unestimatedReading(clock, 'learning', null);
      // Each metric from its own history only: resolution history says nothing about first
      // responses, and a site's own metric has none; a thin history says nothing at all.
      if (own === null || metricKind === 'other') return unestimatedReading(clock, 'prior', 'not-modelled');
      if (own.resolved < MIN_RESOLVED_HISTORY) return unestimatedReading(clock, 'prior', 'little-history');
      if (metricKind === 'first-response') {
        const result = scoreBreachRisk(own.resolution, {
          metricName: running.name,
          cycle,
          segments: segmentsOf(ticket),
          load: queueLoadOf(ticket, model.usual, current),
        });
        return result.status === 'scored' ? estimatedReading(clock, result) : null;
      }
      // With a field model (enough settled cycles recorded), the risk stacks both views.
      const result = scoreBreachRisk(
        model.resolution,
        {
          metricName: running.name,
          cycle,
          segments: segmentsOf(ticket),
          load: queueLoadOf(ticket, model.usual, current),
          ...(fields ? { fieldProbability: fieldProbability(fields, ticket, running.name) } : {}),
        },
        fields ? { blend: fields.blend } : {},
      );
      return result.status === 'scored' ? estimatedReading(clock, result) : null;
    },
    async train(tickets, now, firstResponses) {
      // Open tickets count too: censored in the history (a slow backlog is "at least this long"),
      // and open in the queue-load samples up to now.
      const seen = new Set(tickets.map((t) => t.id));
      const open = (await openTickets(storage)).filter((t) => !seen.has(t.id));
      if (firstResponses !== undefined) await trainFirstResponses(firstResponses, open, now);
      const all: HistoryFields[] = [...tickets.map(historyFields), ...open];
      const history = all.map((t) => ({
        ms: Math.max(0, (t.resolved ?? now) - t.created),
        resolved: t.resolved !== null,
        segments: segmentsOf(t),
      }));
      const model = trainResolutionModel(history.filter((h) => Number.isFinite(h.ms)));
      const stored = historyToStored(model, {
        usual: usualLoadOf(all, now),
        resolved: history.filter((h) => h.resolved).length,
      });
      await models.save(RESOLUTION_MODEL_NAME, JSON.stringify(stored), STORED_HISTORY_FORMAT);
      resolution.set(historyFromStored(stored));
      await trainFields(all);
    },
  };
}
