import { runBackfill } from '../train/backfill';
import type { CoreContext } from '../shared/context';
import { isTransient } from '../shared/errors';
import { isJiraError } from '../ports/jira';
import { ingestIssue } from './ingest';
import { idleStatus, updateJob } from '../shared/jobs';
import { QueueMessage, RetryLaterError } from '../ports/queue';
import { requireCurrentSchema, runSetup } from '../admin/setup';
import { slaSweep } from '../sla/sla-sweep';
import { train } from '../train/train';

/** Seconds before a transient failure is tried again (Forge allows up to 900). */
export const RETRY_AFTER_SECONDS = 60;

/**
 * Runs one queue message. A message that does not validate is logged and dropped (redelivering
 * it would fail the same way); a transient failure (rate limit, 5xx, a garbled body) becomes a
 * RetryLaterError so the queue tries again; anything else is final and, for a job, recorded.
 */
export async function consume(ctx: CoreContext, raw: unknown, finalAttempt = false): Promise<void> {
  const parsed = QueueMessage.safeParse(raw);
  if (!parsed.success) {
    ctx.logger.warn('dropped an invalid queue message');
    return;
  }
  const message = parsed.data;
  try {
    if (message.kind !== 'setup') await requireCurrentSchema(ctx);
    switch (message.kind) {
      case 'setup':
        await runSetup(ctx);
        return;
      case 'ingest':
        await ingestIssue(ctx, message.issueId);
        return;
      case 'backfill':
        await runBackfill(ctx, message.runId);
        return;
      case 'train':
        await train(ctx, message.fieldIds);
        return;
      case 'sla-sweep':
        await slaSweep(ctx, message.cursor);
        return;
    }
  } catch (error) {
    if ((isTransient(error) || permissionsPending(message, error)) && !finalAttempt) {
      throw error instanceof RetryLaterError
        ? error
        : new RetryLaterError(
            retryAfterSeconds(error),
            error instanceof Error ? error.message : 'transient failure',
          );
    }
    if (message.kind === 'backfill') await failJob(ctx, error);
    ctx.logger.error('queue message failed', { kind: message.kind, error: String(error).slice(0, 300) });
    throw error;
  }
}

/** Jira's own wait when it named one (a 429 under the hourly quota), else a minute. */
function retryAfterSeconds(error: unknown): number {
  const ms = isJiraError(error) ? error.retryAfterMs : null;
  return ms !== null && ms > 0 ? Math.ceil(ms / 1000) : RETRY_AFTER_SECONDS;
}

/**
 * After install the app's permissions reach Jira eventually (minutes on a large site), so the
 * app-only work it queues (setup, backfill, training) meets 401/403 at first: retried like a
 * transient failure, until the queue's 24 h window ends. An ingest's 403 is a real answer.
 */
function permissionsPending(message: QueueMessage, error: unknown): boolean {
  return (
    message.kind !== 'ingest' &&
    isJiraError(error) &&
    (error.kind === 'unauthenticated' || error.kind === 'forbidden')
  );
}

async function failJob(ctx: CoreContext, error: unknown): Promise<void> {
  const finishedAt = new Date(ctx.clock.now()).toISOString();
  await updateJob(ctx.storage.jobs, 'backfill', (current) => ({
    status: {
      ...(current?.status ?? idleStatus('backfill')),
      state: 'failed',
      finishedAt,
      error: String(error).slice(0, 500),
    },
    cursor: current?.cursor ?? null,
  }));
}
