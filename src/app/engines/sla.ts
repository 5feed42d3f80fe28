import { z } from 'zod';
import { describeDriver, scoreBreachRisk, trainResolutionModel } from '../../engine/sla';
import type { ResolutionModel, SlaCycle as EngineCycle } from '../../engine/sla';
import type { SlaEngine } from '../../core/ports/engines';
import type { SlaCycle, SlaMetric } from '../../core/ports/jira';
import type { ModelStore } from '../../core/ports/storage';
import type { Ticket } from '../../core/ticket';

export const RESOLUTION_MODEL_NAME = 'sla:resolution';
const FORMAT = 1;
/** Curves are stored downsampled to this many points: enough for quantiles, small in SQL. */
const MAX_POINTS = 200;

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
});

function segmentsOf(ticket: Ticket): string[] {
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

/** Breach risk from JSM's SLA clock and the site's own time-to-resolution history. */
export function slaEngine(models: ModelStore): SlaEngine {
  let cached: Promise<ResolutionModel> | null = null;
  const load = async (): Promise<ResolutionModel> => {
    const loaded = await models.load(RESOLUTION_MODEL_NAME, FORMAT);
    if (loaded.status === 'ok') {
      try {
        const text =
          typeof loaded.payload === 'string' ? loaded.payload : Buffer.from(loaded.payload).toString('utf8');
        const m = StoredModel.parse(JSON.parse(text));
        return { overall: m.overall, segments: new Map(m.segments), priorStrength: m.priorStrength };
      } catch {
        // An unreadable history is refitted by the next training; until then score without it.
      }
    }
    return trainResolutionModel([]);
  };
  return {
    async score(ticket, metrics, locale) {
      const running = runningCycle(metrics);
      if (!running) return null;
      cached ??= load();
      const result = scoreBreachRisk(await cached, {
        metricName: running.name,
        cycle: engineCycle(running.cycle),
        segments: segmentsOf(ticket),
      });
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
      const history = tickets.map((t) => ({
        ms: Math.max(0, (t.resolved ?? now) - t.created),
        resolved: t.resolved !== null,
        segments: segmentsOf(t),
      }));
      const model = trainResolutionModel(history.filter((h) => Number.isFinite(h.ms)));
      const stored = {
        overall: thin(model.overall),
        segments: [...model.segments].map(([k, c]) => [k, thin(c)] as const),
        priorStrength: model.priorStrength,
      };
      await models.save(RESOLUTION_MODEL_NAME, JSON.stringify(stored), FORMAT);
      cached = Promise.resolve({
        overall: stored.overall,
        segments: new Map(stored.segments),
        priorStrength: stored.priorStrength,
      });
    },
  };
}
