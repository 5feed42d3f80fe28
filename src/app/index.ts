import { RESOLVERS } from '../contracts/resolvers';
import { DEFAULT_SITE_FIELDS, issueToTicket, ticketFieldIds } from '../adapters/jira/issue-to-ticket';
import { adfToText } from '../engine/text';
import * as actions from '../core/panel/actions';
import * as admin from '../core/admin/config';
import * as releases from '../core/governance/release-actions';
import { acknowledgeDemotion, checkedAfter, driftView, watchDrift } from '../core/governance/drift';
import { BACKFILL_PAGE_SIZE, startBackfill } from '../core/train/backfill';
import { consume } from '../core/suggest/consume';
import type { CoreContext } from '../core/shared/context';
import { handleIssueEvent } from '../core/shared/events';
import { ModelRepository } from '../core/train/models';
import type { ProjectValues, WarmModels } from '../core/train/models';
import type { FieldModel } from '../core/ports/engines';
import { getPanel } from '../core/panel/panel';
import { listQueue } from '../core/panel/queue-triage';
import { articleFeedback, shareArticle } from '../core/knowledge/knowledge-actions';
import { dismissOutage } from '../core/knowledge/outage-dismiss';
import { dismissProblemCandidate, listProblemCandidates } from '../core/problems/problem-candidates';
import { listKnowledgeGaps } from '../core/knowledge/knowledge-gaps';
import { train } from '../core/train/train';
import { applyTeam, undoTeam } from '../core/panel/team-actions';
import { applyRetention } from '../core/admin/retention';
import { migratedSchema } from '../core/ports/schema';
import { ensureSetup, requestSetup } from '../core/admin/setup';
import { slaSweep } from '../core/sla/sla-sweep';
import { recountIndex } from '../core/admin/recount-index';
import { ViewerChecks } from '../core/shared/visibility';
import { rovoActions } from './rovo';
import { StampedCache } from './warm-cache';
import { resolverHandlers } from './resolvers';
import type { App, AppDeps, IssueMapping } from './types';

export type { App, AppDeps, IssueMapping, ResolverContext, ResolverHandler } from './types';
export { createEngines } from './engines';

/** The Jira adapter's issue mapping with the default site field ids. */
export const defaultIssueMapper: IssueMapping = {
  fields: ticketFieldIds(DEFAULT_SITE_FIELDS),
  requestTypeField: DEFAULT_SITE_FIELDS.requestType,
  teamField: DEFAULT_SITE_FIELDS.team,
  toTicket: (issue) => issueToTicket(issue, { fields: DEFAULT_SITE_FIELDS, adfToText }),
};

/**
 * Parsed models outlive the app instance on purpose. Forge reuses a warm function container for
 * later invocations, and parsing a classifier from its SQL chunks is most of a cold panel's CPU.
 * Each entry is keyed by model name and its stored stamp (format version + the generation UUID
 * a save writes), and every use first reads that stamp from the invocation's own database: a
 * retrained model is loaded afresh, and an entry can only serve a database that holds its
 * generation. Only derived model data is kept here, never tickets or suggestions.
 */
const classifiers = new StampedCache<FieldModel>(16);
const projectValues = new StampedCache<ProjectValues>(32);
const warmModels: WarmModels = { classifiers, values: projectValues };

/** Empties what a warm container keeps between invocations (benchmarks of a cold container, tests). */
export function forgetWarmState(): void {
  classifiers.clear();
  projectValues.clear();
}

/**
 * The composition root: one app over whatever adapters it is given. Forge builds one per
 * invocation (src/forge); the workbench and the tests build one over local adapters. Nothing
 * here keeps tenant data beyond the instance.
 */
