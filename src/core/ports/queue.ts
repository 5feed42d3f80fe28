import { z } from 'zod';
import { FieldId } from '../../contracts/common';

/**
 * Work the app defers to a queue consumer (Forge: `@forge/events` Queue, up to 900 s per run;
 * locally: an in-process queue). Every message is validated on the way out of the queue, since a
 * redelivered or foreign message must never reach a use-case unchecked.
 */
export const QueueMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ingest'),
    /** Jira's numeric issue id. */
    issueId: z.string().regex(/^\d{1,18}$/),
    /** When Jira raised the event (epoch ms); only for logs, the consumer always refetches. */
    eventAt: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('backfill'),
    /** The run this page belongs to; a message of an older run is dropped. */
    runId: z.string().min(1).max(64),
  }),
  z.object({ kind: z.literal('train'), fieldIds: z.array(FieldId).max(30).optional() }),
  z.object({ kind: z.literal('sla-sweep'), cursor: z.string().max(200).nullable() }),
  /** Migrate one batch, then start the first backfill (src/core/admin/config/setup.ts). */
  z.object({ kind: z.literal('setup') }),
]);
export type QueueMessage = z.infer<typeof QueueMessage>;

export interface PushOptions {
  /** Deliver no earlier than this many seconds from now (Forge allows up to 900). */
  delaySeconds?: number;
}

export interface QueuePort {
  push(messages: readonly QueueMessage[], options?: PushOptions): Promise<void>;
}

/**
 * Thrown by a consumer step that should run again later (rate limited, a transient upstream
 * failure). The Forge consumer turns it into an `InvocationError`; the local queue redelivers.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}
