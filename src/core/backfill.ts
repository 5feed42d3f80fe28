import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from './context';
import { storeTicket } from './ingest';
import { idleStatus, updateJob } from './jobs';
import { isJiraError, type JiraPort } from './ports/jira';
import type { QueueMessage } from './ports/queue';
import type { JobRecord } from './ports/storage';

/** Every issue, bounded (Jira refuses a bare ORDER BY and unbounded counts). */
export const BACKFILL_SCOPE = 'created >= "1970-01-01"';
/** Oldest first, so a restart re-reads in one order. */
export const BACKFILL_JQL = `${BACKFILL_SCOPE} ORDER BY created ASC`;
export const BACKFILL_PAGE_SIZE = 100;
/** Pages per consumer run before handing on: stays far inside 900 s and the 1,000-push chain cap. */
const PAGES_PER_RUN = 40;
/** A token Jira no longer honours ("the page disappeared") restarts the search, at most this often. */
const MAX_RESTARTS = 3;

/** The private checkpoint kept in the job record's cursor. */
const Checkpoint = z.object({
  runId: z.string(),
  token: z.string().max(4000).nullable(),
  pages: z.number().int().nonnegative(),
  restarts: z.number().int().nonnegative(),
});
type Checkpoint = z.infer<typeof Checkpoint>;

function readCheckpoint(record: JobRecord | null): Checkpoint | null {
  if (!record?.cursor) return null;
  try {
    const parsed = Checkpoint.safeParse(JSON.parse(record.cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The message that carries on a backfill left queued or running, e.g. by a process that stopped
 * in the middle (the workbench on a kept database); null when there is none to carry on.
 */
export function backfillResumeMessage(record: JobRecord | null): QueueMessage | null {
  const state = record?.status.state;
  const checkpoint = readCheckpoint(record);
  if ((state !== 'queued' && state !== 'running') || checkpoint === null) return null;
  return { kind: 'backfill', runId: checkpoint.runId };
}

/** Starts a backfill unless one is queued or running; returns whether it started. */
export async function startBackfill(ctx: CoreContext): Promise<boolean> {
  const runId = randomUUID();
  const now = new Date(ctx.clock.now()).toISOString();
  const written = await updateJob(ctx.storage.jobs, 'backfill', (current) => {
    const state = current?.status.state;
    if (state === 'queued' || state === 'running') return null;
    const checkpoint: Checkpoint = { runId, token: null, pages: 0, restarts: 0 };
    return {
      status: { ...idleStatus('backfill'), state: 'queued', startedAt: now },
      cursor: JSON.stringify(checkpoint),
    };
  });
  if (!written) return false;
  await ctx.queue.push([{ kind: 'backfill', runId }]);
  return true;
}

/**
 * Jira's estimate of the issues to read, for the progress bar; null when Jira cannot say (the
 * count is a nicety: it must never hold the backfill up).
 */
async function estimateTotal(ctx: CoreContext, jira: JiraPort): Promise<number | null> {
  try {
    return await jira.countIssues(BACKFILL_SCOPE);
  } catch (error) {
    ctx.logger.warn('backfill runs without a total', { error: String(error).slice(0, 200) });
    return null;
  }
}

/**
 * One consumer run of a backfill: pages through the search from the checkpoint, stores every
 * issue with its index entry (idempotently, so a page replayed after a crash changes nothing),
 * and moves the checkpoint only after its page is stored. Suggestions are not computed here:
 * before the first training there is no model to compute them with, and the training that
 * follows the backfill refreshes every open ticket's. A duplicate message loses the
 * compare-and-set and stops; a message of an older run is dropped.
 */
export async function runBackfill(ctx: CoreContext, runId: string): Promise<void> {
  const jira = ctx.jira.asApp();
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const record = await ctx.storage.jobs.get('backfill');
    const checkpoint = readCheckpoint(record);
    if (!record || !checkpoint || checkpoint.runId !== runId) return;
    if (record.status.state !== 'queued' && record.status.state !== 'running') return;

    // Counted once per run, before its first page; approximate, so never below what was read.
    const estimate = record.status.total ?? (checkpoint.pages === 0 ? await estimateTotal(ctx, jira) : null);
    let result;
    try {
      result = await jira.searchIssues({
        jql: BACKFILL_JQL,
        fields: ctx.issues.fields,
        maxResults: ctx.backfillPageSize,
        ...(checkpoint.token !== null ? { nextPageToken: checkpoint.token } : {}),
      });
    } catch (error) {
      const lostPage =
        checkpoint.token !== null &&
        isJiraError(error) &&
        (error.kind === 'bad_request' || error.kind === 'not_found');
      if (!lostPage) throw error;
      await restart(ctx, record, checkpoint, error.message);
      continue;
    }
    for (const issue of result.issues) {
      let ticket;
      try {
        ticket = ctx.issues.toTicket(issue);
      } catch (error) {
        // One unmappable issue must not stall the whole history; it is logged and skipped.
        ctx.logger.warn('backfill skipped an unreadable issue', {
          issueId: issue.id,
          error: String(error).slice(0, 200),
        });
        continue;
      }
      await storeTicket(ctx, ticket);
    }
    const done = result.nextPageToken === undefined;
    const now = new Date(ctx.clock.now()).toISOString();
    const processed = record.status.processed + result.issues.length;
    const written = await ctx.storage.jobs.compareAndSet('backfill', record.revision, {
      status: {
        ...record.status,
        state: done ? 'done' : 'running',
        processed,
        total: done ? processed : estimate === null ? null : Math.max(estimate, processed),
        finishedAt: done ? now : null,
        error: null,
      },
      cursor: JSON.stringify({
        ...checkpoint,
        token: result.nextPageToken ?? null,
        pages: checkpoint.pages + 1,
      }),
    });
    if (!written) return;
    if (done) {
      ctx.logger.info('backfill done', { processed: written.status.processed });
      await ctx.queue.push([{ kind: 'train' }]);
      return;
    }
  }
  await ctx.queue.push([{ kind: 'backfill', runId }]);
}

async function restart(
  ctx: CoreContext,
  record: JobRecord,
  checkpoint: Checkpoint,
  reason: string,
): Promise<void> {
  const failed = checkpoint.restarts >= MAX_RESTARTS;
  ctx.logger.warn('backfill page lost; restarting the search', {
    reason: reason.slice(0, 200),
    restarts: checkpoint.restarts,
  });
  await ctx.storage.jobs.compareAndSet('backfill', record.revision, {
    status: failed
      ? {
          ...record.status,
          state: 'failed',
          finishedAt: new Date(ctx.clock.now()).toISOString(),
          error: `search pages kept disappearing: ${reason}`.slice(0, 500),
        }
      : { ...record.status, processed: 0 },
    cursor: JSON.stringify({ ...checkpoint, token: null, pages: 0, restarts: checkpoint.restarts + 1 }),
  });
}
