import { Queue } from '@forge/events';
import type { PushOptions, QueueMessage, QueuePort } from '../../core/ports/queue';

/** The queue the manifest's consumer listens to. */
export const WORK_QUEUE = 'triage-lens-work';
/** Forge takes at most 50 events per push. */
const PUSH_BATCH = 50;
const MAX_DELAY_SECONDS = 900;

/** The app's queue port over a Forge async-events queue. */
export function forgeQueue(queue: Pick<Queue, 'push'> = new Queue({ key: WORK_QUEUE })): QueuePort {
  return {
    async push(messages: readonly QueueMessage[], options: PushOptions = {}): Promise<void> {
      const delay = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round(options.delaySeconds ?? 0)));
      for (let i = 0; i < messages.length; i += PUSH_BATCH) {
        const events = messages
          .slice(i, i + PUSH_BATCH)
          .map((body) => ({ body: { ...body }, ...(delay > 0 ? { delayInSeconds: delay } : {}) }));
        await queue.push(events);
      }
    },
  };
}
