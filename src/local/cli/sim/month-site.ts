/**
 * The simulated month's installation: the demo desk's tickets older than the month on an
 * emulated site, SQLite, a file configuration and the in-process queue, with one app per
 * invocation as Forge builds them (so a configuration change is seen by the next one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileConfigStore } from '../../adapters/config-file';
import { localJiraClients } from '../../adapters/http-jira-transport';
import { LocalQueue } from '../../adapters/queue-memory';
import { openSqlite } from '../../adapters/sqlite-db';
import { createSqlStorage, type SqlStorage } from '../../../adapters/sql/storage';
import { createApp, type App } from '../../../app';
import { DEFAULT_CONFIG } from '../../../contracts/config';
import { silentLogger } from '../../../core/ports/logger';
import { generateDemo } from '../../demo/generate';
import type { SeedTicket } from '../../emulator/seed';
import { startEmulator } from '../../emulator/server';
import { EmulatorSite } from '../../emulator/site';
import { workbenchEngines } from '../../workbench/engines';

export const DAY = 86_400_000;

export interface MonthSite {
  site: EmulatorSite;
  storage: SqlStorage;
  config: FileConfigStore;
  queue: LocalQueue;
  /** A fresh app: one per invocation. */
  app(): App;
  /** The month's arrivals, oldest first (as generated: their fields are the truth). */
  arrivals: SeedTicket[];
  monthStart: number;
  /** Moves the site's clock forward to `at` (never back). */
  advanceTo(at: number): void;
  close(): Promise<void>;
}

export async function openMonthSite(options: {
  seed: number;
  tickets: number;
  days: number;
}): Promise<MonthSite> {
  const demo = generateDemo({ tickets: options.tickets, seed: options.seed });
  const monthStart = demo.site.now - options.days * DAY;
  const older = demo.site.tickets.filter((t) => t.created < monthStart);
  const keys = new Set(older.map((t) => t.key));
  const arrivals = demo.site.tickets
    .filter((t) => t.created >= monthStart)
    .sort((a, b) => a.created - b.created);
  // The history as it stood at the month's start: what was resolved later is still open then.
  const history = older.map((t) =>
    t.resolved !== null && t.resolved >= monthStart
      ? {
          ...t,
          resolved: null,
          resolution: null,
          status: 'In Progress',
          statusCategory: 'indeterminate' as const,
          comments: t.comments.filter((c) => c.created < monthStart),
        }
      : { ...t, comments: t.comments.filter((c) => c.created < monthStart) },
  );
  let clock = monthStart;
  const site = new EmulatorSite(
    {
      ...demo.site,
      now: monthStart,
      tickets: history,
      links: demo.site.links.filter((l) => keys.has(l.inwardKey) && keys.has(l.outwardKey)),
    },
    () => (clock += 1000),
  );
  const emulator = await startEmulator({ site });
  const dir = mkdtempSync(join(tmpdir(), 'triage-lens-simulate-'));
  const db = await openSqlite(':memory:');
  const storage = createSqlStorage(db, site.now);
  const config = new FileConfigStore(join(dir, 'config.json'));
  await config.save(DEFAULT_CONFIG);
  const queue = new LocalQueue({ concurrency: 1, maxAttempts: 5 });
  const engines = workbenchEngines(storage, false);
  const jira = localJiraClients({ baseUrl: emulator.url, timeoutMs: 30_000 });
  const app = () =>
    createApp({ jira, storage, config, queue, engines, clock: { now: site.now }, logger: silentLogger });
  queue.setConsumer((body, delivery) => app().consume(body, { finalAttempt: delivery.finalAttempt }));
  const unsubscribe = site.onIssueEvent((event) => {
    if (!event.actorIsApp) void app().handleIssueEvent({ ...event, timestamp: site.now() });
  });
  return {
    site,
    storage,
    config,
    queue,
    app,
    arrivals,
    monthStart,
    advanceTo: (at) => {
      clock = Math.max(clock, at);
    },
    async close() {
      unsubscribe();
      queue.close();
      await emulator.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
