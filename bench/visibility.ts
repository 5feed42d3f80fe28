/**
 * What the viewer check costs in the panel (issue 13): `panel/get` on a demo site served by the
 * JSM emulator over HTTP, SQLite store, each request through a fresh `createApp` (as Forge builds
 * one per invocation, so nothing is cached between panels) and, second, through one long-lived
 * app (the workbench, where the per-viewer cache answers repeats). The Jira calls the check makes
 * (`GET /myself` for the customer refusal, `POST /search/jql` with `key in (...)` for the
 * similar tickets) are timed on their own, beside the whole panel. Last, the panels of one desk
 * are opened by an agent of every desk and then by an agent of that desk only, whose hidden
 * stored hits make the panel search the index deeper (src/core/panel/similar-visible.ts).
 *
 * `npx tsx bench/visibility.ts [--tickets N] [--panels N]` or `npm run bench visibility`.
 */
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileConfigStore } from '../src/local/adapters/config-file';
import { localJiraClients } from '../src/local/adapters/http-jira-transport';
import { LocalQueue } from '../src/local/adapters/queue-memory';
import { openSqlite } from '../src/local/adapters/sqlite-db';
import { createSqlStorage } from '../src/adapters/sql/storage';
import { createApp, type App } from '../src/app';
import { createEngines } from '../src/app/engines';
import { SIMILAR_LIMIT } from '../src/core/suggest/compute';
import { DEEPER_LIMITS } from '../src/core/panel/similar-visible';
import { DEFAULT_CONFIG } from '../src/contracts/config';
import { RESOLVERS } from '../src/contracts/resolvers';
import type { JiraClientFactory, JiraPort } from '../src/core/ports/jira';
import { silentLogger } from '../src/core/ports/logger';
import { generateDemo } from '../src/local/demo/generate';
import { percentile } from '../src/engine/eval';
import { startEmulator } from '../src/local/emulator/server';
import { EmulatorSite } from '../src/local/emulator/site';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const TICKETS = arg('--tickets', 2000);
const PANELS = arg('--panels', 120);
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);

/** Times every call the viewer check makes (as the user: myself and searches). */
function timed(inner: JiraClientFactory, spent: { ms: number[] }): JiraClientFactory {
  const time =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        spent.ms.push(performance.now() - t0);
      }
    };
  return {
    asApp: () => inner.asApp(),
    asUser: (accountId) => {
      const port = inner.asUser(accountId);
      const wrapped: JiraPort = {
        ...port,
        getMyself: time(() => port.getMyself()),
        searchIssues: time((r: Parameters<JiraPort['searchIssues']>[0]) => port.searchIssues(r)),
      };
      return wrapped;
    },
  };
}

