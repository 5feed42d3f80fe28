import { z } from 'zod';
import { InputError } from '../errors';
import type { EncoderSpec, TabularRow } from '../tabular/encoder';
import { stackedFromJson, stackedToJson } from '../tabular/serialize-stacked';
import type { StackedClassifier } from '../tabular/stacked-classifier';
import { stackedProbability, trainStackedClassifier } from '../tabular/stacked-classifier';
import { rawBreachProbability } from './breach-risk';
import type { HistoryTicket } from './resolution-model';
import { trainResolutionModel } from './resolution-model';
import type { RiskBlend } from './risk-blend';
import { fitRiskBlend } from './risk-blend';

/*
 * The second view of breach risk: what the ticket is (its fields and the SLA metric), learnt
 * from the site's own settled SLA cycles, stacked with the survival risk by a RiskBlend. It
 * exists only once the sweep has recorded enough outcomes; until then the risk is survival only.
 */

/** 2: one-hot logistic regression and boosted trees, stacked and calibrated by cross-validation. */
export const FIELD_MODEL_FORMAT = 2;
/** Fewer settled cycles than this, or fewer than MIN_PER_OUTCOME of either outcome: no field model. */
export const MIN_LABELLED = 200;
const MIN_PER_OUTCOME = 20;
/** The newest settled cycles read at training (time-ordered; the last 15 % fit the blend). */
export const MAX_LABELLED = 20_000;
const HELD_SHARE = 0.15;

const SPEC: EncoderSpec = {
  categorical: ['metric', 'priority', 'type', 'team', 'project', 'component'],
  numeric: [],
  crosses: [['metric', 'priority']],
  minCount: 2,
};

/** What the field model reads of a ticket (the app's Ticket has these fields and more). */
export interface FieldTicket {
  id: string;
  created: number;
  resolved: number | null;
  priority: string | null;
  requestType: string | null;
  issueType: string;
  team: string | null;
  projectKey: string;
  components: readonly string[];
}

/** A settled SLA cycle as first read (the sweep records them): the field model's label. */
export interface LabelledCycle {
  ticketId: string;
  metricName: string;
  /** When the first prediction was made. */
  at: number;
  goalMs: number;
  /** SLA-clock time used at the first prediction. */
  elapsedMs: number;
  breached: boolean;
}

function fieldRow(ticket: Omit<FieldTicket, 'id' | 'created' | 'resolved'>, metricName: string): TabularRow {
  return {
    categorical: [
      metricName,
      ticket.priority ?? '-',
      ticket.requestType ?? ticket.issueType,
      ticket.team ?? '-',
      ticket.projectKey,
      ticket.components[0] ?? '-',
    ],
    numeric: [],
  };
}

export interface FieldModel {
  classifier: StackedClassifier;
  blend: RiskBlend;
}

const Stored = z.object({
  classifier: z.unknown(),
  blend: z.object({
    a: z.number().finite().nonnegative(),
    b: z.number().finite().nonnegative(),
    c: z.number().finite(),
  }),
  /** What it was fitted on, for the record. */
  labelled: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
});

export function fieldModelToJson(model: FieldModel, labelled: number, held: number): string {
  return JSON.stringify({
    classifier: stackedToJson(model.classifier),
    blend: model.blend,
    labelled,
    held,
  });
}

/** The stored field model, or null when it is absent or unreadable (the risk is then survival only). */
export function fieldModelFromJson(json: unknown): FieldModel | null {
  const parsed = Stored.safeParse(json);
  if (!parsed.success) return null;
  try {
    return { classifier: stackedFromJson(parsed.data.classifier), blend: parsed.data.blend };
  } catch {
    return null;
  }
}

/** Durations as known at `asOf`: resolved by then is an event, anything else is censored there. */
function historyAsOf(
  tickets: readonly FieldTicket[],
  asOf: number,
  segmentsOf: (t: FieldTicket) => string[],
): HistoryTicket[] {
  return tickets
    .filter((t) => t.created < asOf)
    .map((t) => {
      const done = t.resolved !== null && t.resolved <= asOf;
      return {
        ms: Math.max(0, (done ? (t.resolved as number) : asOf) - t.created),
        resolved: done,
        segments: segmentsOf(t),
      };
    });
}

/**
 * Fits the field classifier and the blend from settled cycles, in time order. The classifier
 * (one-hot logistic regression and boosted trees; model, stacking and calibration chosen by
 * cross-validation, calibrated on the newest cycles only when a forward check shows that pays)
 * learns on the older 85 %; on the newest 15 % each cycle is replayed as first read (its goal
 * and the clock used then) against a survival model of the tickets as they stood when that
 * slice began, so neither view has seen the outcomes it is blended on. The blend is fitted
 * there, and the classifier is then refitted on every cycle. Returns null (survival only) when
 * there are too few outcomes of either kind.
 */
export function trainFieldModel(
  cycles: readonly LabelledCycle[],
  tickets: ReadonlyMap<string, FieldTicket>,
  history: readonly FieldTicket[],
  segmentsOf: (t: FieldTicket) => string[],
): { model: FieldModel; labelled: number; held: number } | null {
  const labelled = cycles.flatMap((c) => {
    const t = tickets.get(c.ticketId);
    return t && c.goalMs > 0 && c.elapsedMs >= 0 ? [{ cycle: c, ticket: t }] : [];
  });
  const breaches = labelled.filter((l) => l.cycle.breached).length;
  if (
    labelled.length < MIN_LABELLED ||
    breaches < MIN_PER_OUTCOME ||
    labelled.length - breaches < MIN_PER_OUTCOME
  )
    return null;
  const rows = labelled.map((l) => fieldRow(l.ticket, l.cycle.metricName));
  const labels = labelled.map((l): 0 | 1 => (l.cycle.breached ? 1 : 0));
  const times = labelled.map((l) => l.cycle.at);
  const cut = Math.floor(labelled.length * (1 - HELD_SHARE));
  try {
    const early = trainStackedClassifier(SPEC, rows.slice(0, cut), labels.slice(0, cut), {
      times: times.slice(0, cut),
    });
    const asOf = (labelled[cut] as (typeof labelled)[number]).cycle.at;
    const survival = trainResolutionModel(historyAsOf(history, asOf, segmentsOf));
    const held = labelled.slice(cut).map((l, j) => ({
      survival: rawBreachProbability(survival, {
        metricName: l.cycle.metricName,
        cycle: {
          goalMs: l.cycle.goalMs,
          elapsedMs: l.cycle.elapsedMs,
          remainingMs: l.cycle.goalMs - l.cycle.elapsedMs,
          paused: false,
          withinCalendarHours: true,
          breached: false,
        },
        segments: segmentsOf(l.ticket),
      }),
      fields: stackedProbability(early, rows[cut + j] as TabularRow),
      breached: l.cycle.breached,
    }));
    const blend = fitRiskBlend(held);
    const classifier = trainStackedClassifier(SPEC, rows, labels, { times });
    // A model that would not load back (e.g. a calibrator with a negative slope) is not kept.
    const model = { classifier, blend };
    if (fieldModelFromJson(JSON.parse(fieldModelToJson(model, 0, 0))) === null) return null;
    return { model, labelled: labelled.length, held: held.length };
  } catch (error) {
    // Too little to learn in one of the slices (e.g. one outcome only among the newest cycles).
    if (error instanceof InputError) return null;
    throw error;
  }
}

export function fieldProbability(model: FieldModel, ticket: FieldTicket, metricName: string): number {
  return stackedProbability(model.classifier, fieldRow(ticket, metricName));
}
