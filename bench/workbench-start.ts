/**
 * How long `npm start` takes until the panel is usable: the real command (`node
 * bin/triage-lens.js workbench`, built by `npm run build`) in a child process, timed from the spawn
 * until one open demo ticket's panel answers all four sections `ok` with every suggest-mode field
 * classified. Also times the two build steps `npm start` runs first, and reports the child's CPU
 * time and the load average (the machine is shared).
 *
 * `npx tsx bench/workbench-start.ts [--full-training] [--tickets N]` or `npm run bench workbench-start`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateDemo } from '../src/local/demo/generate';
import type { SeedTicket } from '../src/local/emulator/seed';
import { predict, trainClassifier, type TrainOptions } from '../src/engine/classify';
import { chronoSplit } from '../src/engine/eval';
import { QUICK_TRAINING } from '../src/local/workbench/engines';

const ROOT = join(__dirname, '..');
const TICK_SECONDS = 1 / 100; // USER_HZ on Linux
const LIMIT_MS = 15 * 60_000;

/** CPU seconds of a process (all its threads), or of this process's waited-for children. */
function cpuSeconds(pid: number | 'self-children'): number {
  const stat = readFileSync(`/proc/${pid === 'self-children' ? 'self' : pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: utime, stime are fields 14-15 of stat, cutime, cstime 16-17.
  const at = pid === 'self-children' ? 13 : 11;
  return (Number(fields[at]) + Number(fields[at + 1])) * TICK_SECONDS;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

/** One build step as `npm start` runs it: wall and CPU seconds. */
function timeStep(script: string): { wall: number; cpu: number } {
  const cpu0 = cpuSeconds('self-children');
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
  return { wall: (Date.now() - t0) / 1000, cpu: cpuSeconds('self-children') - cpu0 };
}

interface Invoked {
  ok: boolean;
  data?: {
    classification: { status: string; data?: { fieldId: string }[] };
    routing: { status: string };
    similar: { status: string };
    sla: { status: string };
  };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return res.json();
}

/** The newest open tickets, through the workbench's Jira proxy (what the ticket list shows). */
async function openKeys(base: string): Promise<string[]> {
  const body = (await post(`${base}/__workbench/jira/rest/api/3/search/jql`, {
    jql: 'statusCategory != Done ORDER BY created DESC',
    maxResults: 8,
    fields: ['summary'],
  })) as { issues: { key: string }[] };
  return body.issues.map((i) => i.key);
}

/** Whether the panel shows all four sections with a suggestion for every suggest-mode field. */
function usable(panel: Invoked, suggestFields: readonly string[]): boolean {
  const d = panel.data;
  if (!panel.ok || !d) return false;
  const sections = [d.classification, d.routing, d.similar, d.sla];
  const classified = new Set((d.classification.data ?? []).map((f) => f.fieldId));
  return sections.every((s) => s.status === 'ok') && suggestFields.every((f) => classified.has(f));
}

interface StartResult {
  listening: number;
  backfilled: number;
  usable: number;
  ready: number;
  cpuAtUsable: number;
  cpuAtReady: number;
  loadBefore: string;
  loadAfter: string;
  ticket: string;
}

async function startOnce(fullTraining: boolean, tickets: number): Promise<StartResult> {
  const loadBefore = load();
  const t0 = Date.now();
  const args = ['bin/triage-lens.js', 'workbench', '--port', '0', '--tickets', String(tickets)];
  if (fullTraining) args.push('--full-training');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the workbench did not start');
  const since = () => (Date.now() - t0) / 1000;
  try {
    let backfilled = Number.NaN;
    const base = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const m = /workbench: (http:\/\/\S+)/.exec(line);
        if (m?.[1]) resolve(m[1]);
        if (line.includes('Backfill done')) backfilled = since();
      });
      child.once('exit', (code) => reject(new Error(`the workbench exited (${code ?? 'signal'})`)));
    });
    const listening = since();
    const config = (await post(`${base}/__workbench/invoke`, {
      functionKey: 'admin/config/get',
      payload: {},
      context: { app: 'admin' },
    })) as { data: { fields: { fieldId: string; mode: string }[] } };
    const suggestFields = config.data.fields.filter((f) => f.mode === 'suggest').map((f) => f.fieldId);
    const keys = await openKeys(base);
    let found: { at: number; cpu: number; key: string } | null = null;
    let next = 0;
    for (;;) {
      if (Date.now() - t0 > LIMIT_MS) throw new Error('not usable within the time limit');
      const status = (await (await fetch(`${base}/__workbench/status`)).json()) as { phase: string };
      if (status.phase === 'failed') throw new Error('the warm-up failed');
      // Before the backfill is done there is no model: only the cheap status is asked.
      if (found === null && (status.phase === 'training' || status.phase === 'ready')) {
        const key = keys[next++ % keys.length] as string;
        const panel = (await post(`${base}/__workbench/invoke`, {
          functionKey: 'panel/get',
          payload: { issueKey: key },
          context: { app: 'issue-panel', issueKey: key },
        })) as Invoked;
        if (usable(panel, suggestFields)) found = { at: since(), cpu: cpuSeconds(pid), key };
      }
      if (found !== null && status.phase === 'ready') {
        return {
          listening,
          backfilled,
          usable: found.at,
          ready: since(),
          cpuAtUsable: found.cpu,
          cpuAtReady: cpuSeconds(pid),
          loadBefore,
          loadAfter: load(),
          ticket: found.key,
        };
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

/** The demo desk's training labels per field, as the app's `trainingLabel` reads them. */
const FIELDS: { id: string; label: (t: SeedTicket) => string | null }[] = [
  { id: 'requestType', label: (t) => t.requestTypeId },
  { id: 'priority', label: (t) => t.priority },
  { id: 'components', label: (t) => t.components[0] ?? null },
  { id: 'labels', label: (t) => t.labels[0] ?? null },
];

/**
 * What the workbench's quick classifier costs and loses: per field, the training's probe (older
 * 80 % of the resolved demo tickets) timed in CPU and scored top-1 on the newest 20 %, with
 * Forge's defaults and with QUICK_TRAINING.
 */
function classifierCost(tickets: number): void {
  const resolved = generateDemo({ seed: 1, tickets }).site.tickets.filter((t) => t.statusCategory === 'done');
  process.stdout.write(
    `\nClassifier probe per field (${resolved.length} resolved demo tickets, older 80 % → newest 20 %): CPU seconds, top-1 accuracy.\n\n| options | ${FIELDS.map((f) => f.id).join(' | ')} | CPU total |\n|---|${FIELDS.map(() => '---|').join('')}---|\n`,
  );
  const variants: [string, TrainOptions][] = [
    ['Forge defaults', {}],
    [`workbench ${JSON.stringify(QUICK_TRAINING)}`, QUICK_TRAINING],
  ];
  for (const [name, options] of variants) {
    let total = 0;
    const cells = FIELDS.map((field) => {
      const examples = resolved.flatMap((t) => {
        const label = field.label(t);
        return label === null
          ? []
          : [{ text: { summary: t.summary, description: t.description }, label, at: t.created }];
      });
      const split = chronoSplit(examples.map((e) => e.at));
      const start = process.cpuUsage();
      const model = trainClassifier(
        split.train.map((i) => examples[i] as (typeof examples)[number]),
        {
          ...options,
          targetPrecision: 0.9,
        },
      );
      const used = process.cpuUsage(start);
      const cpu = (used.user + used.system) / 1e6;
      total += cpu;
      const hits = split.test.filter((i) => {
        const e = examples[i] as (typeof examples)[number];
        return predict(model, e.text).ranked[0]?.label === e.label;
      }).length;
      return `${cpu.toFixed(1)} s, ${(hits / Math.max(1, split.test.length)).toFixed(3)}`;
    });
    process.stdout.write(`| ${name} | ${cells.join(' | ')} | ${total.toFixed(1)} s |\n`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const ticketsAt = argv.indexOf('--tickets');
  const tickets = ticketsAt >= 0 ? Number(argv[ticketsAt + 1]) : 3000;
  const modes = argv.includes('--full-training')
    ? [true]
    : argv.includes('--quick')
      ? [false]
      : [false, true];
  const build = timeStep('build');
  const ui = timeStep('build:ui');
  process.stdout.write(
    `Build steps of \`npm start\` on a warm install: \`npm run build\` ${build.wall.toFixed(1)} s wall / ${build.cpu.toFixed(1)} s CPU, \`npm run build:ui\` ${ui.wall.toFixed(1)} s / ${ui.cpu.toFixed(1)} s.\n\n`,
  );
  process.stdout.write(
    '| training | tickets | listening | backfill done | panel usable | all trained | CPU at usable | CPU at ready | load avg before → after (1/5/15 min) | ticket |\n|---|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const full of modes) {
    const r = await startOnce(full, tickets);
    process.stdout.write(
      `| ${full ? 'full (Forge defaults)' : 'quick (workbench)'} | ${tickets} | ${r.listening.toFixed(1)} s | ${r.backfilled.toFixed(1)} s | ${r.usable.toFixed(1)} s | ${r.ready.toFixed(1)} s | ${r.cpuAtUsable.toFixed(1)} s | ${r.cpuAtReady.toFixed(1)} s | ${r.loadBefore} → ${r.loadAfter} | ${r.ticket} |\n`,
    );
  }
  classifierCost(tickets);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