async function main(): Promise<void> {
  const demo = generateDemo({ tickets: TICKETS, seed: 7 });
  const site = new EmulatorSite(demo.site);
  const emulator = await startEmulator({ site });
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-visibility-'));
  const db = await openSqlite(':memory:');
  const storage = createSqlStorage(db, site.now);
  const config = new FileConfigStore(join(dir, 'config.json'));
  await config.save({ ...DEFAULT_CONFIG, similar: { windowDays: 0, sameProjectOnly: false } });
  const queue = new LocalQueue({ concurrency: 1, maxAttempts: 3 });
  const jira = localJiraClients({ baseUrl: emulator.url, timeoutMs: 10_000 });
  const spent = { ms: [] as number[] };
  // Counts the deeper similar searches a restricted viewer causes (limit above the stored ten).
  const deeper = { calls: 0 };
  const base = createEngines(storage);
  const engines = {
    ...base,
    similar: {
      ...base.similar,
      find: (...a: Parameters<typeof base.similar.find>) => {
        if (a[3] > SIMILAR_LIMIT) deeper.calls++;
        return base.similar.find(...a);
      },
    },
  };
  const build = (): App =>
    createApp({
      jira: timed(jira, spent),
      engines,
      storage,
      config,
      queue,
      clock: { now: site.now },
      logger: silentLogger,
    });
  const installer = build();
  queue.setConsumer((body, d) => installer.consume(body, { finalAttempt: d.finalAttempt }));
  await installer.handleInstalled();
  await queue.drain();

  const agent = demo.site.users.find((u) => u.kind === 'agent')?.accountId ?? '';
  const desk = demo.site.serviceDesks[0]?.projectKey ?? '';
  const all = site.allIssues().map((i) => i.key);
  let keys = all.slice(0, PANELS);
  const run = async (label: string, appFor: () => App): Promise<void> => {
    const panel: number[] = [];
    const check: number[] = [];
    let calls = 0;
    let shown = 0;
    deeper.calls = 0;
    const cpu0 = process.cpuUsage();
    for (const issueKey of keys) {
      spent.ms = [];
      const app = appFor();
      const t0 = performance.now();
      const r = await app.resolvers[RESOLVERS.panelGet]({ issueKey }, { accountId: agent });
      panel.push(performance.now() - t0);
      if (!r.ok) throw new Error(`panel failed: ${r.error.message}`);
      const similar = r.data.similar;
      if (similar.status === 'ok') shown += similar.data.duplicates.length + similar.data.related.length;
      check.push(spent.ms.reduce((a, b) => a + b, 0));
      calls += spent.ms.length;
      await queue.drain();
    }
    const cpu = process.cpuUsage(cpu0);
    const f = (v: number) => v.toFixed(1);
    out(
      `| ${label} | ${keys.length} | ${f(percentile(panel, 50))} | ${f(percentile(panel, 99))} | ` +
        `${f(percentile(check, 50))} | ${f(percentile(check, 99))} | ${(calls / keys.length).toFixed(2)} | ` +
        `${(deeper.calls / keys.length).toFixed(2)} | ${shown} | ${f((cpu.user + cpu.system) / 1000 / keys.length)} | ` +
        `${loadavg()[0]?.toFixed(2)} |`,
    );
  };

  out(`Demo site: ${TICKETS} tickets, ${PANELS} panels as one agent, emulator over HTTP, SQLite.`);
  out();
  out(
    '| app per request | panels | panel p50 ms | panel p99 ms | check p50 ms | check p99 ms | check calls per panel | deeper similar searches per panel | similar shown | CPU ms per panel (incl. emulator) | load avg |',
  );
  out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  // Warm both paths once (JIT, stored suggestions), then measure.
  await run('warm-up (not a figure)', build);
  await run('fresh app (Forge: one per invocation)', build);
  const shared = build();
  await run('one app (workbench), first opens', () => shared);
  await run('one app (workbench), opened again within 30 s', () => shared);
  // The agent may browse one desk only: stored hits of other desks are hidden, and the panel
  // searches deeper to fill the list (src/core/panel/similar-visible.ts).
  keys = all.filter((k) => k.startsWith(`${desk}-`)).slice(0, PANELS);
  site.projectAccess.clear();
  await run(`fresh app, ${desk} panels, agent of every desk`, build);
  for (const d of demo.site.serviceDesks)
    site.setProjectAccess({ projectKey: d.projectKey, accountIds: d.projectKey === desk ? [agent] : [] });
  await run(`fresh app, ${desk} panels, agent of ${desk} only`, build);

  // What one deeper search costs when it happens: the similar search at the stored depth and at
  // each deeper one, as the app, on the same panels' tickets.
  out();
  out('| similar search depth | tickets | p50 ms | p99 ms |');
  out('| ---: | ---: | ---: | ---: |');
  const scope = { windowDays: 0, sameProjectOnly: false };
  const stored = (await storage.tickets.getMany(keys.map((k) => site.issue(k)?.id ?? ''))).slice(0, 60);
  for (const depth of [SIMILAR_LIMIT, ...DEEPER_LIMITS]) {
    const ms: number[] = [];
    for (const ticket of stored) {
      const t0 = performance.now();
      await base.similar.find(ticket, scope, site.now(), depth);
      ms.push(performance.now() - t0);
    }
    out(`| ${depth} | ${ms.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} |`);
  }

  queue.close();
  await emulator.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
