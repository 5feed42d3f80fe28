/**
 * Every document the app keeps under a name, in one table: its name, the store it lives in, and
 * the zod schema it is read back with. The model store (`Storage.models`, chunked, stamped,
 * versioned) holds what training fits and the data it fits from; the state store
 * (`Storage.state`, one small compare-and-set row each) holds cursors, snapshots and decisions.
 * A document that moved between stores names where it was (`legacy`): it is read from there
 * until first written in its new place (src/core/shared/state-docs.ts), so an upgraded install
 * keeps its cursor and snapshots.
 */
import { z } from 'zod';
import { FieldQuality } from '../../contracts/admin';
import { DriftState, ReleaseState } from '../../contracts/governance';
import { dismissalStateSchema } from '../../engine/recurring';
import { QueueCounts, StoredHistory, STORED_HISTORY_FORMAT, FIELD_MODEL_FORMAT } from '../../engine/sla';

/** A document in the model store: a name, the format version it is saved with, its schema. */
export interface ModelDoc<S extends z.ZodTypeAny = z.ZodTypeAny> {
  store: 'models';
  name: string;
  version: number;
  schema: S;
}

/** A document in the state store. `legacy`: the model-store row it was kept in before. */
export interface StateDoc<S extends z.ZodTypeAny = z.ZodTypeAny, N extends string = string> {
  store: 'state';
  name: N;
  schema: S;
  legacy?: { name: string; version: number };
}

const modelDoc = <S extends z.ZodTypeAny>(name: string, version: number, schema: S): ModelDoc<S> => ({
  store: 'models',
  name,
  version,
  schema,
});
const stateDoc = <N extends string, S extends z.ZodTypeAny>(
  name: N,
  schema: S,
  legacy?: { name: string; version: number },
): StateDoc<S, N> => ({ store: 'state', name, schema, ...(legacy ? { legacy } : {}) });

/** Per field (a configured field id, or a route model's id): three model-store rows. */
export const fieldModelKeys = {
  /** The field's classifier in the classifier engine's own format (`ClassifierEngine.formatVersion`). */
  classifier: (fieldId: string): string => `classifier:${fieldId}`,
  /** Its probe-model quality (precision, coverage, thresholds). */
  quality: (fieldId: string): string => `quality:${fieldId}`,
  /** The values it took per project in training. */
  values: (fieldId: string): string => `values:${fieldId}`,
  /** A kept release's copy of one of the three rows (src/core/governance). */
  release: (versionId: string, row: string): string => `release:${versionId}:${row}`,
} as const;
export const FIELD_QUALITY_FORMAT = 1;
export const PROJECT_VALUES_FORMAT = 1;
/** Values a field took per project in the training data (components and request types are per project). */
export const StoredProjectValues = z.record(z.string().max(20), z.array(z.string().max(255)).max(2000));
export const StoredFieldQuality = FieldQuality;

/** Time to first response samples one training keeps at most. */
export const MAX_FIRST_RESPONSES = 20_000;
const FirstResponseSample = z.object({
  ticketId: z.string().max(64),
  ms: z.number().nonnegative().nullable(),
  priority: z.string().max(100).nullable(),
  type: z.string().max(200),
});

/** The outage banner's clusters of recent tickets (src/core/knowledge/outage-clusters.ts). */
export const StoredClusters = z.object({
  fingerprint: z.string().max(64),
  computedAt: z.number(),
  clusters: z
    .array(
      z.object({
        key: z.string().max(40),
        memberIds: z.array(z.string().max(40)).max(1000),
        firstSeenMs: z.number(),
        lastSeenMs: z.number(),
        terms: z.array(z.string().max(200)).max(50),
        problemIds: z.array(z.string().max(40)).max(100),
        problemLinked: z.boolean(),
      }),
    )
    .max(1000),
});

export const STORAGE_KEYS = {
  // Model store: what training fits, and what it fits from.
  /** Time-to-resolution survival history with each queue's usual load (src/core/sla/sla-risk-model.ts). */
  slaResolution: modelDoc('sla:resolution', STORED_HISTORY_FORMAT, StoredHistory),
  /** Time-to-first-response survival history, from JSM's completed first-response cycles. */
  slaFirstResponse: modelDoc('sla:first-response', STORED_HISTORY_FORMAT, StoredHistory),
  /** The field classifier of breach and its blend (engine/sla/field-model.ts reads it further). */
  slaFields: modelDoc('sla:fields', FIELD_MODEL_FORMAT, z.unknown()),
  /** JSM's completed first-response cycles read so far (src/core/sla/first-responses.ts). */
  slaFirstResponses: modelDoc(
    'sla:first-responses',
    1,
    z.array(FirstResponseSample).max(MAX_FIRST_RESPONSES),
  ),
  /** Teams each agent resolved tickets for (src/core/train/route-models.ts). */
  routeAgentTeams: modelDoc(
    'route:agent-teams',
    1,
    z.record(z.string().max(128), z.array(z.string().max(200)).max(50)),
  ),
  /** Team names to Atlassian team ids, from the training tickets. */
  routeTeamDirectory: modelDoc('route:team-directory', 1, z.record(z.string().max(200), z.string().max(200))),

  // State store: cursors, snapshots and decisions.
  /** Where an unfinished recount of the similar index resumes: the last term hash done. */
  indexRecount: stateDoc('index-recount', z.object({ after: z.number().int() }).nullable(), {
    name: 'cursor:index-recount',
    version: 1,
  }),
  /** Open tickets per assignee at the last finished SLA sweep (routing and SLA load). */
  openLoad: stateDoc('open-load', QueueCounts, { name: 'snapshot:open-load', version: 1 }),
  /** Open tickets per team at the last finished SLA sweep. */
  openTeamLoad: stateDoc('open-team-load', QueueCounts, { name: 'snapshot:open-team-load', version: 1 }),
  /** Problem candidates an admin dismissed (src/core/problems/problem-candidates.ts). */
  recurringDismissals: stateDoc('recurring-dismissals', dismissalStateSchema),
  /** When a setup (migration) message was last queued (src/core/admin/setup.ts). */
  schemaSetup: stateDoc('schema-setup', z.object({ requestedAt: z.number() })),
  /** The outage banner's recent clusters under their fingerprint. */
  outageClusters: stateDoc('outage-clusters', StoredClusters),
  /** Model versions, release policies and decisions (src/core/governance). */
  modelReleases: stateDoc('model-releases', ReleaseState),
  /** Live precision, demotions and input drift (src/core/governance/drift.ts). */
  driftWatch: stateDoc('drift-watch', DriftState),
} as const;

type Keys = typeof STORAGE_KEYS;
/** The state documents by name: what `StateDocStore` accepts. */
export type StateDocName = {
  [K in keyof Keys]: Keys[K] extends StateDoc<z.ZodTypeAny, infer N> ? N : never;
}[keyof Keys];
