import { z } from 'zod';
import { scoreBreachRisk, trainResolutionModel } from '../../engine/sla';
import { cycleProblem } from '../../engine/sla/validate-cycle';
import type { ResolutionModel, SlaCycle as EngineCycle } from '../../engine/sla';
import type { FirstResponseSample, SlaEngine } from '../../core/ports/engines';
import type { SlaCycle, SlaMetric } from '../../core/ports/jira';
import type { Storage } from '../../core/ports/storage';
import { loadStoredJson } from '../../core/shared/stored-json';
import type { Ticket } from '../../core/shared/ticket';
import type { FieldModel, FieldTicket } from './sla-fields';
import {
  FIELD_MODEL_FORMAT,
  FIELD_MODEL_NAME,
  fieldModelFromJson,
  fieldModelToJson,
  fieldProbability,
  MAX_LABELLED,
  trainFieldModel,
} from './sla-fields';
import { currentLoadReader, queueLoadOf, UsualLoad, usualLoadOf } from './sla-load';
import { estimatedReading, metricKindOf, MIN_RESOLVED_HISTORY, unestimatedReading } from './sla-reading';

export const RESOLUTION_MODEL_NAME = 'sla:resolution';
/** Time to first response, learnt from JSM's completed first-response cycles (same format). */
export const FIRST_RESPONSE_MODEL_NAME = 'sla:first-response';
const FORMAT = 1;
/** Curves are stored downsampled to this many points: enough for quantiles, small in SQL. */
const MAX_POINTS = 200;
/** Open tickets read at training (censored history and queue load); any beyond are left out. */
const MAX_OPEN_TICKETS = 50_000;

/** What training keeps of a ticket: the rest of it (text, comments) is dropped as pages arrive. */
type HistoryFields = FieldTicket & Pick<Ticket, 'assigneeId'> & { awaitingResponse: boolean };
/** No public comment by anyone but the reporter yet: JSM's first-response clock still runs. */
const awaitingResponse = (t: Ticket): boolean =>
  !t.comments.some((c) => !c.internal && c.author !== '' && c.author !== t.reporterId);
const historyFields = (t: Ticket): HistoryFields => ({
  awaitingResponse: awaitingResponse(t),
  id: t.id,
  created: t.created,
  resolved: t.resolved,
  team: t.team,
  assigneeId: t.assigneeId,
  priority: t.priority,
  requestType: t.requestType,
  issueType: t.issueType,
  projectKey: t.projectKey,
  components: t.components.slice(0, 1),
});
const OPEN_PAGE = 500;

const Curve = z.object({
  times: z.array(z.number()),
  survival: z.array(z.number()),
  count: z.number(),
  horizon: z.number(),
});
const StoredModel = z.object({
  overall: Curve,
  segments: z.array(z.tuple([z.string(), Curve])),
  priorStrength: z.number().positive(),
  /** Absent in models stored before queue load was learned: scored without load until retrained. */
  usual: UsualLoad.optional(),
  /** Resolved tickets behind the model; absent in older models (then the overall count). */
  resolved: z.number().int().nonnegative().optional(),
});
type StoredModel = z.infer<typeof StoredModel>;

interface LoadedModel {
  resolution: ResolutionModel;
  resolved: number;
  usual: { teams: ReadonlyMap<string, number>; assignees: ReadonlyMap<string, number> };
}

function fromStored(m: StoredModel): LoadedModel {
  return {
    resolution: { overall: m.overall, segments: new Map(m.segments), priorStrength: m.priorStrength },
    resolved: m.resolved ?? m.overall.count,
    usual: { teams: new Map(m.usual?.teams ?? []), assignees: new Map(m.usual?.assignees ?? []) },
  };
}

function segmentsOf(ticket: Pick<Ticket, 'priority' | 'requestType' | 'issueType'>): string[] {
  const priority = `priority=${ticket.priority ?? '-'}`;
  return [priority, `${priority}|type=${ticket.requestType ?? ticket.issueType}`];
}

function thin(curve: z.infer<typeof Curve>): z.infer<typeof Curve> {
  if (curve.times.length <= MAX_POINTS) return curve;
  const step = curve.times.length / MAX_POINTS;
  const idx = Array.from({ length: MAX_POINTS }, (_, i) =>
    Math.min(curve.times.length - 1, Math.floor((i + 1) * step) - 1),
  );
  return {
    ...curve,
    times: idx.map((i) => curve.times[i] ?? 0),
    survival: idx.map((i) => curve.survival[i] ?? 0),
  };
}

/** The most urgent running cycle: least remaining time first. */
function runningCycle(metrics: readonly SlaMetric[]): { name: string; cycle: SlaCycle } | null {
  const running = metrics.flatMap((m) =>
    m.ongoingCycle && m.ongoingCycle.goalDuration !== null ? [{ name: m.name, cycle: m.ongoingCycle }] : [],
  );
  running.sort((a, b) => (a.cycle.remainingTime ?? 0) - (b.cycle.remainingTime ?? 0));
  return running[0] ?? null;
}

function engineCycle(c: SlaCycle): EngineCycle {
  const goalMs = c.goalDuration ?? 0;
  return {
    goalMs,
    elapsedMs: c.elapsedTime,
    remainingMs: c.remainingTime ?? goalMs - c.elapsedTime,
    paused: c.paused,
    withinCalendarHours: c.withinCalendarHours,
    breached: c.breached,
  };
}

