/**
 * Resolver keys shared by the Forge handlers and the Custom UI bundles: one name per action, so
 * the UI and the backend cannot drift apart silently.
 */
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
} as const;
export type ResolverKey = (typeof RESOLVERS)[keyof typeof RESOLVERS];
