import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { LocalQueue } from '../../src/local/adapters/queue-memory';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../src/local/adapters/mariadb-db';
import { openSqlite } from '../../src/local/adapters/sqlite-db';
import { createSqlStorage } from '../../src/adapters/sql/storage';
import type { SqlStorage } from '../../src/adapters/sql/storage';
import type { SqlDatabase } from '../../src/adapters/sql/dialect';
import { createApp, createEngines } from '../../src/app';
import type { App } from '../../src/app/types';
import type { AdminConfig } from '../../src/contracts/config';
import { DEFAULT_CONFIG } from '../../src/contracts/config';
import { silentLogger } from '../../src/core/ports/logger';
import type { SchemaPort } from '../../src/core/ports/schema';
import { generateDemo } from '../../src/local/demo/generate';
import type { DemoPlanted } from '../../src/local/demo/generate';
import type { SiteSeed } from '../../src/local/emulator/seed';
import { startEmulator } from '../../src/local/emulator/server';
import type { RunningEmulator } from '../../src/local/emulator/server';
import { EmulatorSite } from '../../src/local/emulator/site';
import { FileConfigStore } from '../../src/local/adapters/config-file';
import { workbenchEngines } from '../../src/local/workbench/engines';

/** A whole local installation: emulator site, SQLite store, file config, local queue, the app. */
export interface Harness {
  app: App;
  site: EmulatorSite;
  emulator: RunningEmulator;
  storage: SqlStorage;
  db: SqlDatabase;
  queue: LocalQueue;
  config: FileConfigStore;
  seed: SiteSeed;
  planted: DemoPlanted;
  /** Account ids of a seeded admin, agent and customer. */
  users: { admin: string; agent: string; customer: string };
  /** A second app over the same stores (another Forge invocation running at the same time). */
  twin(): App;
  close(): Promise<void>;
}

export interface HarnessOptions {
  tickets?: number;
  seed?: number;
  concurrency?: number;
  maxAttempts?: number;
  config?: Partial<AdminConfig>;
  /** Forward the site's issue events to the trigger (as Forge does with ignoreSelf). */
  trigger?: boolean;
  /** The local Jira client's per-request timeout. */
  jiraTimeoutMs?: number;
  backfillPageSize?: number;
  /** Run on a MariaDB server (MARIADB_* env) instead of in-memory SQLite. */
  mariadb?: boolean;
  /** The schema port (default: the database migrated when opened). */
  schema?: SchemaPort;
  /**
   * Train the classifier as the workbench does (one C, no char view: about a fifth of the CPU).
   * For suites about something else than suggestion quality; the default trains as Forge does.
   */
  quickTraining?: boolean;
}

let databases = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const demo = generateDemo({ tickets: options.tickets ?? 120, seed: options.seed ?? 7 });
  let tick = demo.site.now;
  // A clock that moves a little on every read: "updated" stamps stay ordered and distinct.
  const site = new EmulatorSite(demo.site, () => (tick += 1000));
  const emulator = await startEmulator({ site });
  const dir = mkdtempSync(join(tmpdir(), 'triage-lens-app-test-'));
  const maria =
    options.mariadb === true ? mariaDbOptionsFromEnv(`tl_app_${process.pid}_${++databases}`) : null;
  const db = maria ? await openMariaDb(maria) : await openSqlite(':memory:');
  const storage = createSqlStorage(db, site.now);
  const config = new FileConfigStore(join(dir, 'config.json'));
  await config.save({ ...DEFAULT_CONFIG, ...options.config });
  const queue = new LocalQueue({
    concurrency: options.concurrency ?? 1,
    maxAttempts: options.maxAttempts ?? 5,
  });
  const build = () =>
    createApp({
      jira: localJiraClients({ baseUrl: emulator.url, timeoutMs: options.jiraTimeoutMs ?? 2_000 }),
      storage,
      config,
      queue,
      clock: { now: site.now },
      logger: silentLogger,
      ...(options.schema !== undefined ? { schema: options.schema } : {}),
      engines: options.quickTraining === true ? workbenchEngines(storage, false) : createEngines(storage),
      ...(options.backfillPageSize !== undefined ? { backfillPageSize: options.backfillPageSize } : {}),
    });
  const app = build();
  queue.setConsumer((body, delivery) => app.consume(body, { finalAttempt: delivery.finalAttempt }));
  const unsubscribe =
    options.trigger === false
      ? () => undefined
      : site.onIssueEvent((event) => {
          if (!event.actorIsApp) void app.handleIssueEvent({ ...event, timestamp: site.now() });
        });
  const userOf = (kind: 'admin' | 'agent' | 'customer') => {
    const user = demo.site.users.find((u) => u.kind === kind);
    if (!user) throw new Error(`the demo site has no ${kind}`);
    return user.accountId;
  };
  return {
    app,
    site,
    emulator,
    storage,
    db,
    queue,
    config,
    seed: demo.site,
    planted: demo.planted,
    users: { admin: userOf('admin'), agent: userOf('agent'), customer: userOf('customer') },
    twin: build,
    async close() {
      unsubscribe();
      queue.close();
      await emulator.close();
      await db.close();
      if (maria) await dropMariaDb(maria);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Backfills the site into the store and trains the models, as an install does. */
export async function installAndTrain(h: Harness): Promise<void> {
  await h.app.handleInstalled();
  await h.queue.drain();
}

/** Install and train, then one SLA sweep: every open ticket has its suggestions and SLA reading. */
export async function installTrainAndSweep(h: Harness): Promise<void> {
  await installAndTrain(h);
  await h.app.scheduled.slaSweep();
  await h.queue.drain();
}
