import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetWarmState } from '../../app';
import { createApp } from '../../app';
import type { App } from '../../app/types';
import { forgeSchema } from '../../adapters/forge/sql-migrations';
import { MIGRATIONS } from '../../adapters/sql/migrations';
import type { Migration } from '../../adapters/sql/migrations';
import { createSqlStorage } from '../../adapters/sql/storage';
import { DEFAULT_CONFIG } from '../../contracts/config';
import type { AdminConfig } from '../../contracts/config';
import { RESOLVERS } from '../../contracts/resolvers';
import type { FunctionKind } from '../../core/shared/platform-limits';
import { PRODUCT_EVENT } from '../../core/shared/platform-limits';
import { backfillBudgetTickets } from '../../core/train/backfill';
import type { ConfigStore } from '../../core/ports/storage';
import type { Logger } from '../../core/ports/logger';
import { generateDemo } from '../demo/generate';
import { createRng } from '../../engine/util';
import { handleRoute } from '../emulator/handlers';
import { EmulatorSite } from '../emulator/site';
import type { IssueEvent } from '../emulator/site';
import { forgeHandlers } from '../../forge/handlers';
import { ForgeQueue } from '../forge-runtime/forge-queue';
import { emulatedPlatform } from '../forge-runtime/installation';
import { emulatedMigrationRunner } from '../forge-runtime/migration-runner';
import { LIMIT_NAMES } from '../forge-runtime/monitor';
import type { LimitName } from '../forge-runtime/monitor';
import { workbenchEngines } from '../workbench/engines';
import { issueMapperFor } from '../workbench/export-fields';
import { FAULT_PLANS, JiraFaults } from './faults';
import type { FaultPlanName } from './faults';
import { p99, StoreProbe } from './measure';
import { simulatedJira } from './site-jira';
import { Timeline } from './timeline';

