/**
 * Dev tool for choosing classifier design options honestly: trains on the TRAINING rows of the
 * mod5 split only and prints the model's own k-fold out-of-fold accuracy (what it chose C and
 * the view blend with), never looking at the test rows.
 *
 *   node --import tsx bench/classify-cv.ts FILE TEXT_COLS LABEL_COL '{"classWeightPower":0.5}'
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readTable } from '../src/local/adapters/read-table';
import { classifyDataset } from '../src/local/cli/eval/classify-dataset';
import { trainClassifier } from '../src/engine/classify';
import type { TrainOptions } from '../src/engine/classify';

const [file, text, label, json] = process.argv.slice(2);
if (file === undefined || text === undefined || label === undefined) {
  process.stderr.write('usage: classify-cv FILE TEXT_COLS LABEL_COL [OPTIONS_JSON]\n');
  process.exit(2);
}
const options = JSON.parse(json ?? '{}') as TrainOptions;
const data = classifyDataset(readTable(join(process.cwd(), file)), {
  textColumns: text.split(','),
  labelColumn: label,
  split: 'mod5',
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const model = trainClassifier(data.train, options);
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    options,
    train_rows: data.train.length,
    cross_validation: model.crossValidation,
    train_s: Number(((performance.now() - t0) / 1000).toFixed(1)),
    cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    features: model.vocab.buckets.length,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
