export { DEFAULT_RECURRING, detectRecurring, validateRecurringConfig } from './detect';
export type { RecurringCluster, RecurringConfig, RecurringInput } from './detect';
export {
  dismissCluster,
  dismissalStateSchema,
  emptyDismissals,
  expireDismissals,
  isDismissed,
  parseDismissals,
} from './dismissal';
export type { DismissalState } from './dismissal';
