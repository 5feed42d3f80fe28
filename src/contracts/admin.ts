import { z } from 'zod';
import { FieldId, IssueKey } from './common';

export const JobStatus = z.object({
  kind: z.enum(['backfill', 'train', 'sla-sweep']),
  state: z.enum(['idle', 'queued', 'running', 'done', 'failed']),
  processed: z.number().int().nonnegative(),
  /** Unknown until the job has counted its work. */
  total: z.number().int().nonnegative().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Something the admin should know about a finished job (the backfill stopped at the storage budget). */
  note: z.string().max(300).nullable().optional(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** What the last training measured for one class of one field, on a held-back slice. */
export const ClassQuality = z.object({
  label: z.string(),
  support: z.number().int().nonnegative(),
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  /** Confidence threshold that reaches the field's precision target, null if none does. */
  threshold: z.number().min(0).max(1).nullable(),
  coverageAtTarget: z.number().min(0).max(1),
});
export type ClassQuality = z.infer<typeof ClassQuality>;

export const FieldQuality = z.object({
  /** A Jira field, or one of the learned-routing models (`route:team`, `route:assignee`). */
  fieldId: z.union([FieldId, z.enum(['route:team', 'route:assignee'])]),
  trainedAt: z.string(),
  examples: z.number().int().nonnegative(),
  accuracy: z.number().min(0).max(1),
  classes: z.array(ClassQuality),
  /** Precision reached when the top share `coverage` of predictions (by confidence) is kept. */
  curve: z
    .array(z.object({ coverage: z.number().min(0).max(1), precision: z.number().min(0).max(1) }))
    .max(101),
  /** Classes left out for too few examples, with their counts. */
  leftOut: z.array(z.object({ label: z.string(), count: z.number().int().nonnegative() })),
});
export type FieldQuality = z.infer<typeof FieldQuality>;

/** A data-quality finding as the admin page lists it: the engine's DataQualityFinding worded, with visible example keys. */
export const QualityFinding = z.object({
  kind: z.string(),
  severity: z.enum(['info', 'warning', 'problem']),
  message: z.string(),
  examples: z.array(z.string()).max(10),
});
export type QualityFinding = z.infer<typeof QualityFinding>;

export const AdminStatus = z.object({
  tickets: z.number().int().nonnegative(),
  jobs: z.array(JobStatus),
  fields: z.array(FieldQuality),
  findings: z.array(QualityFinding),
});
export type AdminStatus = z.infer<typeof AdminStatus>;

export const FeedbackOutcome = z.enum(['accepted', 'replaced', 'dismissed', 'auto-applied']);
export type FeedbackOutcome = z.infer<typeof FeedbackOutcome>;

export const MetricsQuery = z.object({ days: z.number().int().min(1).max(365).default(30) });
export type MetricsQuery = z.infer<typeof MetricsQuery>;

export const FieldMetricsRow = z.object({
  day: z.string(),
  fieldId: z.string(),
  accepted: z.number().int().nonnegative(),
  replaced: z.number().int().nonnegative(),
  dismissed: z.number().int().nonnegative(),
  autoApplied: z.number().int().nonnegative(),
});
export type FieldMetricsRow = z.infer<typeof FieldMetricsRow>;

/**
 * SLA cycles that ended in the period, by the highest band the app predicted for them before
 * the outcome: `predicted` cycles, of which `breached` breached.
 */
export const SlaOutcomeRow = z.object({
  band: z.string(),
  predicted: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
});

/** Reliability of the first prediction of each cycle: predicted probability vs breach rate. */
export const SlaReliabilityRow = z.object({
  from: z.number().min(0).max(1),
  to: z.number().min(0).max(1),
  cycles: z.number().int().nonnegative(),
  meanProbability: z.number().min(0).max(1),
  breached: z.number().int().nonnegative(),
});
export type SlaReliabilityRow = z.infer<typeof SlaReliabilityRow>;

export const AdminMetrics = z.object({
  fields: z.array(FieldMetricsRow),
  sla: z.array(SlaOutcomeRow),
  slaReliability: z.array(SlaReliabilityRow).default([]),
});
export type AdminMetrics = z.infer<typeof AdminMetrics>;

export const AuditQuery = z.object({
  issueKey: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  before: z.string().max(40).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** admin/audit: the issue filter is an exact key (anything else could only ever match nothing). */
export const AuditRequest = AuditQuery.extend({ issueKey: IssueKey.optional() });
export type AuditRequest = z.infer<typeof AuditRequest>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  issueKey: z.string(),
  action: z.string(),
  fieldId: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A page of the audit log; `next` pages on (null at the end). */
export const AuditPage = z.object({ entries: z.array(AuditEntry), next: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** admin/train: retrain all fields, or only these. */
export const TrainRequest = z.object({ fieldIds: z.array(FieldId).max(30).optional() }).strict();
export type TrainRequest = z.infer<typeof TrainRequest>;

export const DryRunRequest = z.object({
  rule: z.unknown(),
  limit: z.number().int().min(1).max(20000).default(5000),
});
export type DryRunRequest = z.infer<typeof DryRunRequest>;

export const DryRunResult = z.object({
  scanned: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  /** Where the matched tickets actually went (team or assignee), most frequent first. */
  actualDestinations: z.array(z.object({ destination: z.string(), count: z.number().int().nonnegative() })),
  examples: z.array(z.string()).max(10),
});
export type DryRunResult = z.infer<typeof DryRunResult>;
