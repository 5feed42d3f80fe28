/**
 * The resolver contract table: every resolver key with who may call it, the schema its input is
 * parsed with and the schema of its answer. The Forge handlers and the app's dispatch
 * (src/app/resolvers.ts) read this one table, so a key, its payload and its answer cannot drift
 * apart silently. (The Custom UI client, static/shared/resolver.ts, does not parse with it yet.)
 */
import type { z } from 'zod';
import {
  AdminMetrics,
  AdminStatus,
  AuditPage,
  AuditRequest,
  DryRunRequest,
  DryRunResult,
  JobStatus,
  MetricsQuery,
  TrainRequest,
} from './admin';
import { NoInput } from './common';
import { AdminConfig } from './config';
import { DriftAcknowledge, DriftView, GovernanceSettings, ReleaseAction, ReleaseState } from './governance';
import {
  ArticleFeedbackRequest,
  KnowledgeGaps,
  OutageDismissRequest,
  ShareArticleRequest,
} from './knowledge';
import {
  ActionResult,
  ApplyFieldRequest,
  ApplyTeamRequest,
  AssignRequest,
  DismissFieldRequest,
  LinkRequest,
  PanelData,
  PanelRequest,
  UndoFieldRequest,
  UndoResult,
  UndoTeamRequest,
} from './panel';
import { ProblemCandidates, RecurringDismiss } from './problem-candidates';
import { QueueData, QueueRequest } from './queue';

/**
 * Who may call a resolver. Every resolver refuses portal customers; `admin` ones serve only
 * Jira administrators (the ADMINISTER permission).
 */
export type ResolverAccess = 'agent' | 'admin';

export interface ResolverContract {
  access: ResolverAccess;
  input: z.ZodType;
  output: z.ZodType;
  /** Payloads larger than this are refused before parsing (default 16 KB). */
  maxPayloadBytes?: number;
}

const agent = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) =>
  ({ access: 'agent', input, output }) as const;
const admin = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, maxPayloadBytes?: number) =>
  ({
    access: 'admin',
    input,
    output,
    ...(maxPayloadBytes === undefined ? {} : { maxPayloadBytes }),
  }) as const;

export const RESOLVER_CONTRACTS = {
  'panel/get': agent(PanelRequest, PanelData),
  'panel/apply': agent(ApplyFieldRequest, ActionResult),
  'panel/dismiss': agent(DismissFieldRequest, ActionResult),
  'panel/undo': agent(UndoFieldRequest, UndoResult),
  'panel/link': agent(LinkRequest, ActionResult),
  'panel/assign': agent(AssignRequest, ActionResult),
  'panel/team/apply': agent(ApplyTeamRequest, ActionResult),
  'panel/team/undo': agent(UndoTeamRequest, UndoResult),
  'panel/knowledge/share': agent(ShareArticleRequest, ActionResult),
  'panel/knowledge/feedback': agent(ArticleFeedbackRequest, ActionResult),
  'panel/outage/dismiss': agent(OutageDismissRequest, ActionResult.or(UndoResult)),
  'queue/list': agent(QueueRequest, QueueData),
  'admin/config/get': admin(NoInput, AdminConfig),
  // The admin page's whole configuration (200 rules, 500 away entries) fits in this.
  'admin/config/save': admin(AdminConfig, AdminConfig, 256 * 1024),
  'admin/status': admin(NoInput, AdminStatus),
  'admin/train': admin(TrainRequest, JobStatus),
  'admin/backfill': admin(NoInput, JobStatus),
  'admin/rules/dry-run': admin(DryRunRequest, DryRunResult, 64 * 1024),
  'admin/metrics': admin(MetricsQuery, AdminMetrics),
  'admin/audit': admin(AuditRequest, AuditPage),
  'admin/recurring': admin(NoInput, ProblemCandidates),
  'admin/recurring/dismiss': admin(RecurringDismiss, ProblemCandidates),
  'admin/knowledge-gaps': admin(NoInput, KnowledgeGaps),
  'admin/releases': admin(NoInput, ReleaseState),
  'admin/releases/approve': admin(ReleaseAction, ReleaseState),
  'admin/releases/decline': admin(ReleaseAction, ReleaseState),
  'admin/releases/rollback': admin(ReleaseAction, ReleaseState),
  'admin/governance/save': admin(GovernanceSettings, ReleaseState),
  'admin/drift': admin(NoInput, DriftView),
  'admin/drift/acknowledge': admin(DriftAcknowledge, DriftView),
} as const satisfies Record<string, ResolverContract>;

export type ResolverKey = keyof typeof RESOLVER_CONTRACTS;
export type Contract<K extends ResolverKey> = (typeof RESOLVER_CONTRACTS)[K];
/** What a caller sends (defaults not yet filled in). */
export type ResolverInput<K extends ResolverKey> = z.input<Contract<K>['input']>;
/** What the resolver's use-case receives: the input once parsed (defaults filled in). */
export type ResolverRequest<K extends ResolverKey> = z.output<Contract<K>['input']>;
/** What the resolver answers inside its `{ ok: true, data }` envelope. */
export type ResolverOutput<K extends ResolverKey> = z.output<Contract<K>['output']>;

export const RESOLVER_KEYS = Object.keys(RESOLVER_CONTRACTS) as ResolverKey[];

/** Names for the keys, as the UI and the tests spell them (the keys themselves never change). */
export const RESOLVERS = {
  panelGet: 'panel/get',
  panelApply: 'panel/apply',
  panelDismiss: 'panel/dismiss',
  panelUndo: 'panel/undo',
  panelLink: 'panel/link',
  panelAssign: 'panel/assign',
  panelApplyTeam: 'panel/team/apply',
  panelUndoTeam: 'panel/team/undo',
  panelShareArticle: 'panel/knowledge/share',
  panelArticleFeedback: 'panel/knowledge/feedback',
  panelOutageDismiss: 'panel/outage/dismiss',
  queueList: 'queue/list',
  adminConfigGet: 'admin/config/get',
  adminConfigSave: 'admin/config/save',
  adminStatus: 'admin/status',
  adminTrain: 'admin/train',
  adminBackfill: 'admin/backfill',
  adminDryRun: 'admin/rules/dry-run',
  adminMetrics: 'admin/metrics',
  adminAudit: 'admin/audit',
  adminRecurring: 'admin/recurring',
  adminRecurringDismiss: 'admin/recurring/dismiss',
  adminKnowledgeGaps: 'admin/knowledge-gaps',
  adminReleases: 'admin/releases',
  adminReleaseApprove: 'admin/releases/approve',
  adminReleaseDecline: 'admin/releases/decline',
  adminReleaseRollback: 'admin/releases/rollback',
  adminGovernanceSave: 'admin/governance/save',
  adminDrift: 'admin/drift',
  adminDriftAcknowledge: 'admin/drift/acknowledge',
} as const satisfies Record<string, ResolverKey>;