async function openTickets(storage: Pick<Storage, 'tickets'>): Promise<HistoryFields[]> {
  const open: HistoryFields[] = [];
  let after: string | null = null;
  do {
    const page = await storage.tickets.listOpen({ limit: OPEN_PAGE, after });
    open.push(...page.items.map(historyFields));
    after = page.next;
  } while (after !== null && open.length < MAX_OPEN_TICKETS);
  return open;
}

/**
 * Breach risk from JSM's SLA clock, the site's own time-to-resolution history and the queue
 * load of the ticket's team and assignee (now, from the SLA sweep's snapshots, against usual).
 */
export function slaEngine(
  storage: Pick<Storage, 'models' | 'tickets' | 'slaOutcomes'>,
  options: { now?: () => number } = {},
): SlaEngine {
  const { models } = storage;
  const clock = options.now ?? Date.now;
  const currentLoad = currentLoadReader(models, clock);
  // Another process (the queue consumer) trains and saves the models: each score checks the
  // stored stamp, so the panel and the sweep always score with the same, latest model.
  const resolution = stampedCache(models, RESOLUTION_MODEL_NAME, clock, async () => {
    // An unreadable history is refitted by the next training; until then it is "still learning".
    const stored = await loadStoredJson(models, RESOLUTION_MODEL_NAME, FORMAT, StoredModel);
    return stored === null ? null : fromStored(stored);
  });
  const firstResponse = stampedCache(models, FIRST_RESPONSE_MODEL_NAME, clock, async () => {
    const stored = await loadStoredJson(models, FIRST_RESPONSE_MODEL_NAME, FORMAT, StoredModel);
    return stored === null ? null : fromStored(stored);
  });
  const fieldModel = stampedCache(models, FIELD_MODEL_NAME, clock, async () => {
    const stored = await loadStoredJson(models, FIELD_MODEL_NAME, FIELD_MODEL_FORMAT, z.unknown());
    return stored === null ? null : fieldModelFromJson(stored);
  });
  /** The field model from the settled cycles the sweep recorded, or none while they are too few. */
  const trainFields = async (all: readonly HistoryFields[]): Promise<FieldModel | null> => {
    const cycles = await storage.slaOutcomes.settled(MAX_LABELLED);
    const byId = new Map<string, FieldTicket>(all.map((t) => [t.id, t]));
    const missing = [...new Set(cycles.map((c) => c.ticketId))].filter((id) => !byId.has(id));
    for (let i = 0; i < missing.length; i += OPEN_PAGE) {
      for (const t of await storage.tickets.getMany(missing.slice(i, i + OPEN_PAGE)))
        byId.set(t.id, historyFields(t));
    }
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
    const stored: StoredModel = {
      overall: thin(model.overall),
      segments: [...model.segments].map(([k, c]) => [k, thin(c)] as [string, StoredModel['overall']]),
      priorStrength: model.priorStrength,
      resolved: observed.length,
    };
    await models.save(FIRST_RESPONSE_MODEL_NAME, JSON.stringify(stored), FORMAT);
    firstResponse.set(fromStored(stored));
  };
  return {
    async score(ticket, metrics) {
      const running = runningCycle(metrics);
      if (!running) return null;
      const cycle = engineCycle(running.cycle);
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
      const stored: StoredModel = {
        overall: thin(model.overall),
        segments: [...model.segments].map(([k, c]) => [k, thin(c)] as [string, StoredModel['overall']]),
        priorStrength: model.priorStrength,
        usual: usualLoadOf(all, now),
        resolved: history.filter((h) => h.resolved).length,
      };
      await models.save(RESOLUTION_MODEL_NAME, JSON.stringify(stored), FORMAT);
      resolution.set(fromStored(stored));
      await trainFields(all);
    },
  };
}

/** The stored stamp is re-read at most this often: a sweep scores hundreds of tickets a run. */
const STAMP_TTL_MS = 5_000;

/**
 * A value loaded from the model store, reloaded whenever the stored row's stamp changes (a
 * training in another process) and known absent while there is no row.
 */
function stampedCache<T>(
  models: Storage['models'],
  name: string,
  now: () => number,
  load: () => Promise<T | null>,
) {
  let cached: { stamp: string | null; checkedAt: number; value: Promise<T | null> } | null = null;
  let pinned: T | null | undefined;
  return {
    async get(): Promise<T | null> {
      const at = now();
      if (cached !== null && at - cached.checkedAt < STAMP_TTL_MS && at >= cached.checkedAt)
        return cached.value;
      const stamp = await models.stamp(name);
      if (cached === null || cached.stamp !== stamp) {
        const value =
          stamp === null ? Promise.resolve(null) : pinned !== undefined ? Promise.resolve(pinned) : load();
        pinned = undefined;
        cached = { stamp, checkedAt: at, value };
      } else cached = { ...cached, checkedAt: at };
      return cached.value;
    },
    /** What this process just saved: kept without reloading it (its stamp is read on next get). */
    set(value: T | null): T | null {
      pinned = value;
      cached = null;
      return value;
    },
  };
}
