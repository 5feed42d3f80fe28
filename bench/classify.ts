/**
 * `npm run bench classify`: classification (issue 2) on the protocol of
 * ../shared/docs/benchmarks.md (mod5 split), in one run beside the baselines:
 * - ours: the built CLI, `node bin/triage-lens.js eval classify … --json` (a child process, so
 *   its peak RSS is its own);
 * - ml-naivebayes MultinomialNB on the largest vocabulary whose run stays within 2 GB peak RSS
 *   (each try a child process), with its train time and peak RSS;
 * - the majority class of the training split.
 * multilang-synthetic also gets German and English accuracy separately (same engine, in process).
 * Deterministic: fixed data, fixed split, fixed seeds; timings depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ClassifyEvalResult } from '../src/local/cli/eval/classify-run';
import { readTable } from '../src/local/adapters/read-table';
import { classifyDataset } from '../src/local/cli/eval/classify-dataset';
import type { ClassifyDataset } from '../src/local/cli/eval/classify-dataset';
import type { LanguageAccuracy } from '../src/local/cli/eval/classify-languages';
import type { ClassificationDataset } from './baselines/classification-datasets';
import { CLASSIFICATION_DATASETS } from './baselines/classification-datasets';

// Nothing here imports the engine's text code: under tsx, tsconfig's type-only path mapping for
// @orama/stemmers does not load, so every engine run is a plain node child on the build.

const ROOT = join(__dirname, '..');
const DATA = join(ROOT, '..', 'shared', 'datasets');
const NB_LIMIT_MB = 2048;

type Dataset = ClassificationDataset;
const DATASETS = CLASSIFICATION_DATASETS;

const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
const f3 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));
const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T;

/** The options both our CLI and the NB baseline take for a dataset. */
const datasetArgs = (d: Dataset): string[] => [
  '--input',
  join(DATA, d.file),
  '--text',
  d.text.join(','),
  '--label',
  d.label,
];

function runOurs(d: Dataset): ClassifyEvalResult {
  const args = [join(ROOT, 'bin', 'triage-lens.js'), 'eval', 'classify', ...datasetArgs(d), '--json'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`eval classify failed on ${d.name}: ${r.stderr}`);
  return lastJson<ClassifyEvalResult>(r.stdout);
}

interface NbResult {
  vocab: number;
  accuracy: number;
  train_ms: number;
  peak_rss_mb: number;
}

function runNb(d: Dataset, vocab: number): NbResult | null {
  const script = join(__dirname, 'baselines', 'naive-bayes-classify.ts');
  const args = ['--import', 'tsx', script, ...datasetArgs(d), '--vocab', String(vocab)];
  const r = spawnSync(process.execPath, [`--max-old-space-size=${NB_LIMIT_MB * 2}`, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (r.status !== 0) return null;
  return lastJson<NbResult>(r.stdout);
}

/**
 * Largest vocabulary within the memory limit: start from an estimate (dense rows cost about
 * 3 × 8 bytes per cell with the library's copies) and shrink by a quarter until a run fits.
 */
function largestNb(d: Dataset, trainRows: number): NbResult | null {
  let vocab = Math.min(20_000, Math.floor((NB_LIMIT_MB * 1024 * 1024) / (trainRows * 8 * 3.5)));
  for (let attempt = 0; attempt < 5 && vocab >= 100; attempt++) {
    const r = runNb(d, vocab);
    if (r !== null && r.peak_rss_mb <= NB_LIMIT_MB) return r;
    vocab = Math.floor(vocab * 0.75);
  }
  return null;
}

function majority(data: ClassifyDataset): { label: string; accuracy: number } {
  const counts = new Map<string, number>();
  for (const t of data.train) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  const label = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  return { label, accuracy: data.test.filter((t) => t.label === label).length / data.test.length };
}

/** German and English accuracy separately, beside each language's majority class (a plain node child). */
function perLanguage(d: Dataset & { languageColumn: string }): void {
  const runner = join(ROOT, 'dist', 'cli', 'eval', 'classify-languages.js');
  const r = spawnSync(
    process.execPath,
    [runner, join(DATA, d.file), d.text.join(','), d.label, d.languageColumn],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`per-language run failed on ${d.name}: ${r.stderr}`);
  out('');
  out(`${d.name}, per language (mod5 test split; majority = the language's most frequent training label):`);
  out('');
  out('| language | test tickets | ours accuracy | majority accuracy |');
  out('|---|---|---|---|');
  for (const l of lastJson<LanguageAccuracy[]>(r.stdout))
    out(`| ${l.language} | ${l.tickets} | ${f3(l.accuracy)} | ${f3(l.majority)} |`);
}

const only = process.env.BENCH_CLASSIFY_DATASETS?.split(',');
out(
  '| dataset | model | accuracy | macro-F1 | cov@P0.90 | cov@P0.95 | ECE | train s | predict p50 / p99 ms | peak RSS MB | model KB |',
);
out('|---|---|---|---|---|---|---|---|---|---|---|');
for (const d of DATASETS.filter((x) => only === undefined || only.includes(x.name))) {
  const data = classifyDataset(readTable(join(DATA, d.file)), {
    textColumns: d.text,
    labelColumn: d.label,
    split: 'mod5',
  });
  const ours = runOurs(d);
  out(
    `| ${d.name} | ours (eval classify) | ${f3(ours.accuracy)} | ${f3(ours.macro_f1)} | ${f3(ours.coverage_at_precision['0.9'])} | ${f3(ours.coverage_at_precision['0.95'])} | ${f3(ours.ece)} | ${(ours.train_ms / 1000).toFixed(1)} | ${ours.predict_ms_p50} / ${ours.predict_ms_p99} | ${ours.peak_rss_mb} | ${Math.round(ours.model_bytes / 1024)} |`,
  );
  const nb = largestNb(d, data.train.length);
  out(
    nb === null
      ? `| ${d.name} | ml-naivebayes | no vocabulary fit in ${NB_LIMIT_MB} MB | | | | | | | | |`
      : `| ${d.name} | ml-naivebayes MultinomialNB, ${nb.vocab} words | ${f3(nb.accuracy)} | — | — | — | — | ${(nb.train_ms / 1000).toFixed(1)} | — | ${nb.peak_rss_mb} | — |`,
  );
  const m = majority(data);
  out(`| ${d.name} | majority ("${m.label}") | ${f3(m.accuracy)} | — | — | — | — | — | — | — | — |`);
}
const ml = DATASETS.find((d) => d.languageColumn !== undefined);
if (ml?.languageColumn !== undefined && (only === undefined || only.includes(ml.name)))
  perLanguage({ ...ml, languageColumn: ml.languageColumn });
