import { z } from 'zod';
import { RoutingSuggestion, SlaRisk } from '../../contracts/panel';

/** What an agent (or auto-apply) decided about a field's suggestion; kept across recomputes. */
export const FieldDecision = z.object({
  /**
   * `replaced`: an agent set another value than the suggestion; `reopened`: an agent undid a
   * decision, so the suggestion is open again but never auto-applied.
   */
  state: z.enum(['applied', 'auto-applied', 'dismissed', 'replaced', 'reopened']),
  /** The suggested value the decision was about (a dismissal covers only that value). */
  value: z.string().max(255),
  at: z.number(),
  /** For `replaced`: what the agent chose instead. */
  chosen: z.string().max(2000).optional(),
  /** Who decided (an account id, or the app's actor for auto-apply). */
  by: z.string().max(128).optional(),
  /** The field's value before an apply, as Jira's edit takes it back (for undo). */
  before: z
    .union([z.string().max(255), z.array(z.string().max(255)).max(50)])
    .nullable()
    .optional(),
  /** The feedback row the decision wrote, retracted when it is undone. */
  feedbackId: z.string().max(40).optional(),
});
export type FieldDecision = z.infer<typeof FieldDecision>;

export const StoredFieldPrediction = z.object({
  fieldId: z.string().max(64),
  candidates: z
    .array(z.object({ value: z.string().max(255), probability: z.number().min(0).max(1) }))
    .max(10),
  abstained: z.boolean(),
  /** The model's precision target when it predicted (meets a field target only if at least it). */
  modelTarget: z.number(),
  /**
   * How much history the prediction rests on: the model's training tickets and, per candidate
   * (same order), those of its value. Absent in rows stored before it was recorded.
   */
  history: z
    .object({
      tickets: z.number().int().nonnegative(),
      examples: z.array(z.number().int().nonnegative()).max(10),
    })
    .nullable()
    .default(null),
  explanation: z.array(z.object({ text: z.string().max(100), weight: z.number() })).max(12),
});
export type StoredFieldPrediction = z.infer<typeof StoredFieldPrediction>;

export const StoredSimilar = z.object({
  id: z.string().max(20),
  score: z.number().min(0).max(1),
  kind: z.enum(['duplicate', 'related', 'weak']),
  sharedTerms: z.array(z.string().max(100)).max(12),
});

/**
 * The suggestions row of one ticket, as the consumer computed it. `ticketUpdated` ties it to the
 * ticket version it was computed from: the panel recomputes when the ticket is newer.
 */
export const StoredSuggestions = z.object({
  version: z.literal(1),
  ticketUpdated: z.number(),
  language: z.enum(['de', 'en', 'other']),
  fields: z.array(StoredFieldPrediction).max(30),
  decisions: z.record(z.string().max(64), FieldDecision),
  similar: z.array(StoredSimilar).max(20),
  similarAt: z.number(),
  /** A routing stored in an older shape (reasons as English prose) reads as none: it is recomputed. */
  routing: RoutingSuggestion.nullable().catch(null),
  sla: z.object({ risk: SlaRisk, at: z.number() }).nullable(),
  /** Set by the SLA sweep when the risk crossed the admin's threshold. */
  slaFlagged: z.boolean(),
  /** Digest of the insights issue property last written to Jira (src/core/suggest/insights.ts); null: none. */
  insightsDigest: z.string().max(64).nullable().default(null),
});
export type StoredSuggestions = z.infer<typeof StoredSuggestions>;

export const parseStoredSuggestions = (value: unknown): StoredSuggestions => StoredSuggestions.parse(value);

/** A row with nothing derived yet (version 0 of the ticket: the next ingest computes everything). */
export function emptySuggestions(): StoredSuggestions {
  return {
    version: 1,
    ticketUpdated: 0,
    language: 'other',
    fields: [],
    decisions: {},
    similar: [],
    similarAt: 0,
    routing: null,
    sla: null,
    slaFlagged: false,
    insightsDigest: null,
  };
}
