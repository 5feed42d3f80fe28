/**
 * Model settings for the UCI benchmark, shared by the bench and its training-cost child.
 * "Open-time fields" are every first-event field that is known when the incident is opened
 * (not the final-value snapshot columns such as resolved_by or closed_code, which would leak).
 */
import {
  type SparseRow,
  type EncoderSpec,
  type TabularRow,
  encodeRow,
  fitEncoder,
  type Encoder,
  type SoftmaxModel,
  trainSoftmax,
} from '../../src/engine/tabular';
import { OPEN_FIELDS, ROUTE_FIELDS } from './uci-sla-tables';

export const AT_OPEN_EXTENDED = [
  ...OPEN_FIELDS,
  'assignment_group',
  'incident_state',
  'sys_created_by',
  'opened_by',
];
export const AT_OPEN_CROSSES = [
  ['assignment_group', 'priority'],
  ['category', 'assignment_group'],
] as const;

export const ROUTE_CROSSES: readonly (readonly [string, string])[] = [];
/** Recent incidents weigh more (half-life-like scale of 30 days): groups are reorganised over time. */
export const ROUTE_SPEC_OPTIONS = { minCount: 1, l2: 1e-5, epochs: 20, learningRate: 0.03, recencyDays: 30 };

export interface RouteModel {
  encoder: Encoder;
  model: SoftmaxModel;
}

export function routeSpec(crosses: readonly (readonly [string, string])[] = ROUTE_CROSSES): EncoderSpec {
  return { categorical: ROUTE_FIELDS, numeric: [], crosses, minCount: ROUTE_SPEC_OPTIONS.minCount };
}

/** Final group from open-time fields: one-hot (+ crosses) softmax regression, recency-weighted. */
export function trainRouteModel(
  rows: readonly TabularRow[],
  labels: readonly string[],
  openedAt: readonly number[],
  crosses = ROUTE_CROSSES,
): RouteModel {
  const latest = openedAt.reduce((m, t) => (Number.isFinite(t) && t > m ? t : m), Number.NEGATIVE_INFINITY);
  const scale = ROUTE_SPEC_OPTIONS.recencyDays * 86_400_000;
  const sampleWeights = openedAt.map((t) => (Number.isFinite(t) ? Math.exp((t - latest) / scale) : 0));
  const encoder = fitEncoder(routeSpec(crosses), rows);
  const encoded: SparseRow[] = rows.map((r) => encodeRow(encoder, r));
  const model = trainSoftmax(encoded, labels, encoder.width, {
    l2: ROUTE_SPEC_OPTIONS.l2,
    epochs: ROUTE_SPEC_OPTIONS.epochs,
    learningRate: ROUTE_SPEC_OPTIONS.learningRate,
    seed: 4,
    sampleWeights,
  });
  return { encoder, model };
}
