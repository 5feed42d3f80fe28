import { z } from 'zod';
import { UsualLoad } from './queue-load';
import type { ResolutionModel } from './resolution-model';

/** Format of a stored SLA history (time to resolution, time to first response). */
export const STORED_HISTORY_FORMAT = 1;
/** Curves are stored downsampled to this many points: enough for quantiles, small in SQL. */
const MAX_POINTS = 200;

const Curve = z.object({
  times: z.array(z.number()),
  survival: z.array(z.number()),
  count: z.number(),
  horizon: z.number(),
});
type Curve = z.infer<typeof Curve>;

/** A fitted survival history as the model store keeps it. */
export const StoredHistory = z.object({
  overall: Curve,
  segments: z.array(z.tuple([z.string(), Curve])),
  priorStrength: z.number().positive(),
  /** Absent in models stored before queue load was learned: scored without load until retrained. */
  usual: UsualLoad.optional(),
  /** Resolved tickets behind the model; absent in older models (then the overall count). */
  resolved: z.number().int().nonnegative().optional(),
});
export type StoredHistory = z.infer<typeof StoredHistory>;

/** A stored history ready to score with. */
export interface LoadedHistory {
  resolution: ResolutionModel;
  resolved: number;
  usual: { teams: ReadonlyMap<string, number>; assignees: ReadonlyMap<string, number> };
}

export function historyFromStored(m: StoredHistory): LoadedHistory {
  return {
    resolution: { overall: m.overall, segments: new Map(m.segments), priorStrength: m.priorStrength },
    resolved: m.resolved ?? m.overall.count,
    usual: { teams: new Map(m.usual?.teams ?? []), assignees: new Map(m.usual?.assignees ?? []) },
  };
}

/** The model with its curves thinned for storage, and what else the stored form records. */
export function historyToStored(
  model: ResolutionModel,
  extra: { resolved: number; usual?: UsualLoad },
): StoredHistory {
  return {
    overall: thin(model.overall),
    segments: [...model.segments].map(([k, c]) => [k, thin(c)] as [string, Curve]),
    priorStrength: model.priorStrength,
    ...(extra.usual !== undefined ? { usual: extra.usual } : {}),
    resolved: extra.resolved,
  };
}

function thin(curve: Curve): Curve {
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

/** The history segments a ticket falls in, coarse to fine: its priority, then priority and type. */
export function segmentsOf(ticket: {
  priority: string | null;
  requestType: string | null;
  issueType: string;
}): string[] {
  const priority = `priority=${ticket.priority ?? '-'}`;
  return [priority, `${priority}|type=${ticket.requestType ?? ticket.issueType}`];
}
