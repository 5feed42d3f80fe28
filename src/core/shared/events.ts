import { z } from 'zod';
import type { CoreContext } from './context';

/**
 * The part of a Jira product event the app relies on. Forge sends more (changelog, comment,
 * users); it is ignored on purpose: the consumer refetches the issue, so a late or reordered
 * event can never write old field values.
 */
export const IssueEvent = z.object({
  issue: z.object({ id: z.string().regex(/^\d{1,18}$/) }),
  timestamp: z.number().int().nonnegative().optional(),
  eventType: z.string().max(100).optional(),
});

export const ISSUE_DELETED = 'avi:jira:deleted:issue';

/**
 * Trigger handler: validates the event and queues the issue; an unusable event is logged and
 * dropped. A deletion is recorded at once (the tombstone, then the data goes), so an ingest
 * already under way cannot store the issue again; the queued ingest then finds it gone in Jira
 * and buries it too, which also covers a failure here.
 */
export async function handleIssueEvent(ctx: CoreContext, event: unknown): Promise<void> {
  const parsed = IssueEvent.safeParse(event);
  if (!parsed.success) {
    ctx.logger.warn('ignored an issue event without an issue id');
    return;
  }
  const eventAt = parsed.data.timestamp ?? ctx.clock.now();
  if (parsed.data.eventType === ISSUE_DELETED) {
    try {
      await ctx.storage.tickets.bury(parsed.data.issue.id, ctx.clock.now());
    } catch (error) {
      ctx.logger.warn('could not record a deletion yet; the queued ingest will', {
        error: String(error).slice(0, 200),
      });
    }
  }
  await ctx.queue.push([{ kind: 'ingest', issueId: parsed.data.issue.id, eventAt }]);
}
