import { parentPort, workerData } from 'node:worker_threads';
import { createApp } from '../../app';
import { FileConfigStore } from '../adapters/config-file';
import { localJiraClients } from '../adapters/http-jira-transport';
import { openSqlite } from '../adapters/sqlite-db';
import { createSqlStorage } from '../../adapters/sql/storage';
import type { LogFields, Logger } from '../../core/ports/logger';
import { RetryLaterError, type QueuePort } from '../../core/ports/queue';
import { ConsumerWorkerData, type FromWorker, ToWorker } from './consumer-protocol';
import { workbenchEngines } from './engines';
import { issueMapperFor } from './export-fields';

/**
 * The queue consumer in its own thread: backfill, ingest and training are CPU-heavy and
 * synchronous in places, and on the main thread they would stall the workbench pages and the
 * emulator for seconds. Same app, same SQLite file (WAL), its own connection; follow-up messages
 * go back to the main thread's queue, so delivery semantics stay the queue's.
 */
async function run(port: NonNullable<typeof parentPort>): Promise<void> {
  const data = ConsumerWorkerData.parse(workerData);
  const post = (message: FromWorker) => port.postMessage(message);
  const log =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void =>
      post({ type: 'log', level, message, fields: fields ?? {} });
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  const now = () => Date.now() + data.clockOffsetMs;
  const db = await openSqlite(data.dbPath);
  const queue: QueuePort = {
    push(messages, options) {
      post({ type: 'push', messages: [...messages], delaySeconds: options?.delaySeconds ?? 0 });
      return Promise.resolve();
    },
  };
  const storage = createSqlStorage(db, now);
  const deps = {
    jira: localJiraClients({ baseUrl: data.jiraUrl }),
    storage,
    engines: workbenchEngines(storage, data.fullTraining),
    config: new FileConfigStore(data.configPath),
    issues: issueMapperFor(data.categoryFieldIds),
    queue,
    clock: { now },
    logger,
  };
  port.on('message', (raw: unknown) => {
    const message = ToWorker.parse(raw);
    createApp(deps)
      .consume(message.body, { finalAttempt: message.finalAttempt })
      .then(
        () => post({ type: 'done', id: message.id, error: null, retryAfterSeconds: null }),
        (error: unknown) =>
          post({
            type: 'done',
            id: message.id,
            error: error instanceof Error ? error.message : String(error),
            retryAfterSeconds: error instanceof RetryLaterError ? error.retryAfterSeconds : null,
          }),
      );
  });
  post({ type: 'ready' });
}

if (parentPort !== null) {
  const port = parentPort;
  run(port).catch((error: unknown) => {
    port.postMessage({
      type: 'failed',
      error: error instanceof Error ? error.message : String(error),
    } satisfies FromWorker);
  });
}
