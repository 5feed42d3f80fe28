import { z } from 'zod';
import { describeDriver, scoreBreachRisk, trainResolutionModel } from '../../engine/sla';
import type { ResolutionModel, SlaCycle as EngineCycle } from '../../engine/sla';
import type { SlaEngine } from '../../core/ports/engines';
import type { SlaCycle, SlaMetric } from '../../core/ports/jira';
import type { Storage } from '../../core/ports/storage';
import { loadStoredJson } from '../../core/stored-json';
import type { Ticket } from '../../core/ticket';
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

export const RESOLUTION_MODEL_NAME = 'sla:resolution';
const FORMAT = 1;
/** Curves are stored downsampled to this many points: enough for quantiles, small in SQL. */
const MAX_POINTS = 200;
/** Open tickets read at training (censored history and queue load); any beyond are left out. */
const MAX_OPEN_TICKETS = 50_000;

/** What training keeps of a ticket: the rest of it (text, comments) is dropped as pages arrive. */
type HistoryFields = FieldTicket & Pick<Ticket, 'assigneeId'>;
const historyFields = (t: Ticket): HistoryFields => ({
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
});
type StoredModel = z.infer<typeof StoredModel>;

interface LoadedModel {
  resolution: ResolutionModel;
  usual: { teams: ReadonlyMap<string, number>; assignees: ReadonlyMap<string, number> };
}

function fromStored(m: StoredModel): LoadedModel {
  return {
    resolution: { overall: m.overall, segments: new Map(m.segments), priorStrength: m.priorStrength },
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
  const currentLoad = currentLoadReader(models, options.now ?? Date.now);
  let cached: Promise<LoadedModel> | null = null;
  let cachedFields: Promise<FieldModel | null> | null = null;
  const loadFields = async (): Promise<FieldModel | null> => {
    const stored = await loadStoredJson(models, FIELD_MODEL_NAME, FIELD_MODEL_FORMAT, z.unknown());
    return stored === null ? null : fieldModelFromJson(stored);
  };
  const load = async (): Promise<LoadedModel> => {
    // An unreadable history is refitted by the next training; until then score without it.
    const stored = await loadStoredJson(models, RESOLUTION_MODEL_NAME, FORMAT, StoredModel);
    if (stored !== null) return fromStored(stored);
    return { resolution: trainResolutionModel([]), usual: { teams: new Map(), assignees: new Map() } };
  };
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
      return null;
    }
    await models.save(
      FIELD_MODEL_NAME,
      fieldModelToJson(fitted.model, fitted.labelled, fitted.held),
      FIELD_MODEL_FORMAT,
    );
    return fitted.model;
  };
  return {
    async score(ticket, metrics, locale) {
      const running = runningCycle(metrics);
      if (!running) return null;
      cached ??= load();
      cachedFields ??= loadFields();
      const [model, fields, current] = await Promise.all([cached, cachedFields, currentLoad()]);
      // With a field model (enough settled cycles recorded), the risk stacks both views.
      const result = scoreBreachRisk(
        model.resolution,
        {
          metricName: running.name,
          cycle: engineCycle(running.cycle),
          segments: segmentsOf(ticket),
          load: queueLoadOf(ticket, model.usual, current),
          ...(fields ? { fieldProbability: fieldProbability(fields, ticket, running.name) } : {}),
        },
        fields ? { blend: fields.blend } : {},
      );
      if (result.status !== 'scored') return null;
      return {
        metricName: result.metricName,
        band: result.band,
        probability: Math.min(1, Math.max(0, result.probability)),
        goalMs: Math.max(0, result.goalMs),
        elapsedMs: Math.max(0, result.elapsedMs),
        remainingMs: result.remainingMs,
        paused: result.paused,
        expected: {
          medianMs: result.expected.medianMs,
          lowMs: result.expected.lowMs,
          highMs: result.expected.highMs,
        },
        drivers: result.drivers.slice(0, 6).map((d) => describeDriver(d, locale)),
      };
    },
    async train(tickets, now) {
      // Open tickets count too: censored in the history (a slow backlog is "at least this long"),
      // and open in the queue-load samples up to now.
      const seen = new Set(tickets.map((t) => t.id));
      const all: HistoryFields[] = [
        ...tickets,
        ...(await openTickets(storage)).filter((t) => !seen.has(t.id)),
      ];
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
      };
      await models.save(RESOLUTION_MODEL_NAME, JSON.stringify(stored), FORMAT);
      cached = Promise.resolve(fromStored(stored));
      cachedFields = Promise.resolve(await trainFields(all));
    },
  };
}
