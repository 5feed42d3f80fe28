import type { CoreContext } from '../shared/context';
import { startBackfill } from '../train/backfill';
import { RetryLaterError } from '../ports/queue';
import { STORAGE_KEYS } from '../ports/storage-keys';

/** Seconds between migration batches: one batch stays inside a minute's DDL budget. */
export const MIGRATION_BATCH_GAP_SECONDS = 60;
/** A request for setup younger than this is not repeated (many messages may find the schema behind). */
const SETUP_REQUEST_MS = 5 * 60_000;

/**
 * The consumer's setup message: migrates one DDL-rate-sized batch (queueing itself again while
 * more are pending), then starts the first backfill if none was ever started. It runs in the
 * 900 s consumer, never in the 25 s install trigger, and it is what the install, the upgrade
 * event and the hourly check all queue, so a failing migration delays the backfill but can
 * never cancel it: the message is retried, and the hourly check queues it again.
 */
export async function runSetup(ctx: CoreContext): Promise<void> {
  if (!(await ctx.schema.isCurrent())) {
    let remaining: number;
    try {
      ({ remaining } = await ctx.schema.migrateBatch());
    } catch (error) {
      // Every statement is idempotent: the same batch is simply tried again.
      ctx.logger.warn('migration batch failed', { error: String(error).slice(0, 300) });
      throw new RetryLaterError(MIGRATION_BATCH_GAP_SECONDS, 'a migration failed; retrying');
    }
    if (remaining > 0) {
      await ctx.queue.push([{ kind: 'setup' }], { delaySeconds: MIGRATION_BATCH_GAP_SECONDS });
      return;
    }
  }
  if ((await ctx.storage.jobs.get('backfill')) === null) await startBackfill(ctx);
}

/**
 * Queues a setup message unless one was asked for in the last few minutes (recorded
 * compare-and-set, so a burst of consumers finding the schema behind queues one). Before the
 * first migration there is no table to record in: then it queues anyway.
 */
export async function requestSetup(ctx: CoreContext): Promise<void> {
  const now = ctx.clock.now();
  try {
    const doc = await ctx.storage.state.get(STORAGE_KEYS.schemaSetup.name);
    const requestedAt = (doc?.value as { requestedAt?: unknown } | null)?.requestedAt;
    if (typeof requestedAt === 'number' && now - requestedAt < SETUP_REQUEST_MS) return;
    const won = await ctx.storage.state.compareAndSet(STORAGE_KEYS.schemaSetup.name, doc?.revision ?? 0, {
      requestedAt: now,
    });
    if (won === null) return;
  } catch (error) {
    ctx.logger.info('setup requested before the schema exists', { error: String(error).slice(0, 200) });
  }
  await ctx.queue.push([{ kind: 'setup' }]);
}

/**
 * Hourly safety net: queues setup when the schema is behind (after a minor deploy) or when no
 * backfill was ever started (an install whose setup message expired).
 */
export async function ensureSetup(ctx: CoreContext): Promise<void> {
  if (!(await ctx.schema.isCurrent())) {
    await requestSetup(ctx);
    return;
  }
  if ((await ctx.storage.jobs.get('backfill')) === null) await ctx.queue.push([{ kind: 'setup' }]);
}

/**
 * Consumer work other than setup waits for the current schema: code deployed ahead of its
 * migration must not run against the old tables. The message is retried in a minute.
 */
export async function requireCurrentSchema(ctx: CoreContext): Promise<void> {
  if (await ctx.schema.isCurrent()) return;
  await requestSetup(ctx);
  throw new RetryLaterError(MIGRATION_BATCH_GAP_SECONDS, 'the schema is being migrated');
}
