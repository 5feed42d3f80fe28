import { z } from 'zod';
import { SlaBand, SlaMetricKind } from './panel';

/**
 * The issue property Triage Lens writes on each ticket it has derived suggestions for, so that
 * JQL (filters, queues, dashboards, Automation conditions) can use its insights. It is small and
 * flat (each value one indexed path), versioned by `v`, and a value the app has none for is left
 * out rather than written as null (Jira indexes no nulls; `is EMPTY` finds the absent ones).
 */
export const INSIGHTS_PROPERTY_KEY = 'triage-lens-insights';
export const INSIGHTS_VERSION = 1;

/** Jira caps an issue property at 32,768 bytes; this one stays far below (bounded strings). */
export const Insights = z
  .object({
    v: z.literal(INSIGHTS_VERSION),
    /** The SLA band the panel shows (only once estimated from history, or breached). */
    riskBand: SlaBand.optional(),
    /** The modelled breach probability in whole percent (0–100), rounded to 5 so it rarely moves. */
    riskPercent: z.number().int().min(0).max(100).optional(),
    /** Which SLA the risk is about. */
    riskMetric: SlaMetricKind.optional(),
    /** When the running SLA clock reaches its goal (UTC, to the minute); absent while paused. */
    breachAt: z.string().max(30).optional(),
    /** The first team routing suggests (its name, as the Team field shows it). */
    suggestedTeam: z.string().max(200).optional(),
    /** The most similar ticket the app rates a probable duplicate. */
    duplicateOf: z.string().max(40).optional(),
    /** The problem candidate (recurring-incident cluster) the ticket belongs to: its first ticket's id. */
    problemCandidate: z.string().max(40).optional(),
    /** `yes` once every suggested field has been decided (applied, replaced, dismissed or auto-applied). */
    triaged: z.enum(['yes', 'no']),
  })
  .strict();
export type Insights = z.infer<typeof Insights>;

export type IndexedType = 'number' | 'string' | 'text' | 'user' | 'date';

/**
 * What the manifest's `jira:entityProperty` module asks Jira to index, and the JQL alias of
 * each; test/forge/manifest-insights.test.ts keeps manifest.yml equal to this list, and the
 * emulator's JQL answers exactly these.
 */
export const INDEXED_INSIGHTS: readonly { path: keyof Insights; type: IndexedType; searchAlias: string }[] = [
  { path: 'v', type: 'number', searchAlias: 'triageLensVersion' },
  { path: 'riskBand', type: 'string', searchAlias: 'triageRiskBand' },
  { path: 'riskPercent', type: 'number', searchAlias: 'triageRiskPercent' },
  { path: 'riskMetric', type: 'string', searchAlias: 'triageRiskMetric' },
  { path: 'breachAt', type: 'date', searchAlias: 'triageBreachAt' },
  { path: 'suggestedTeam', type: 'string', searchAlias: 'triageSuggestedTeam' },
  { path: 'duplicateOf', type: 'string', searchAlias: 'triageDuplicateOf' },
  { path: 'problemCandidate', type: 'string', searchAlias: 'triageProblemCandidate' },
  { path: 'triaged', type: 'string', searchAlias: 'triageLensTriaged' },
];
