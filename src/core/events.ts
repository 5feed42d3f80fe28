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

/** Trigger handler: validates the event and queues the issue; an unusable event is logged and dropped. */
export async function handleIssueEvent(ctx: CoreContext, event: unknown): Promise<void> {
  const parsed = IssueEvent.safeParse(event);
  if (!parsed.success) {
    ctx.logger.warn('ignored an issue event without an issue id');
    return;
  }
  const eventAt = parsed.data.timestamp ?? ctx.clock.now();
  await ctx.queue.push([{ kind: 'ingest', issueId: parsed.data.issue.id, eventAt }]);
}
