/**
 * Baseline for `bench/classify.ts`: ml-naivebayes' MultinomialNB on dense word-count vectors over
 * the `--vocab` most frequent training words (lower-cased letter/digit runs, as a plain
 * CountVectorizer). Runs in its own process so its peak RSS is its own; prints one JSON line.
 * usage: node --import tsx bench/baselines/naive-bayes-classify.ts --input F --text A[,B] --label L --vocab N
 */
import { performance } from 'node:perf_hooks';
import { MultinomialNB } from 'ml-naivebayes';
import { readTable } from '../../src/local/adapters/read-table';
import { classifyDataset } from '../../src/local/cli/eval/classify-dataset';
import type { LabelledTicket } from '../../src/engine/classify';

const arg = (name: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
};

const words = (t: LabelledTicket): string[] =>
  `${t.text.summary ?? ''}\n${t.text.description ?? ''}`.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];

const data = classifyDataset(readTable(arg('input')), {
  textColumns: arg('text').split(','),
  labelColumn: arg('label'),
  split: 'mod5',
});
const vocabSize = Number(arg('vocab'));
const t0 = performance.now();
const freq = new Map<string, number>();
for (const t of data.train) for (const w of words(t)) freq.set(w, (freq.get(w) ?? 0) + 1);
const vocab = new Map(
  [...freq]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, vocabSize)
    .map(([w], i) => [w, i]),
);
const labels = [...new Set(data.train.map((t) => t.label))].sort();
const labelIndex = new Map(labels.map((l, i) => [l, i]));
/** Dense rows, as the library takes them (it copies them into its own matrices). */
const dense = (tickets: readonly LabelledTicket[]): number[][] =>
  tickets.map((t) => {
    const row = new Array<number>(vocab.size).fill(0);
    for (const w of words(t)) {
      const c = vocab.get(w);
      if (c !== undefined) row[c] = (row[c] ?? 0) + 1;
    }
    return row;
  });
const nb = new MultinomialNB();
nb.train(
  dense(data.train),
  data.train.map((t) => labelIndex.get(t.label) ?? 0),
);
const trainMs = performance.now() - t0;
const predicted = nb.predict(dense(data.test));
const hits = data.test.filter((t, i) => labels[predicted[i] ?? -1] === t.label).length;
process.stdout.write(
  `${JSON.stringify({ vocab: vocab.size, accuracy: hits / data.test.length, train_ms: Math.round(trainMs), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
