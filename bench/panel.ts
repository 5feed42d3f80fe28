/**
 * `npm run bench panel` (issue 10): `triage-lens eval panel` on the demo desk, with its planted
 * duplicate pairs (`demo --truth`) and its SLA goals, and the issue's targets checked against
 * the figures. The engine baselines (each field's stored model on the same tickets through
 * eval classify's path) come from the same run. `npx tsx bench/panel.ts [--test-limit N]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PanelEvalResult } from '../src/local/cli/eval/panel-score';
import { DEFAULT_CONFIG } from '../src/contracts/config';
import { MAX_LOCALE_MISMATCH_SHARE, MAX_STOPWORD_SHARE } from '../scripts/panel-gate';

const CLI = join(__dirname, '..', 'bin', 'triage-lens.js');
/** The demo desk's resolution goals (src/local/demo/desk-setup.ts); `*` for tickets that arrive without a priority. */
const SLA_GOALS = 'Lowest=240h,Low=120h,Medium=72h,High=24h,Highest=8h,*=72h';
const MIN_SIMILAR_SHOWN = 0.8;

const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

const limitAt = process.argv.indexOf('--test-limit');
const limit = limitAt === -1 ? [] : ['--test-limit', process.argv[limitAt + 1] ?? ''];
const dir = mkdtempSync(join(tmpdir(), 'tl-bench-panel-'));
try {
  const demo = join(dir, 'demo.csv');
  const truthFile = join(dir, 'truth.json');
  execFileSync(process.execPath, [CLI, 'demo', '--out', demo, '--truth', truthFile], { stdio: 'pipe' });
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { duplicates: [string, string][] };
  const pairs = join(dir, 'pairs.csv');
  writeFileSync(pairs, `Issue id,Duplicate id\n${truth.duplicates.map((d) => d.join(',')).join('\n')}\n`);

  const args = [
    'eval',
    'panel',
    '--input',
    demo,
    '--pairs',
    pairs,
    '--sla-goals',
    SLA_GOALS,
    ...limit,
    '--json',
  ];
  const before = load();
  const started = Date.now();
  const stdout = execFileSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  const lines = stdout.trim().split('\n');
  const r = JSON.parse(lines.pop() ?? '') as PanelEvalResult;

  out(
    `Command: \`triage-lens demo --out demo.csv --truth truth.json\` (pairs.csv from its duplicates), then ` +
      `\`triage-lens eval panel --input demo.csv --pairs pairs.csv --sla-goals '${SLA_GOALS}'${limit.length > 0 ? ` ${limit.join(' ')}` : ''} --json\`, ` +
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${seconds.toFixed(0)} s wall; load average before → after (1/5/15 min): ${before} → ${load()}.`,
  );
  out();
  out('```');
  for (const l of lines) out(l);
  out('```');
  out();
  const precisionTarget = (id: string) =>
    DEFAULT_CONFIG.fields.find((f) => f.fieldId === id)?.precisionTarget ?? 0.9;
  out('| field | column | suggested | accuracy when suggested | target | top-3 | engine top-1 (baseline) |');
  out('|---|---|---|---|---|---|---|');
  for (const [id, f] of Object.entries(r.fields))
    out(
      `| ${id} | ${f.column} | ${pct(f.suggested_share)} | ${pct(f.accuracy_when_suggested)} | ${pct(precisionTarget(id))} | ${pct(f.top3_accuracy)} | ${pct(f.engine_accuracy)} |`,
    );
  out();
  // The panel's own top-1 per field is in the report's table (the JSON keeps to the agreed keys).
  const panelTop1 = new Map<string, number | null>();
  for (const l of lines) {
    const m = /^ {2}(\S+) \(.*?((?:\s+(?:—|[\d.]+ %)){5})$/.exec(l);
    const cells = m?.[2]?.trim().split(/\s{2,}/);
    if (m?.[1] !== undefined && cells?.[2] !== undefined)
      panelTop1.set(m[1], cells[2] === '—' ? null : Number(cells[2].replace(' %', '')) / 100);
  }
  const checks: [string, boolean][] = [
    [
      `why_stopword_share ${r.why_stopword_share} ≤ ${MAX_STOPWORD_SHARE}`,
      r.why_stopword_share <= MAX_STOPWORD_SHARE,
    ],
    [
      `locale_mismatch_share ${r.locale_mismatch_share} = ${MAX_LOCALE_MISMATCH_SHARE}`,
      r.locale_mismatch_share <= MAX_LOCALE_MISMATCH_SHARE,
    ],
    [
      `similar_shown_share ${r.similar_shown_share} ≥ ${MIN_SIMILAR_SHOWN}`,
      r.similar_shown_share >= MIN_SIMILAR_SHOWN,
    ],
    ...Object.entries(r.fields)
      .filter(([, f]) => f.suggested_share > 0)
      .map(([id, f]): [string, boolean] => [
        `${id}: accuracy when suggested ${pct(f.accuracy_when_suggested)} ≥ target ${pct(precisionTarget(id))}`,
        (f.accuracy_when_suggested ?? 0) >= precisionTarget(id),
      ]),
    ...Object.entries(r.fields).map(([id, f]): [string, boolean] => {
      const top1 = panelTop1.get(id) ?? null;
      return [
        `${id}: panel top-1 ${pct(top1)} ≥ engine top-1 ${pct(f.engine_accuracy)} − 1 point`,
        top1 !== null && f.engine_accuracy !== null && top1 >= f.engine_accuracy - 0.01,
      ];
    }),
  ];
  out('| target | holds |');
  out('|---|---|');
  for (const [what, holds] of checks) out(`| ${what} | ${holds ? 'yes' : '**no**'} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
