import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createApp } from '../../app';
import type { App, AppDeps } from '../../app/types';
import { FileConfigStore } from '../adapters/config-file';
import { localJiraClients } from '../adapters/http-jira-transport';
import { LocalQueue } from '../adapters/queue-memory';
import { readTable } from '../adapters/read-table';
import { openSqlite } from '../adapters/sqlite-db';
import { createSqlStorage, type SqlStorage } from '../../adapters/sql/storage';
import { backfillResumeMessage } from '../../core/train/backfill';
import type { Logger } from '../../core/ports/logger';
import { generateDemo } from '../demo/generate';
import { FaultPlan, type FaultRuleInput } from '../emulator/faults';
import type { SiteSeed } from '../emulator/seed';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { EmulatorSite } from '../emulator/site';
import { readJiraExport } from '../readiness/jira-export';
import { exportTime } from '../readiness/report';
import { appBackend } from './app-backend';
import type { WarmupStatus } from './backend';
import { exportToSeed } from './csv-seed';
import { exportFieldSetup, issueMapperFor, type ExportFieldSetup } from './export-fields';
import { close, createWorkbenchServer, listen } from './server';
import type { WorkbenchUser } from './users';
import { WarmupTracker } from './warmup';
import { repeatEvery } from './schedule';
import type { Repeating } from './schedule';
import { ConsumerThread } from './consumer-thread';
import { workbenchEngines } from './engines';

/** How often the workbench runs the SLA sweep (Forge: hourly; shorter here so a demo sees it). */
const SLA_SWEEP_EVERY_MS = 5 * 60_000;

export interface WorkbenchOptions {
  /** 0 = any free port (tests); default 3000. */
  port?: number;
  /** Host to listen on (default 127.0.0.1: the workbench is for this machine). */
  host?: string;
  /** SQLite file to keep between runs; default a fresh temporary file, removed on stop. */
  dbPath?: string;
  /** Seed of the demo generator (default 1). */
  seed?: number;
  /** Tickets in the demo service desk (default 3000). */
  demoTickets?: number;
  /** A Jira CSV export to run on instead of the demo. */
  input?: string;
  /**
   * A site already prepared from an export (`eval panel` holds tickets back from it), with the
   * field setup to configure; takes the place of `input` and the demo.
   */
  prepared?: PreparedSite;
  /** The most `input` may hold, on disk and decompressed (default: input-limit.ts). */
  maxInputBytes?: number;
  /** Emulator faults active from the start (tests add more through `emulator.faults`). */
  faults?: readonly FaultRuleInput[];
  /** Where the built static/ apps are (default: the repository's static/). */
  staticRoot?: string;
  /**
   * Run the queue consumer (backfill, ingest, training) in a worker thread, so the pages stay
   * responsive while it works (default true); false runs it on the main thread.
   */
  consumerThread?: boolean;
  /**
   * Train the classifier with Forge's defaults (C and a char n-gram view chosen by cross-fitting)
   * instead of the workbench's quick variant (QUICK_TRAINING): about five times the classifier's
   * CPU (default false).
   */
  fullTraining?: boolean;
  /** Warm-up progress lines (the CLI prints them). */
  onStatus?: (status: WarmupStatus) => void;
  logger?: Logger;
}

export interface RunningWorkbench {
  url: string;
  emulator: RunningEmulator;
  /**
   * A fresh app over the same adapters at every read (one Forge invocation each), for tests and
   * scripts: an instance caches the configuration, so a kept one would miss an admin's save.
   */
  readonly app: App;
  /** The app's store (read by `eval panel` for the stored models). */
  storage: SqlStorage;
  /** Resolves once backfill and training are done; rejects if either failed. */
  ready(): Promise<void>;
  /** Resolves once no queue message is waiting or running (ingest of new tickets has settled). */
  idle(): Promise<void>;
  status(): WarmupStatus;
  /** Closes the server, the queue, the emulator and the database; idempotent. */
  stop(): Promise<void>;
}

const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The site to emulate: the user's export (with the setup its own fields call for), or the
 * seeded demo service desk.
 */
export interface PreparedSite {
  site: SiteSeed;
  fields: ExportFieldSetup | null;
}

