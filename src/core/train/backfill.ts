import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../shared/context';
import { storeTicket } from '../suggest/ingest';
import { idleStatus, updateJob } from '../shared/jobs';
import { isJiraError, type JiraPort } from '../ports/jira';
import type { QueueMessage } from '../ports/queue';
import type { JobRecord } from '../ports/storage';
import { SQL } from '../shared/platform-limits';

/** Every issue, bounded (Jira refuses a bare ORDER BY and unbounded counts): without retention. */
export const BACKFILL_SCOPE = 'created >= "1970-01-01"';
export const BACKFILL_PAGE_SIZE = 100;
/** Share of the installation's Forge SQL quota the backfill may fill (the rest: models, logs, suggestions). */
export const BACKFILL_STORAGE_SHARE = 0.75;
/** Measured bytes a stored ticket takes with its index and suggestion (docs/benchmarks.md, issue 12). */
export const BYTES_PER_STORED_TICKET = 3_857;

/** Tickets the backfill stores at most: what fits in its share of the storage quota. */
export function backfillBudgetTickets(available: number, quotaBytes: number = SQL.productionBytes): number {
  return Math.min(available, Math.floor((quotaBytes * BACKFILL_STORAGE_SHARE) / BYTES_PER_STORED_TICKET));
}

/**
 * What the backfill reads: the issues the retention window keeps (none older, since retention
 * would purge them the next night), newest first, so a storage budget that stops it early keeps
 * the most recent history. The date is fixed when the run starts (kept in its checkpoint), so
 * every page of one run asks the same query.
 */
export function backfillScope(retentionDays: number, now: number): string {
  if (retentionDays === 0) return BACKFILL_SCOPE;
  const since = new Date(now - retentionDays * 86_400_000).toISOString().slice(0, 10);
  return `updated >= "${since}"`;
}
export const backfillJql = (scope: string): string => `${scope} ORDER BY created DESC`;
/** Pages per consumer run before handing on: stays far inside 900 s and the 1,000-push chain cap. */
const PAGES_PER_RUN = 40;
/** A token Jira no longer honours ("the page disappeared") restarts the search, at most this often. */
const MAX_RESTARTS = 3;

/** The private checkpoint kept in the job record's cursor. */
const Checkpoint = z.object({
  runId: z.string(),
  /** The run's JQL scope (older checkpoints: every issue). */
  scope: z.string().max(200).default(BACKFILL_SCOPE),
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
  const scope = backfillScope((await ctx.config()).retentionDays, ctx.clock.now());
  const written = await updateJob(ctx.storage.jobs, 'backfill', (current) => {
    const state = current?.status.state;
    if (state === 'queued' || state === 'running') return null;
    const checkpoint: Checkpoint = { runId, scope, token: null, pages: 0, restarts: 0 };
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
async function estimateTotal(ctx: CoreContext, jira: JiraPort, scope: string): Promise<number | null> {
  try {
    return backfillBudgetTickets(await jira.countIssues(scope));
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
    const estimate =
      record.status.total ??
      (checkpoint.pages === 0 ? await estimateTotal(ctx, jira, checkpoint.scope) : null);
    let result;
    try {
      result = await jira.searchIssues({
        jql: backfillJql(checkpoint.scope),
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
    const processed = record.status.processed + result.issues.length;
    const budget = backfillBudgetTickets(Number.MAX_SAFE_INTEGER);
    const full = result.nextPageToken !== undefined && processed >= budget;
    const done = result.nextPageToken === undefined || full;
    const now = new Date(ctx.clock.now()).toISOString();
    const written = await ctx.storage.jobs.compareAndSet('backfill', record.revision, {
      status: {
        ...record.status,
        state: done ? 'done' : 'running',
        processed,
        total: done ? processed : estimate === null ? null : Math.max(estimate, processed),
        finishedAt: done ? now : null,
        error: null,
        note: full
          ? `Stopped at the storage budget: the newest ${processed} tickets are stored, older ones are not.`
          : null,
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
