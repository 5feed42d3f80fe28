import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../core/ports/logger';
import { RetryLaterError, type QueueMessage } from '../../core/ports/queue';
import type { ConsumerWorkerData, FromWorker, ToWorker } from './consumer-protocol';

/**
 * When the workbench runs from source (jest with SWC) the worker file is TypeScript: Node cannot load it in
 * a thread by itself, so the thread first teaches `require` to compile `.ts` with @swc/core (a dev
 * dependency). The built workbench (dist/) loads the compiled .js directly.
 */
const TS_BOOTSTRAP = `
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const out = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(out.code, filename);
};
require(require('node:worker_threads').workerData.__entry);
`;

function spawn(data: ConsumerWorkerData): Worker {
  const js = path.join(__dirname, 'consumer-worker.js');
  if (existsSync(js)) return new Worker(js, { workerData: data });
  const ts = path.join(__dirname, 'consumer-worker.ts');
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...data, __entry: ts } });
}

/** The main thread's handle on the consumer thread: a queue consumer that runs messages there. */
export class ConsumerThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;
  private readonly started: Promise<void>;

  constructor(
    data: ConsumerWorkerData,
    private readonly onPush: (messages: QueueMessage[], delaySeconds: number) => void,
    private readonly logger: Logger,
  ) {
    this.worker = spawn(data);
    let markStarted: () => void = () => undefined;
    let markFailed: (e: Error) => void = () => undefined;
    this.started = new Promise((resolve, reject) => {
      markStarted = resolve;
      markFailed = reject;
    });
    this.worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          markStarted();
          return;
        case 'failed':
          markFailed(new Error(`consumer thread failed to start: ${message.error}`));
          return;
        case 'push':
          this.onPush(message.messages, message.delaySeconds);
          return;
        case 'log':
          this.logger[message.level](message.message, message.fields);
          return;
        case 'done': {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error === null) waiter?.resolve();
          else if (message.retryAfterSeconds !== null)
            waiter?.reject(new RetryLaterError(message.retryAfterSeconds, message.error));
          else waiter?.reject(new Error(message.error));
          return;
        }
      }
    });
    this.worker.on('error', (error) => {
      markFailed(error);
      this.failAll(error);
    });
    this.worker.on('exit', () => this.failAll(new Error('the consumer thread exited')));
  }

  ready(): Promise<void> {
    return this.started;
  }

  /** Runs one queue message in the thread; rejects as the consumer threw (RetryLaterError kept). */
  consume(body: unknown, finalAttempt: boolean): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the consumer thread is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'consume', id, body, finalAttempt } satisfies ToWorker);
    });
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  /** Stops the thread at once: work in progress is abandoned (SQLite rolls back what was open). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
    this.failAll(new Error('the consumer thread was stopped'));
  }
}