export function siteSeed(
  options: Pick<WorkbenchOptions, 'input' | 'maxInputBytes' | 'seed' | 'demoTickets' | 'prepared'>,
): PreparedSite {
  if (options.prepared !== undefined) return options.prepared;
  if (options.input !== undefined) {
    const exported = readJiraExport(readTable(options.input, options.maxInputBytes));
    const fields = exportFieldSetup(exported, options.seed ?? 1);
    return { site: exportToSeed(exported, exportTime(exported.tickets), fields.customFields), fields };
  }
  const site = generateDemo({ seed: options.seed ?? 1, tickets: options.demoTickets ?? 3000 }).site;
  return { site, fields: null };
}

function workbenchUsers(seed: SiteSeed): WorkbenchUser[] {
  return seed.users
    .filter((u) => u.kind !== 'customer')
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName, admin: u.kind === 'admin' }))
    .sort((a, b) => Number(b.admin) - Number(a.admin) || a.displayName.localeCompare(b.displayName));
}

/**
 * The whole app on one machine: the JSM emulator seeded with the demo (or an export), the app's
 * real resolvers, trigger and consumer over SQLite and an in-process queue, and the workbench
 * pages around the built Custom UI bundles. Backfill and training run in the background.
 */
export async function startWorkbench(options: WorkbenchOptions = {}): Promise<RunningWorkbench> {
  const logger = options.logger ?? quietLogger;
  const { site: seed, fields: exportFields } = siteSeed(options);
  const categoryFieldIds = exportFields?.customFields.map((f) => f.id) ?? [];
  for (const r of exportFields?.ratings ?? [])
    options.onStatus?.({ phase: 'starting', message: `field "${r.name}": ${r.reason}` });
  const site = new EmulatorSite(seed);
  const faults = new FaultPlan();
  for (const rule of options.faults ?? []) faults.add(rule);

  const tempDir =
    options.dbPath === undefined ? mkdtempSync(path.join(tmpdir(), 'triage-lens-workbench-')) : null;
  const dbPath = options.dbPath ?? path.join(tempDir as string, 'workbench.db');
  const configPath = `${dbPath}.config.json`;
  const configStore = new FileConfigStore(configPath);
  // A kept configuration (--db) is the admin's: only a first start is set up from the export.
  if (exportFields !== null && !existsSync(configPath)) await configStore.save(exportFields.config);
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanUp = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (e) {
        logger.warn('workbench shutdown step failed', { error: String(e) });
      }
    }
  };
  if (tempDir !== null) cleanups.push(() => rmSync(tempDir, { recursive: true, force: true }));

  try {
    const emulator = await startEmulator({ site, port: 0, faults });
    let emulatorClosed: Promise<void> | null = null;
    const closeEmulator = () => (emulatorClosed ??= emulator.close());
    cleanups.push(closeEmulator);
    const db = await openSqlite(dbPath);
    cleanups.push(() => db.close());
    const clock = { now: site.now };
    const storage = createSqlStorage(db, site.now);
    // The only writer now: whatever a killed run left half-written in the index is put right.
    const repaired = await storage.index.repairAfterCrash();
    if (repaired > 0) logger.info('repaired index rows a killed run left half-written', { repaired });
    // Owned here: shutdown sets the delay scale to 0.
    const queueOptions = { autoRun: true, msPerDelaySecond: 1000, logger };
    const queue = new LocalQueue(queueOptions);
    let inFlight = 0;
    let triggers = 0;
    let stopping = false;
    cleanups.push(async () => {
      // Messages still queued are dropped (a later start backfills again); one in progress on the
      // main thread fails fast on the closed emulator and must end before the database closes.
      await closeEmulator();
      for (let waited = 0; (inFlight > 0 || queue.pending > 0) && waited < 10_000; waited += 25) {
        await new Promise((r) => setTimeout(r, 25));
      }
      queue.close();
    });

    const fullTraining = options.fullTraining ?? false;
    const deps: AppDeps = {
      jira: localJiraClients({ baseUrl: emulator.url }),
      storage,
      engines: workbenchEngines(storage, fullTraining),
      config: configStore,
      issues: issueMapperFor(categoryFieldIds),
      queue,
      clock,
      logger,
    };
    // Forge builds the app per invocation (resolver call, trigger event, queue message), so its
    // caches (models, configuration) live that long; the workbench does the same.
    const invocation = (): App => createApp(deps);
    const thread =
      options.consumerThread === false
        ? null
        : new ConsumerThread(
            {
              jiraUrl: emulator.url,
              dbPath,
              configPath,
              clockOffsetMs: site.now() - Date.now(),
              fullTraining,
              categoryFieldIds,
            },
            (messages, delaySeconds) => void queue.push(messages, { delaySeconds }),
            logger,
          );
    if (thread !== null) {
      cleanups.push(() => thread.close());
      await thread.ready();
    }
    // Runs first at shutdown: from here on queued work is dropped and retries are due at once.
    cleanups.push(() => {
      stopping = true;
      queueOptions.msPerDelaySecond = 0;
    });
    queue.setConsumer(async (body, delivery) => {
      if (stopping) return;
      inFlight++;
      try {
        if (thread === null) await invocation().consume(body, { finalAttempt: delivery.finalAttempt });
        else await thread.consume(body, delivery.finalAttempt);
      } catch (e) {
        // Work cut off by stop() is dropped, not retried.
        if (!stopping) throw e;
      } finally {
        inFlight--;
      }
    });
    // Forge's trigger (ignoreSelf: true): changes the app makes itself do not come back to it.
    const unsubscribe = site.onIssueEvent((event) => {
      if (event.actorIsApp) return;
      triggers++;
      invocation()
        .handleIssueEvent({ ...event, timestamp: site.now() })
        .catch((e: unknown) => logger.error('trigger failed', { error: String(e) }))
        .finally(() => triggers--);
    });
    cleanups.push(unsubscribe);

    const tracker = new WarmupTracker(storage.jobs, options.onStatus);
    cleanups.push(() => tracker.stop());
    const backend = appBackend({
      app: invocation,
      jiraUrl: emulator.url,
      users: () => workbenchUsers(seed),
      projectKeys: seed.serviceDesks.map((d) => d.projectKey),
      requestTypes: seed.requestTypes.flatMap((r) => {
        const desk = seed.serviceDesks.find((d) => d.id === r.serviceDeskId);
        return desk === undefined ? [] : [{ projectKey: desk.projectKey, name: r.name }];
      }),
      status: () => tracker.status(),
    });
    const server = createWorkbenchServer({
      backend,
      staticRoot: options.staticRoot ?? path.resolve(__dirname, '..', '..', '..', 'static'),
      host: options.host ?? '127.0.0.1',
    });
    const url = await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
    cleanups.push(() => close(server));

    // Forge sends "installed" once: a kept database (--db) that was backfilled is not filled again.
    const [backfilled, trained] = await Promise.all([
      storage.jobs.get('backfill'),
      storage.jobs.get('train'),
    ]);
    // One stopped in the middle carries on from its checkpoint (its messages died with the process).
    const resume = backfillResumeMessage(backfilled);
    if (resume !== null) await queue.push([resume]);
    else if (backfilled?.status.state !== 'done') await invocation().handleInstalled();
    else if (trained?.status.state !== 'done') await queue.push([{ kind: 'train' }]);
    tracker.start();
    // Forge runs the SLA sweep hourly (manifest.yml). Here it starts once the models are ready and
    // repeats every few minutes, so risk flags, queue load and the admin's SLA metrics fill in.
    let sweeps: Repeating | null = null;
    tracker.ready().then(
      () => {
        if (stopping) return;
        sweeps = repeatEvery(
          SLA_SWEEP_EVERY_MS,
          () => queue.push([{ kind: 'sla-sweep', cursor: null }]),
          (e) => logger.warn('scheduled SLA sweep failed', { error: String(e) }),
        );
      },
      () => undefined,
    );
    cleanups.push(() => sweeps?.stop());

    let stopped: Promise<void> | null = null;
    return {
      url,
      emulator,
      get app() {
        return invocation();
      },
      storage,
      ready: () => tracker.ready(),
      idle: async () => {
        // Two quiet looks in a row: an ingest may queue follow-up work as it ends.
        for (let quiet = 0; quiet < 2;) {
          await new Promise((r) => setTimeout(r, 50));
          quiet = triggers === 0 && queue.pending === 0 && inFlight === 0 ? quiet + 1 : 0;
        }
      },
      status: () => tracker.status(),
      stop: () => (stopped ??= cleanUp()),
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}
