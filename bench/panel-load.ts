/**
 * The panel under load (issue 5), a section of `npm run bench storage`: the panel resolver
 * over the suite's MariaDB database (100,000 tickets), answering for tickets it has no stored
 * suggestions for, so every section is computed live (classifier, SQL similar search, routing,
 * SLA risk): the slow path. Jira is answered in-process from the corpus, so the figures are the
 * resolver's own work (SQL + engines), not Jira's latency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileConfigStore } from '../src/adapters/local/config-file';
import { LocalQueue } from '../src/adapters/local/queue-memory';
import type { SqlStorage } from '../src/adapters/sql/storage';
import { createApp } from '../src/app';
import { textClassifierEngine } from '../src/app/engines/classifier';
import { DEFAULT_CONFIG } from '../src/contracts/config';
import { RESOLVERS } from '../src/contracts/resolvers';
import { ModelRepository } from '../src/core/models';
import type { JiraClientFactory, JiraPort, SlaMetric } from '../src/core/ports/jira';
import { silentLogger } from '../src/core/ports/logger';
import type { Ticket } from '../src/core/ticket';
import { percentile } from '../src/engine/eval/percentile';

const CONCURRENCY = 50;
const WAVES = 6;
const SEQUENTIAL = 150;
const TRAINING_TICKETS = 5_000;
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);

/** Jira answering from the corpus: issues, two link types, one running SLA per request. */
function corpusJira(byKey: ReadonlyMap<string, Ticket>): JiraClientFactory {
  const sla = (t: Ticket): SlaMetric[] => [
    {
      id: '1',
      name: 'Time to resolution',
      completedCycles: [],
      ongoingCycle: {
        startTime: t.created,
        stopTime: null,
        breachTime: t.created + 8 * 3_600_000,
        breached: false,
        paused: false,
        withinCalendarHours: true,
        goalDuration: 8 * 3_600_000,
        elapsedTime: 3 * 3_600_000,
        remainingTime: 5 * 3_600_000,
      },
    },
  ];
  const byId = new Map([...byKey.values()].map((t) => [t.id, t]));
  // Jira takes an issue's key or its numeric id (the consumer asks by id).
  const ticket = (idOrKey: string): Ticket => {
    const t = byKey.get(idOrKey) ?? byId.get(idOrKey);
    if (!t) throw new Error(`no ${idOrKey} in the corpus`);
    return t;
  };
  const unused = (): never => {
    throw new Error('not called by the panel');
  };
  const port: JiraPort = {
    getIssue: (idOrKey) => Promise.resolve({ id: ticket(idOrKey).id, key: ticket(idOrKey).key, fields: {} }),
    getIssueLinkTypes: () =>
      Promise.resolve([
        { id: '1', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
        { id: '2', name: 'Relates', inward: 'relates to', outward: 'relates to' },
      ]),
    getSla: (key) => Promise.resolve(sla(ticket(key))),
    searchIssues: unused,
    editIssue: unused,
    createIssueLink: unused,
    addComment: unused,
    bulkChangelog: unused,
    getServiceDesks: unused,
    getRequestTypes: unused,
    getQueues: unused,
    searchKnowledgeBase: unused,
    getMyPermissions: unused,
    getMyself: unused,
  };
  return { asUser: () => port, asApp: () => port };
}

export async function panelLoad(ctx: { storage: SqlStorage; tickets: readonly Ticket[] }): Promise<void> {
  const { storage, tickets } = ctx;
  const byKey = new Map(tickets.map((t) => [t.key, t]));
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const now = Math.max(...tickets.slice(-1000).map((t) => t.created)) + 3_600_000;
  const dir = mkdtempSync(join(tmpdir(), 'tl-panel-load-'));
  try {
    // One trained field (the project as its class: a realistic model size, real predictions).
    const config = {
      ...DEFAULT_CONFIG,
      fields: [
        { fieldId: 'team', name: 'Team', mode: 'suggest' as const, precisionTarget: 0.9, multiValue: false },
      ],
    };
    const configStore = new FileConfigStore(join(dir, 'config.json'));
    await configStore.save(config);
    // The corpus cycles through its four projects ticket by ticket: the first ones hold all four.
    const sample = tickets.slice(0, TRAINING_TICKETS);
    const model = textClassifierEngine.train(
      sample.map((t) => ({ ticket: t, label: t.projectKey })),
      0.9,
    );
    await new ModelRepository(storage.models, textClassifierEngine, silentLogger).save(
      'team',
      model,
      {
        fieldId: 'team',
        trainedAt: new Date(now).toISOString(),
        examples: sample.length,
        accuracy: 0,
        classes: [],
        curve: [],
        leftOut: [],
      },
      new Map(),
    );

    const queue = new LocalQueue();
    queue.setConsumer(() => Promise.resolve());
    const app = () =>
      createApp({
        jira: corpusJira(byKey),
        storage,
        config: configStore,
        queue,
        clock: { now: () => now },
        logger: silentLogger,
        migrate: () => Promise.resolve(),
        issues: { fields: [], toTicket: (issue) => byId.get(issue.id) as Ticket },
      });
    // Open tickets spread over the corpus, none seen by the panel before.
    const open = tickets.filter((t) => t.statusCategory !== 'done');
    const step = Math.max(1, Math.floor(open.length / (CONCURRENCY * WAVES + SEQUENTIAL + 10)));
    const queries = open.filter((_, i) => i % step === 0).map((t) => t.key);
    await storage.suggestions.delete(queries.map((k) => byKey.get(k)?.id ?? ''));
    const timed = async (key: string): Promise<number> => {
      const start = performance.now();
      // A fresh app per request, as Forge builds one per invocation (model loaded each time).
      const result = await app().resolvers[RESOLVERS.panelGet](
        { issueKey: key },
        { accountId: 'bench-agent' },
      );
      if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
      return performance.now() - start;
    };
    await timed(queries[0] ?? ''); // warm-up: JIT and connection pool
    const sequentialKeys = queries.slice(1, 1 + SEQUENTIAL);
    const concurrentKeys = queries.slice(1 + SEQUENTIAL, 1 + SEQUENTIAL + CONCURRENCY * WAVES);
    const run = async () => {
      const sequential: number[] = [];
      for (const key of sequentialKeys) sequential.push(await timed(key));
      const concurrent: number[] = [];
      const started = performance.now();
      for (let w = 0; w < WAVES; w++) {
        concurrent.push(
          ...(await Promise.all(concurrentKeys.slice(w * CONCURRENCY, (w + 1) * CONCURRENCY).map(timed))),
        );
      }
      return {
        sequential,
        concurrent,
        perSecond: concurrent.length / ((performance.now() - started) / 1000),
      };
    };
    const cold = await run();
    // What the consumer leaves after an issue event: suggestions stored for the current version.
    for (const key of [...sequentialKeys, ...concurrentKeys]) {
      await app().consume({ kind: 'ingest', issueId: byKey.get(key)?.id ?? '', eventAt: now });
    }
    const warm = await run();

    const row = (name: string, xs: number[]) =>
      `| ${name} | ${xs.length} | ${percentile(xs, 50).toFixed(0)} | ${percentile(xs, 99).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`;
    out(`### Panel resolver under load (${tickets.length.toLocaleString('en')} tickets, MariaDB)`);
    out();
    out(
      "The panel resolver (`panel/get`) over the suite's database, a fresh app per request as Forge builds one per invocation. **Warm**: the consumer has stored the ticket's suggestions (the usual case): classification, similar tickets and routing are read, the SLA risk is re-scored. **Cold**: a first open with nothing stored: the classifier model is loaded and run, similar tickets are searched in SQL, routing and SLA are computed, and the result is stored back. Jira answers in-process, so these are the resolver's own work (SQL + engines). All requests run in one Node process: 50 in flight share its single thread, where Forge runs 50 separate invocations.",
    );
    out();
    out('| requests | n | p50 ms | p99 ms | max ms |');
    out('| --- | ---: | ---: | ---: | ---: |');
    out(row('warm, one at a time', warm.sequential));
    out(row(`warm, ${CONCURRENCY} in flight`, warm.concurrent));
    out(row('cold, one at a time', cold.sequential));
    out(row(`cold, ${CONCURRENCY} in flight`, cold.concurrent));
    out();
    out(
      `Throughput with ${CONCURRENCY} in flight in one process: warm ${warm.perSecond.toFixed(1)} panels/s, cold ${cold.perSecond.toFixed(1)} panels/s. Target: p99 ≤ 300 ms for the resolver's own work.`,
    );
    out();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
