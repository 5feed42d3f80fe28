import { InputError } from '../errors';
import type { Duration, SurvivalCurve } from './kaplan-meier';
import { kaplanMeier, survivalAt } from './kaplan-meier';

/**
 * Time to resolution per segment: a Kaplan–Meier curve for the whole history and for each
 * segment key (coarse to fine, e.g. "priority=High", then "priority=High|type=Network"). A
 * segment's curve is shrunk toward its parent's by n / (n + priorStrength), so a segment with 3
 * tickets barely moves the estimate and one with 300 mostly speaks for itself.
 */
export interface HistoryTicket extends Duration {
  /** Segment keys from coarse to fine; each must extend the previous one's meaning. */
  segments: readonly string[];
}

export interface ResolutionModel {
  overall: SurvivalCurve;
  segments: Map<string, SurvivalCurve>;
  priorStrength: number;
}

export interface ResolutionModelOptions {
  /** Pseudo-count pulling a segment toward its parent (default 20). */
  priorStrength?: number;
}

export function trainResolutionModel(
  history: readonly HistoryTicket[],
  options: ResolutionModelOptions = {},
): ResolutionModel {
  const priorStrength = options.priorStrength ?? 20;
  if (!(priorStrength > 0))
    throw new InputError('bad_argument', `priorStrength must be > 0, got ${priorStrength}`);
  const clean = history.filter((h) => Number.isFinite(h.ms) && h.ms >= 0);
  const bySegment = new Map<string, Duration[]>();
  for (const h of clean) {
    for (const key of h.segments) {
      let list = bySegment.get(key);
      if (list === undefined) {
        list = [];
        bySegment.set(key, list);
      }
      list.push({ ms: h.ms, resolved: h.resolved });
    }
  }
  const segments = new Map<string, SurvivalCurve>();
  for (const [key, list] of bySegment) segments.set(key, kaplanMeier(list));
  return {
    overall: kaplanMeier(clean.map((h) => ({ ms: h.ms, resolved: h.resolved }))),
    segments,
    priorStrength,
  };
}

/** The blended curve for one ticket: weights per level, coarse (overall) to fine. */
export interface BlendedCurve {
  parts: { curve: SurvivalCurve; weight: number; key: string }[];
  /** Tickets in the finest segment that was found (0 when none matched). */
  support: number;
  /** The finest segment key with history, if any. */
  finestKey: string | null;
}

export function blendFor(model: ResolutionModel, segments: readonly string[]): BlendedCurve {
  let parts = [{ curve: model.overall, weight: 1, key: '(all tickets)' }];
  let support = 0;
  let finestKey: string | null = null;
  for (const key of segments) {
    const curve = model.segments.get(key);
    if (curve === undefined || curve.count === 0) continue;
    const w = curve.count / (curve.count + model.priorStrength);
    parts = [...parts.map((p) => ({ ...p, weight: p.weight * (1 - w) })), { curve, weight: w, key }];
    support = curve.count;
    finestKey = key;
  }
  return { parts, support, finestKey };
}

/** Blended S(t): a mixture of non-increasing curves, so still non-increasing in t. */
export function blendedSurvival(blend: BlendedCurve, t: number): number {
  let s = 0;
  for (const p of blend.parts) s += p.weight * survivalAt(p.curve, t);
  return s;
}

/** Largest time any part of the blend has seen: quantiles past it are marked open-ended. */
export function blendHorizon(blend: BlendedCurve): number {
  return Math.max(...blend.parts.map((p) => p.curve.horizon));
}

/** Candidate time points where the blended curve can step, ascending and distinct. */
export function blendTimes(blend: BlendedCurve): number[] {
  const all = new Set<number>();
  for (const p of blend.parts) for (const t of p.curve.times) all.add(t);
  return [...all].sort((a, b) => a - b);
}
