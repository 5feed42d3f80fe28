export { DEFAULT_RECURRING, detectRecurring, validateRecurringConfig } from './detect';
export type { RecurringCluster, RecurringConfig, RecurringInput } from './detect';
export { dismissCluster, emptyDismissals, expireDismissals, isDismissed, parseDismissals } from './dismissal';
export type { DismissalState } from './dismissal';
