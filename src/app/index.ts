import { RESOLVERS } from '../contracts/resolvers';
import type { ResolverKey } from '../contracts/resolvers';
import type { ResolverResult } from '../contracts/common';
import { DEFAULT_SITE_FIELDS, issueToTicket, ticketFieldIds } from '../adapters/jira/issue-to-ticket';
import { adfToText } from '../engine/text';
import * as actions from '../core/panel/actions';
import * as admin from '../core/admin/config';
import { NoPayload, parsePayload } from '../core/shared/payload';
import * as releases from '../core/governance/release-actions';
import { acknowledgeDemotion, checkedAfter, driftView, watchDrift } from '../core/governance/drift';
import { BACKFILL_PAGE_SIZE, startBackfill } from '../core/train/backfill';
import { consume } from '../core/suggest/consume';
import type { CoreContext } from '../core/shared/context';
import { toResolverError } from '../core/shared/errors';
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
import { isConsentError } from '../core/ports/jira';
import { migratedSchema } from '../core/ports/schema';
import { ensureSetup, requestSetup } from '../core/admin/setup';
import { slaSweep } from '../core/sla/sla-sweep';
import { recountIndex } from '../core/admin/recount-index';
import { ViewerChecks } from '../core/shared/visibility';
import { rovoActions } from './rovo';
import { StampedCache } from './warm-cache';
import type { App, AppDeps, IssueMapping, ResolverContext, ResolverHandler } from './types';

export type { App, AppDeps, IssueMapping, ResolverContext, ResolverHandler } from './types';
export { createEngines } from './engines';

/** The Jira adapter's issue mapping with the default site field ids. */
export const defaultIssueMapper: IssueMapping = {
  fields: ticketFieldIds(DEFAULT_SITE_FIELDS),
  requestTypeField: DEFAULT_SITE_FIELDS.requestType,
  teamField: DEFAULT_SITE_FIELDS.team,
  toTicket: (issue) => issueToTicket(issue, { fields: DEFAULT_SITE_FIELDS, adfToText }),
};

type Work = (ctx: CoreContext, payload: unknown, accountId: string) => Promise<unknown>;

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

  const run =
    (work: Work, options: { admin?: boolean } = {}): ResolverHandler =>
    async (payload: unknown, context: ResolverContext): Promise<ResolverResult<unknown>> => {
      try {
        // Every resolver: a portal customer gets a refusal, never agent content.
        await ctx.viewers.requireAgent(context.accountId);
        if (options.admin === true) await admin.requireAdmin(ctx, context.accountId);
        return { ok: true, data: await work(ctx, payload, context.accountId) };
      } catch (error) {
        // Forge turns this one into its "Allow access" prompt: it must leave the function as is.
        if (isConsentError(error)) throw error;
        const resolverError = toResolverError(error);
        if (resolverError.code === 'internal')
          deps.logger.error('resolver failed', { error: String(error).slice(0, 300) });
        return { ok: false, error: resolverError };
      }
    };

  const resolvers: Record<ResolverKey, ResolverHandler> = {
    [RESOLVERS.panelGet]: run(getPanel),
    [RESOLVERS.panelApply]: run(checkedAfter(actions.applyField)),
    [RESOLVERS.panelDismiss]: run(checkedAfter(actions.dismissField)),
    [RESOLVERS.panelUndo]: run(checkedAfter(actions.undoField)),
    [RESOLVERS.panelLink]: run(actions.linkIssue),
    [RESOLVERS.panelAssign]: run(actions.assignIssue),
    [RESOLVERS.panelApplyTeam]: run(applyTeam),
    [RESOLVERS.panelUndoTeam]: run(undoTeam),
    [RESOLVERS.panelShareArticle]: run(shareArticle),
    [RESOLVERS.panelArticleFeedback]: run(articleFeedback),
    [RESOLVERS.panelOutageDismiss]: run(dismissOutage),
    [RESOLVERS.queueList]: run(listQueue),
    [RESOLVERS.adminConfigGet]: run((c, p) => admin.getConfig(c, p), { admin: true }),
    [RESOLVERS.adminConfigSave]: run(admin.saveConfig, { admin: true }),
    [RESOLVERS.adminStatus]: run(admin.status, { admin: true }),
    [RESOLVERS.adminTrain]: run((c, p) => admin.requestTrain(c, p), { admin: true }),
    [RESOLVERS.adminBackfill]: run((c, p) => admin.requestBackfill(c, p), { admin: true }),
    [RESOLVERS.adminDryRun]: run(admin.dryRun, { admin: true }),
    [RESOLVERS.adminMetrics]: run((c, p) => admin.metrics(c, p), { admin: true }),
    [RESOLVERS.adminAudit]: run(admin.audit, { admin: true }),
    [RESOLVERS.adminRecurring]: run(listProblemCandidates, { admin: true }),
    [RESOLVERS.adminRecurringDismiss]: run(dismissProblemCandidate, { admin: true }),
    [RESOLVERS.adminKnowledgeGaps]: run(listKnowledgeGaps, { admin: true }),
    [RESOLVERS.adminReleases]: run((c, p) => (parsePayload(NoPayload, p), releases.getReleases(c)), {
      admin: true,
    }),
    [RESOLVERS.adminReleaseApprove]: run(releases.approveRelease, { admin: true }),
    [RESOLVERS.adminReleaseDecline]: run(releases.declineRelease, { admin: true }),
    [RESOLVERS.adminReleaseRollback]: run(releases.rollbackRelease, { admin: true }),
    [RESOLVERS.adminGovernanceSave]: run(releases.saveGovernanceSettings, { admin: true }),
    [RESOLVERS.adminDrift]: run((c, p) => (parsePayload(NoPayload, p), driftView(c)), { admin: true }),
    [RESOLVERS.adminDriftAcknowledge]: run(acknowledgeDemotion, { admin: true }),
  };

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
