import { z } from 'zod';
import { FieldId } from './common';

/** A field, or one of the learned-routing models, as the release records name them. */
export const ModelId = z.union([FieldId, z.enum(['route:team', 'route:assignee'])]);
export type ModelId = z.infer<typeof ModelId>;

export const Interval = z.object({ value: z.number(), lo: z.number(), hi: z.number() });
export type Interval = z.infer<typeof Interval>;

/** Promote a candidate by itself when it is not worse, or keep it until an approver decides. */
export const ReleasePolicy = z.enum(['auto', 'approve']);
export type ReleasePolicy = z.infer<typeof ReleasePolicy>;

/** One trained model version of a field, as kept for rollback or awaiting approval. */
export const ModelVersion = z.object({
  id: z.string().max(64),
  trainedAt: z.string().max(40),
  examples: z.number().int().nonnegative(),
  /** The candidate's accuracy on the newest slice when it was released. */
  accuracy: Interval.nullable(),
});
export type ModelVersion = z.infer<typeof ModelVersion>;

/** What a release compared: both models on the same newest tickets, the same metric (top-1 accuracy). */
export const ReleaseComparison = z.object({
  tickets: z.number().int().nonnegative(),
  /** Of those, tickets the current model never trained on (resolved after it was trained). */
  unseenByCurrent: z.number().int().nonnegative(),
  candidate: Interval,
  current: Interval,
  /** Candidate minus current, paired per ticket. */
  difference: Interval,
});
export type ReleaseComparison = z.infer<typeof ReleaseComparison>;

export const ReleaseDecision = z.enum([
  'promoted',
  'rejected',
  'pending',
  'approved',
  'declined',
  'superseded',
  'rolled-back',
]);
export type ReleaseDecision = z.infer<typeof ReleaseDecision>;

export const ReleaseEvent = z.object({
  at: z.number(),
  fieldId: ModelId,
  versionId: z.string().max(64),
  decision: ReleaseDecision,
  by: z.string().max(128),
  comparison: ReleaseComparison.nullable(),
  reason: z.string().max(500),
});
export type ReleaseEvent = z.infer<typeof ReleaseEvent>;

export const FieldReleases = z.object({
  current: ModelVersion.nullable(),
  /** Earlier promoted versions, newest first: what a rollback can go back to. */
  previous: z.array(ModelVersion).max(10),
  pending: ModelVersion.nullable(),
  pendingComparison: ReleaseComparison.nullable(),
});
export type FieldReleases = z.infer<typeof FieldReleases>;

/** The `model-releases` state document. */
export const ReleaseState = z.object({
  policies: z.record(ModelId, ReleasePolicy),
  /** Jira group whose members approve releases and change auto-apply; null = Jira administrators. */
  approverGroup: z.string().min(1).max(255).nullable(),
  fields: z.record(ModelId, FieldReleases),
  /** Newest first. */
  history: z.array(ReleaseEvent).max(300),
});
export type ReleaseState = z.infer<typeof ReleaseState>;

export const ReleaseAction = z.object({
  fieldId: ModelId,
  versionId: z.string().min(1).max(64),
});
export type ReleaseAction = z.infer<typeof ReleaseAction>;

export const GovernanceSettings = z.object({
  policies: z.record(ModelId, ReleasePolicy),
  approverGroup: z.string().trim().min(1).max(255).nullable(),
});
export type GovernanceSettings = z.infer<typeof GovernanceSettings>;

/** Live precision of one field: the agents' latest decision per ticket over the rolling window. */
export const LivePrecision = z.object({
  fieldId: FieldId,
  decisions: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
  /** Wilson interval of right / decisions at one-sided 95 % (its `lo` is the bound held to the target). */
  precision: Interval,
  target: z.number(),
  perClass: z
    .array(z.object({ label: z.string().max(255), decisions: z.number().int(), precision: Interval }))
    .max(100),
});
export type LivePrecision = z.infer<typeof LivePrecision>;

/** An auto-applied field the drift watch moved back to suggest, with the figures that did it. */
export const Demotion = z.object({
  fieldId: FieldId,
  at: z.number(),
  live: LivePrecision,
  acknowledged: z.boolean(),
});
export type Demotion = z.infer<typeof Demotion>;

/** The `drift-watch` state document. */
export const DriftState = z.object({
  /** Newest first. */
  demotions: z.array(Demotion).max(100),
});
export type DriftState = z.infer<typeof DriftState>;

export const DriftView = z.object({
  live: z.array(LivePrecision),
  demotions: z.array(Demotion),
});
export type DriftView = z.infer<typeof DriftView>;

export const DriftAcknowledge = z.object({ fieldId: FieldId, at: z.number() });
export type DriftAcknowledge = z.infer<typeof DriftAcknowledge>;
