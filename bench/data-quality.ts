/**
 * `npm run bench data-quality`: the readiness report's data-quality findings and duplicate
 * figures scored against what the demo generator planted (issue 11). For each seed it runs the
 * CLI exactly as a lead would: `triage-lens demo --out demo.csv --truth truth.json --seed S`,
 * then `triage-lens readiness --input demo.csv --json`, and reads the last stdout line.
 * - mislabels: recall = planted mislabels that a `mislabel` finding names (its key, its field);
 *   precision = `mislabel` findings (every field) that name a planted one;
 * - duplicates: planted pairs counted in the duplicate figures (linked, or resolved as a
 *   duplicate without a link), and of those how many were paired with the right original.
 * Seed 2 is the design desk (what the choices in src/local/readiness/quality-findings.ts were looked
 * at on); seed 1 is the desk the issue measures, reported as it came out. BENCH_DQ_SEEDS=1,2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const CLI = join(__dirname, '..', 'bin', 'triage-lens.js');
const SEEDS = (process.env.BENCH_DQ_SEEDS ?? '2,1').split(',').map(Number);

const Truth = z.object({
  mislabels: z.array(z.object({ key: z.string(), field: z.string() })),
  duplicates: z.array(z.tuple([z.string(), z.string()])),
});
const Pair = z.tuple([z.string(), z.string()]);
const Output = z.object({
  tickets: z.number(),
  duplicates: z.object({
    pairs: z.number(),
    linkedPairs: z.array(Pair),
    resolvedUnlinkedPairs: z.array(Pair),
  }),
  findings: z.array(z.object({ kind: z.string(), field: z.string().nullable(), keys: z.array(z.string()) })),
});

function cli(args: string[]): { stdout: string; seconds: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`triage-lens ${args[0]} failed: ${r.stderr}`);
  return { stdout: r.stdout, seconds: (Date.now() - started) / 1000 };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const dir = mkdtempSync(join(tmpdir(), 'tl-bench-dq-'));
process.stdout.write(
  '| seed | tickets | planted mislabels | mislabel findings | found (recall) | correct (precision) | planted duplicate pairs | counted | right original | readiness s |\n|---|---|---|---|---|---|---|---|---|---|\n',
);
for (const seed of SEEDS) {
  const csv = join(dir, `demo-${seed}.csv`);
  const truthPath = join(dir, `truth-${seed}.json`);
  cli(['demo', '--out', csv, '--truth', truthPath, '--seed', String(seed)]);
  const truth = Truth.parse(JSON.parse(readFileSync(truthPath, 'utf8')));
  const run = cli(['readiness', '--input', csv, '--json']);
  const out = Output.parse(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? ''));
  const mislabels = out.findings.filter((f) => f.kind === 'mislabel');
  const planted = new Set(truth.mislabels.map((m) => `${m.field}|${m.key}`));
  const named = new Set(mislabels.flatMap((f) => f.keys.map((k) => `${f.field ?? ''}|${k}`)));
  const found = [...planted].filter((p) => named.has(p)).length;
  const correct = mislabels.filter((f) => f.keys.some((k) => planted.has(`${f.field ?? ''}|${k}`))).length;
  const pairs = [...out.duplicates.linkedPairs, ...out.duplicates.resolvedUnlinkedPairs];
  const byDuplicate = new Map(pairs.map(([a, b]) => [b, a]));
  const pairKeys = new Set(pairs.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const counted = truth.duplicates.filter(([o, d]) => byDuplicate.has(d) || pairKeys.has(`${o}|${d}`));
  const right = truth.duplicates.filter(([o, d]) => pairKeys.has(`${o}|${d}`)).length;
  process.stdout.write(
    `| ${seed} | ${out.tickets} | ${planted.size} | ${mislabels.length} | ${found} (${pct(found, planted.size)}) | ${correct} (${pct(correct, mislabels.length)}) | ${truth.duplicates.length} | ${counted.length} (figures: ${out.duplicates.pairs} pairs) | ${right} | ${run.seconds.toFixed(0)} |\n`,
  );
}
process.stdout.write(`\nload average ${loadavg()[0]?.toFixed(1)} at the end (2 cores).\n`);