export function createApp(deps: AppDeps): App {
  const { engines } = deps;
  const issues = deps.issues ?? defaultIssueMapper;
  let config: ReturnType<CoreContext['config']> | null = null;
  const ctx: CoreContext = {
    jira: deps.jira,
    storage: deps.storage,
    configStore: deps.config,
    queue: deps.queue,
    schema: deps.schema ?? migratedSchema,
    clock: deps.clock,
    logger: deps.logger,
    engines,
    models: new ModelRepository(deps.storage.models, engines.classifier, deps.logger, warmModels),
    issues,
    viewers: new ViewerChecks(deps.jira, () => deps.clock.now()),
    backfillPageSize: Math.min(
      BACKFILL_PAGE_SIZE,
      Math.max(1, Math.floor(deps.backfillPageSize ?? BACKFILL_PAGE_SIZE)),
    ),
    config: () => (config ??= deps.config.load()),
  };

  // Each key of the contract table and its use-case (the table is src/contracts/resolvers.ts).
  const resolvers = resolverHandlers(ctx, {
    [RESOLVERS.panelGet]: getPanel,
    [RESOLVERS.panelApply]: checkedAfter(actions.applyField),
    [RESOLVERS.panelDismiss]: checkedAfter(actions.dismissField),
    [RESOLVERS.panelUndo]: checkedAfter(actions.undoField),
    [RESOLVERS.panelLink]: actions.linkIssue,
    [RESOLVERS.panelAssign]: actions.assignIssue,
    [RESOLVERS.panelApplyTeam]: applyTeam,
    [RESOLVERS.panelUndoTeam]: undoTeam,
    [RESOLVERS.panelShareArticle]: shareArticle,
    [RESOLVERS.panelArticleFeedback]: articleFeedback,
    [RESOLVERS.panelOutageDismiss]: dismissOutage,
    [RESOLVERS.queueList]: listQueue,
    [RESOLVERS.adminConfigGet]: (c) => admin.getConfig(c),
    [RESOLVERS.adminConfigSave]: admin.saveConfig,
    [RESOLVERS.adminStatus]: (c, _none, accountId) => admin.status(c, accountId),
    [RESOLVERS.adminTrain]: (c, input) => admin.requestTrain(c, input),
    [RESOLVERS.adminBackfill]: (c) => admin.requestBackfill(c),
    [RESOLVERS.adminDryRun]: admin.dryRun,
    [RESOLVERS.adminMetrics]: (c, input) => admin.metrics(c, input),
    [RESOLVERS.adminAudit]: admin.audit,
    [RESOLVERS.adminRecurring]: (c, _none, accountId) => listProblemCandidates(c, accountId),
    [RESOLVERS.adminRecurringDismiss]: dismissProblemCandidate,
    [RESOLVERS.adminKnowledgeGaps]: (c, _none, accountId) => listKnowledgeGaps(c, accountId),
    [RESOLVERS.adminReleases]: (c) => releases.getReleases(c),
    [RESOLVERS.adminReleaseApprove]: releases.approveRelease,
    [RESOLVERS.adminReleaseDecline]: releases.declineRelease,
    [RESOLVERS.adminReleaseRollback]: releases.rollbackRelease,
    [RESOLVERS.adminGovernanceSave]: releases.saveGovernanceSettings,
    [RESOLVERS.adminDrift]: (c) => driftView(c),
    [RESOLVERS.adminDriftAcknowledge]: acknowledgeDemotion,
  });

  return {
    resolvers,
    rovo: rovoActions(resolvers),
    handleIssueEvent: (event) => handleIssueEvent(ctx, event),
    // No DDL in a 25 s trigger: the consumer migrates, then starts the backfill. Where the
    // schema is already there (a local database), the backfill starts at once.
    handleInstalled: async () => {
      await ctx.queue.push([{ kind: 'setup' }]);
      if (await ctx.schema.isCurrent()) await startBackfill(ctx);
    },
    handleUpgraded: () => requestSetup(ctx),
    consume: (message, options) => consume(ctx, message, options?.finalAttempt ?? false),
    scheduled: {
      slaSweep: async () => {
        await slaSweep(ctx, null);
      },
      retrain: async () => {
        await applyRetention(ctx);
        await train(ctx);
        await watchDrift(ctx);
      },
      migrate: () => ensureSetup(ctx),
      recount: async () => {
        await recountIndex({
          index: deps.storage.index,
          storage: deps.storage,
          clock: deps.clock,
          logger: deps.logger,
        });
      },
    },
  };
}
