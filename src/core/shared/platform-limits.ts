/**
 * Every Forge platform limit the app designs around and the local Forge-limits runtime enforces,
 * in one place, each with where it is documented. Source: ../shared/docs/forge-platform-notes.md,
 * which cites the developer.atlassian.com pages (crawl github.com/minhhai2209/forge-docs-snapshot).
 * Change a number here and both the app's budgets and the runtime's checks follow.
 */

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** https://developer.atlassian.com/platform/forge/limits-invocation/ (notes §3). */
export const INVOCATION_MS = {
  /** Resolvers, product-event triggers, lifecycle triggers: most functions. */
  resolver: 25_000,
  trigger: 25_000,
  /** Consumers and scheduled triggers: 55 s default, up to 900 s with `timeoutSeconds`. */
  consumer: 900_000,
  scheduled: 900_000,
} as const;
export type FunctionKind = keyof typeof INVOCATION_MS;
/** The manifest's `timeoutSeconds` for the migrate trigger (manifest.yml). */
export const MIGRATE_TRIGGER_MS = 120_000;

/** https://developer.atlassian.com/platform/forge/limits-sql/ (notes §4). */
export const SQL = {
  /** Stored bytes per production installation (development: 128 MiB, staging: 256 MiB). */
  productionBytes: 1 * GIB,
  developmentBytes: 128 * MIB,
  tables: 200,
  dmlPerSecond: 150,
  ddlPerMinute: 25,
  rowBytes: 6 * MIB,
  queryMsPerMinute: 62_500,
  queryMemoryBytes: 16 * MIB,
  requestBytes: 1 * MIB,
  responseBytes: 4 * MIB,
  selectTimeoutMs: 5_000,
  dmlTimeoutMs: 10_000,
  ddlTimeoutMs: 20_000,
} as const;

/** https://developer.atlassian.com/platform/forge/limits-async-events/ (notes §2). */
export const QUEUE = {
  eventsPerPush: 50,
  pushBytes: 200 * KIB,
  /** Per event when the consumer's timeout is over 55 s (ours is 900 s). */
  eventBytes: 100 * KIB,
  maxDelaySeconds: 900,
  eventsPerMinute: 500,
  chainedPushes: 1_000,
  /** At-least-once delivery, retried (timeouts included) until delivered within this window. */
  retentionMs: 24 * 3_600_000,
  /** Gaps between redeliveries grow exponentially up to about this. */
  maxBackoffMs: 15 * 60_000,
} as const;

/**
 * Product-event triggers: `InvocationError` asks for a retry, at most 4 times, `retryAfter`
 * ≤ 900 s. https://developer.atlassian.com/platform/forge/events-reference/product_events/
 */
export const PRODUCT_EVENT = { maxRetries: 4, maxRetryAfterSeconds: 900, deliveryLagMs: 3 * 60_000 } as const;

/** https://developer.atlassian.com/platform/forge/limits-kvs-ce/ (notes §4). */
export const KVS = { valueBytes: 240 * KIB, keyChars: 500 } as const;

/**
 * Front-end `invoke`: 500 KB in, 5 MB out; a function payload 5 MB.
 * https://developer.atlassian.com/platform/forge/limits-invocation/
 */
export const INVOKE = { requestBytes: 500 * 1000, responseBytes: 5 * 1000 * 1000 } as const;

/**
 * Jira's points-based rate limits (from 2026-03-02): an hourly points quota, so a 429 can ask
 * for a wait of up to an hour. https://developer.atlassian.com/cloud/jira/platform/rate-limiting
 */
export const JIRA = { quotaWindowMs: 3_600_000, maxResultsWithFields: 100 } as const;

/**
 * Hosted storage is kept 28 days after uninstall.
 * https://developer.atlassian.com/platform/forge/storage-reference/ (notes §2, lifecycle)
 */
export const UNINSTALL_RETENTION_DAYS = 28;
