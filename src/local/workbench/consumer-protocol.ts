import { z } from 'zod';
import type { LogFields } from '../../core/ports/logger';
import type { QueueMessage } from '../../core/ports/queue';

/** What the consumer thread needs to build the app over the same adapters as the main thread. */
export const ConsumerWorkerData = z.object({
  jiraUrl: z.string().url(),
  dbPath: z.string().min(1),
  configPath: z.string().min(1),
  /** The emulated site's clock minus the real one, so both threads agree on "now". */
  clockOffsetMs: z.number(),
  /** Train the classifier with Forge's defaults instead of the workbench's quick variant. */
  fullTraining: z.boolean(),
  /** The site's category select fields the app reads into `ticket.custom` (an export's own). */
  categoryFieldIds: z.array(z.string().regex(/^customfield_\d{1,12}$/)).max(30),
});
export type ConsumerWorkerData = z.infer<typeof ConsumerWorkerData>;

export const ToWorker = z.object({
  type: z.literal('consume'),
  id: z.number().int(),
  body: z.unknown(),
  finalAttempt: z.boolean(),
});
export type ToWorker = z.infer<typeof ToWorker>;

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'done'; id: number; error: string | null; retryAfterSeconds: number | null }
  | { type: 'push'; messages: QueueMessage[]; delaySeconds: number }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields: LogFields };