export interface SimulateOptions {
  tickets: number;
  seed: number;
  faults: FaultPlanName;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

/** The figures `simulate install --json` prints (the keys are the interface; scripts read them). */
export interface SimulateReport {
  task: 'simulate-install';
  site_tickets: number;
  expected_stored: number;
  stored_tickets: number;
  lost_events: number;
  duplicate_rows: number;
  index_drift_terms: number;
  limit_violations: Record<LimitName, number>;
  ddl_calls_max_per_minute: number;
  max_invocation_ms: Record<FunctionKind, number>;
  sql_bytes: number;
  simulated_hours_to_ready: number | null;
  panel_ms_p99: number;
}

const HOUR = 3_600_000;
/** Give up (and report not ready) after this much simulated time. */
const MAX_SIMULATED_MS = 14 * 24 * HOUR;
const PANEL_OPENS = 200;
/** The minor deploy's migration: a new column, with no upgrade event to announce it. */
const DEPLOY_MIGRATION: Migration = {
  name: '900_sim_minor_deploy',
  ddl: 'ALTER TABLE tl_jobs ADD COLUMN IF NOT EXISTS sim_note VARCHAR(40) NULL',
};
/** A bulk edit is applied by Jira at about this pace (issues a second). */
const BULK_EDIT_PER_SECOND = 10;

class MemoryConfig implements ConfigStore {
  private config: AdminConfig = DEFAULT_CONFIG;
  load(): Promise<AdminConfig> {
    return Promise.resolve(this.config);
  }
  save(config: AdminConfig): Promise<void> {
    this.config = config;
    return Promise.resolve();
  }
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * `triage-lens simulate install`: one Forge installation from `avi:forge:installed:app` to a
 * working panel, in simulated time. The real `createApp` and the real Forge handlers
 * (src/forge/handlers.ts) run under the Forge-limits runtime (src/local/forge-runtime): invocation
 * time limits, Forge SQL's checks around SQLite, the DDL ledger behind `@forge/sql`'s
 * migrationRunner, the queue's limits and delivery. Jira is the emulator's handlers over a
 * generated site of `tickets` issues, behind the fault plan. Every figure is measured.
 */
export async function simulateInstall(options: SimulateOptions): Promise<SimulateReport> {
  const say = options.progress ?? (() => undefined);
  const plan = FAULT_PLANS[options.faults];
  const rng = createRng(options.seed * 7919 + 17);
  const wallStart = Date.now();
  const demo = generateDemo({ seed: options.seed, tickets: options.tickets });
  const dir = mkdtempSync(join(tmpdir(), 'tl-simulate-'));
  const dbPath = join(dir, 'forge-sql.db');
  const platform = emulatedPlatform({ sqlitePath: dbPath, start: demo.site.now });
  const { clock, monitor, runtime } = platform;
  const installedAt = clock.now();
  const site = new EmulatorSite(demo.site, () => clock.now());
  const probe = new StoreProbe(dbPath);
  say(
    `site: ${site.allIssues().length} issues generated (${((Date.now() - wallStart) / 1000).toFixed(1)} s)`,
  );

  const timeline = new Timeline();
  const jiraFaults = new JiraFaults(plan, rng, installedAt);
  for (let i = 0; i < plan.storms; i++) {
    const start = installedAt + 15 * 60_000 + i * 100 * 60_000 + Math.floor(rng() * 20 * 60_000);
    jiraFaults.storms.push({ start, end: start + plan.stormMs });
  }
  const jira = simulatedJira({ site, clock, runtime, faults: jiraFaults, rng });
  let migrations: readonly Migration[] = MIGRATIONS;
  const config = new MemoryConfig();
  const invocationsByLabel = new Map<string, number>();
  const wallByLabel = new Map<string, number>();

  const queue: ForgeQueue = new ForgeQueue({
    clock,
    monitor,
    runtime,
    rng,
    duplicateRate: plan.duplicateRate,
    reorderMs: plan.reorderMs,
    schedule: (at, label, run) => timeline.add({ at, kind: 'consumer', label, run }),
    invoke: (delivery) => invoke('consumer', () => handlers.consume(delivery)),
  });

  const appFor = (): App => {
    const storage = createSqlStorage(platform.sql.sqlDb, () => clock.now());
    return createApp({
      jira,
      storage,
      // The workbench's one-C classifier training: Forge's default grid costs about five times
      // the CPU, which a loaded 2-core machine cannot spend at 300,000 tickets (see benchmarks).
      engines: workbenchEngines(storage, false),
      config,
      queue,
      clock,
      logger: quiet,
      issues: issueMapperFor([]),
      schema: forgeSchema(platform.sql.ddl.client, emulatedMigrationRunner(platform.sql.ddl), migrations),
    });
  };
  const handlers = forgeHandlers(appFor);

  async function invoke<T>(
    kind: FunctionKind,
    work: () => Promise<T>,
  ): Promise<{ ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number }> {
    const kill = kind !== 'resolver' && rng() < plan.killRate;
    const result = await runtime.run(kind, work, kill ? { killAfterCalls: Math.floor(rng() * 80) } : {});
    platform.sql.checkQuota();
    return result;
  }

  // Product events: Forge delivers each one to the trigger after a lag, sometimes twice, and
  // retries a timed-out or killed invocation (a platform error) up to 4 times.
  const deliverEvent = (event: IssueEvent, attempt: number, at: number): void => {
    timeline.add({
      at,
      kind: 'trigger',
      label: 'trigger:issue',
      run: async () => {
        const body = { eventType: event.eventType, issue: event.issue, timestamp: at };
        const result = await invoke('trigger', () => handlers.issueEvent(body));
        const retry =
          (result.ok ? (result.value as { _retry?: unknown } | undefined) : undefined)?._retry === true;
        if ((!result.ok || retry) && attempt < PRODUCT_EVENT.maxRetries)
          deliverEvent(event, attempt + 1, clock.now() + 60_000 * 2 ** attempt);
      },
    });
  };
  site.onIssueEvent((event) => {
    if (event.actorIsApp) return; // the manifest's ignoreSelf
    const lag = () => Math.floor(rng() * PRODUCT_EVENT.deliveryLagMs);
    deliverEvent(event, 0, clock.now() + lag());
    if (rng() < plan.duplicateRate) deliverEvent(event, 0, clock.now() + lag());
  });

  // Scheduled triggers: spread over their interval, never retried, now and then twice.
  const scheduled = (label: string, everyMs: number, run: () => Promise<void>): void => {
    const at = (t: number) => {
      timeline.add({
        at: t,
        kind: 'scheduled',
        label: `scheduled:${label}`,
        background: true,
        run: async () => {
          await invoke('scheduled', run);
          if (rng() < plan.scheduledTwiceRate) await invoke('scheduled', run);
          at(t + everyMs);
        },
      });
    };
    at(installedAt + Math.floor(rng() * everyMs));
  };
  scheduled('migrate', HOUR, () => handlers.migrate());
  scheduled('sla-sweep', HOUR, () => handlers.slaSweep());
  scheduled('retrain', 24 * HOUR, () => handlers.retrain());
  scheduled('recount', 7 * 24 * HOUR, () => handlers.recount());

  const admin = demo.site.users.find((u) => u.kind === 'admin');
  const agents = demo.site.users.filter((u) => u.kind === 'agent');
  if (admin === undefined || agents.length === 0)
    throw new Error('the generated site has no admin or agents');
  const bulkEdit = (): void => {
    const issues = site.allIssues();
    const picked = new Set<number>();
    while (picked.size < Math.min(plan.bulkEdit, issues.length))
      picked.add(Math.floor(rng() * issues.length));
    let i = 0;
    for (const n of picked) {
      const issue = issues[n];
      if (issue === undefined) continue;
      timeline.add({
        at: clock.now() + Math.floor((i++ * 1000) / BULK_EDIT_PER_SECOND),
        kind: 'site',
        label: 'site:bulk-edit',
        run: () => {
          handleRoute(
            'editIssue',
            { issueIdOrKey: issue.key },
            {
              site,
              base: 'https://sim.atlassian.net',
              actor: { kind: 'user', user: admin },
              url: new URL(`https://sim.atlassian.net/rest/api/3/issue/${issue.key}`),
              body: { fields: { summary: `${issue.summary.slice(0, 240)} (bulk)` } },
            },
          );
          return Promise.resolve();
        },
      });
    }
  };

  // The install itself.
  timeline.add({
    at: installedAt,
    kind: 'trigger',
    label: 'trigger:installed',
    run: async () => {
      await invoke('trigger', () => handlers.installed({ eventType: 'avi:forge:installed:app' }));
    },
  });

  let bulkStarted = plan.bulkEdit === 0;
  let deployed = !plan.minorDeploy;
  let readyAt: number | null = null;
  let trainedAt: number | null = null;
  const panelMs: number[] = [];
  let panelFailures = 0;
  let lastSay = Date.now();
  const expectedTotal = backfillBudgetTickets(site.allIssues().length);

  const openPanels = async (): Promise<void> => {
    const open = site.allIssues().filter((i) => i.statusCategory !== 'done');
    for (let n = 0; n < PANEL_OPENS && open.length > 0; n++) {
      const issue = open[Math.floor(rng() * open.length)];
      const agent = agents[Math.floor(rng() * agents.length)];
      if (issue === undefined || agent === undefined) continue;
      const result = await invoke('resolver', () =>
        handlers.resolver(
          {
            call: { functionKey: RESOLVERS.panelGet, payload: { issueKey: issue.key } },
            context: { extension: { issue: { key: issue.key } } },
          },
          { principal: { accountId: agent.accountId } },
        ),
      );
      panelMs.push(result.ms);
      if (!result.ok || (result.value as { ok?: unknown }).ok !== true) panelFailures++;
      clock.advance(30_000);
    }
  };

  for (;;) {
    const next = timeline.pop();
    if (next === undefined) break;
    if (readyAt !== null && timeline.foreground() === 0 && queue.pending === 0 && next.background === true)
      break;
    if (next.at - installedAt > MAX_SIMULATED_MS) break;
    clock.advanceTo(next.at);
    invocationsByLabel.set(next.label, (invocationsByLabel.get(next.label) ?? 0) + 1);
    const began = Date.now();
    await next.run();
    wallByLabel.set(next.label, (wallByLabel.get(next.label) ?? 0) + Date.now() - began);

    const backfill = probe.job('backfill');
    const processed = backfill?.processed ?? 0;
    if (!bulkStarted && processed >= expectedTotal * 0.3) {
      bulkStarted = true;
      say(`bulk edit of ${plan.bulkEdit} issues starts (backfill at ${processed})`);
      bulkEdit();
    }
    if (!deployed && processed >= expectedTotal * 0.5) {
      deployed = true;
      migrations = [...MIGRATIONS, DEPLOY_MIGRATION];
      forgetWarmState();
      say('minor deploy with a new migration (no upgrade event)');
    }
    if (trainedAt === null && backfill?.state === 'done' && probe.job('train')?.state === 'done')
      trainedAt = clock.now();
    if (readyAt === null && trainedAt !== null) {
      const sweep = probe.job('sla-sweep');
      const finished = Date.parse(String(sweep?.finishedAt ?? ''));
      if (sweep?.state === 'done' && finished >= trainedAt) {
        readyAt = clock.now();
        say(`ready after ${((readyAt - installedAt) / HOUR).toFixed(2)} simulated hours; opening panels`);
        await openPanels();
      }
    }
    if (Date.now() - lastSay > 15_000) {
      lastSay = Date.now();
      say(
        `t+${((clock.now() - installedAt) / HOUR).toFixed(2)} h: backfill ${backfill?.state ?? '-'} ${processed}, ` +
          `stored ${probe.storedTickets()}, queue ${queue.pending}, violations ${monitor.total} ` +
          `(${((Date.now() - wallStart) / 1000).toFixed(0)} s wall)`,
      );
    }
  }

  const retentionCutoff = clock.now() - (await config.load()).retentionDays * 86_400_000;
  const inWindow = site
    .allIssues()
    .filter((i) => i.statusCategory !== 'done' || i.updated >= retentionCutoff)
    .sort((a, b) => b.created - a.created);
  const expected = inWindow.slice(0, backfillBudgetTickets(inWindow.length));
  const expectedIds = new Set(expected.map((i) => i.id));
  const report: SimulateReport = {
    task: 'simulate-install',
    site_tickets: site.allIssues().length,
    expected_stored: expected.length,
    stored_tickets: probe.storedTickets(),
    lost_events:
      probe.staleIssues(site, expectedIds) + queue.expired.filter((b) => b.includes('"ingest"')).length,
    duplicate_rows: probe.duplicateRows(),
    index_drift_terms: probe.indexDriftTerms(),
    limit_violations: Object.fromEntries(LIMIT_NAMES.map((n) => [n, monitor.counts[n]])) as Record<
      LimitName,
      number
    >,
    ddl_calls_max_per_minute: platform.sql.ddl.ddlMaxPerMinute,
    max_invocation_ms: { ...runtime.maxMs },
    sql_bytes: platform.sql.storedBytes(),
    simulated_hours_to_ready:
      readyAt === null ? null : Math.round(((readyAt - installedAt) / HOUR) * 100) / 100,
    panel_ms_p99: Math.round(p99(panelMs)),
  };
  say(
    `done in ${((Date.now() - wallStart) / 1000).toFixed(0)} s wall; ${runtime.invocations} invocations ` +
      `(${[...invocationsByLabel].map(([k, v]) => `${k} ${v} in ${((wallByLabel.get(k) ?? 0) / 1000).toFixed(1)} s`).join(', ')}); Jira calls ${jira.calls()}, ` +
      `faults ${JSON.stringify(jiraFaults.fired)}, kills ${runtime.kills}, panel failures ${panelFailures}`,
  );
  say(
    `Jira by route: ${[...jira.byRoute].map(([r, v]) => `${r} ${v.calls} in ${(v.ms / 1000).toFixed(1)} s`).join(', ')}`,
  );
  for (const d of monitor.details.slice(0, 10)) say(`violation ${d.limit}: ${d.message}`);
  probe.close();
  await platform.sql.close();
  rmSync(dir, { recursive: true, force: true });
  return report;
}
