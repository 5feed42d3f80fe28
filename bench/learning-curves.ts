/**
 * `npm run bench learning-curves` (issue 14, cold start): for each classification dataset, the
 * protocol's learning curve: train on the first 100, 300, 1,000, 3,000 tickets of a seed-7
 * permutation of the mod5 training split, and on all of it; test on the whole mod5 test split.
 * Ours is the built CLI (`eval classify --train-size N --json`, a child process); beside it, in
 * the same run and on the same sample, TF-IDF (1–2-grams, sublinear tf) + linear SVM (C 1) and
 * the sample's majority class. Deterministic: fixed data, splits and seeds.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readTable } from '../src/local/adapters/read-table';
import type { Table } from '../src/engine/data';
import { classifyDataset } from '../src/local/cli/eval/classify-dataset';
import type { ClassifyDataset } from '../src/local/cli/eval/classify-dataset';
import type { ClassifyEvalResult } from '../src/local/cli/eval/classify-run';
import type { ClassificationDataset } from './baselines/classification-datasets';
import { CLASSIFICATION_DATASETS } from './baselines/classification-datasets';
import { trainTfidfLinearSvm } from './baselines/tfidf-linear-svm';

const ROOT = join(__dirname, '..');
const DATA = process.env.TRIAGE_DATASETS ?? join(ROOT, '..', 'shared', 'datasets');
const SIZES = [100, 300, 1000, 3000, Number.POSITIVE_INFINITY];
const SEED = 7;

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const f3 = (x: number): string => x.toFixed(3);

function ours(file: string, d: ClassificationDataset, size: number): ClassifyEvalResult {
  const sample = Number.isFinite(size) ? ['--train-size', String(size), '--seed', String(SEED)] : [];
  const args = [
    'eval',
    'classify',
    '--input',
    file,
    '--text',
    d.text.join(','),
    '--label',
    d.label,
    ...sample,
  ];
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'triage-lens.js'), ...args, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`eval classify failed on ${d.name} at ${size}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as ClassifyEvalResult;
}

function baselines(data: ClassifyDataset): { svm: number; majority: number } {
  const text = (t: ClassifyDataset['train'][number]): string =>
    `${t.text.summary ?? ''}\n${t.text.description ?? ''}`;
  const svm = trainTfidfLinearSvm(data.train.map((t) => ({ text: text(t), label: t.label })));
  const counts = new Map<string, number>();
  for (const t of data.train) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  const major = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  const share = (hit: (t: ClassifyDataset['test'][number]) => boolean): number =>
    data.test.filter(hit).length / data.test.length;
  return { svm: share((t) => svm.predict(text(t)) === t.label), majority: share((t) => t.label === major) };
}

function main(): void {
  out('| dataset | training tickets | ours | TF-IDF + linear SVM | majority | ours − SVM |');
  out('|---|---|---|---|---|---|');
  for (const d of CLASSIFICATION_DATASETS) {
    const file = join(DATA, d.file);
    const table: Table = readTable(file);
    for (const size of SIZES) {
      const data = classifyDataset(table, {
        textColumns: d.text,
        labelColumn: d.label,
        split: 'mod5',
        ...(Number.isFinite(size) ? { trainSample: { size, seed: SEED } } : {}),
      });
      // A point past the whole training split is the "all" row, printed last.
      if (data.train.length < size && Number.isFinite(size)) continue;
      const mine = ours(file, d, size);
      const base = baselines(data);
      out(
        `| ${d.name} | ${data.train.length}${Number.isFinite(size) ? '' : ' (all)'} | ${f3(mine.accuracy)} | ${f3(base.svm)} | ${f3(base.majority)} | ${(mine.accuracy - base.svm >= 0 ? '+' : '') + f3(mine.accuracy - base.svm)} |`,
      );
    }
  }
}

main();
