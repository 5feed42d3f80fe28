/**
 * `npm run bench sla` (issue 14): the SLA breach classifier of `eval sla` and the app (stacked
 * one-hot logistic regression and histogram boosted trees, choice and calibration by
 * cross-validation on the training rows) on every UCI SLA table of the protocol, each with the
 * chrono and the mod5 split, beside one-hot logistic regression (C 1 and C 0.3) of the same run.
 * Deterministic: fixed tables, splits and seeds; only the timings vary.
 */
import { join, resolve } from 'node:path';
import { readTable } from '../src/local/adapters/read-table';
import type { Table } from '../src/engine/data';
import { type BinaryOutcome, brierScore, calibrationError, rocAuc } from '../src/engine/eval';
import type { EncoderSpec } from '../src/engine/tabular';
import { slaDataset } from '../src/local/cli/eval/sla-dataset';
import type { SlaDataset } from '../src/local/cli/eval/sla-dataset';
import { runSlaEval } from '../src/local/cli/eval/sla-run';
import { oneHotLogistic } from './baselines/one-hot-lr';
import { AT_OPEN_EXTENDED } from './baselines/uci-route-sla-models';
import {
  IN_FLIGHT_CATEGORICAL,
  IN_FLIGHT_NUMERIC,
  groupIncidents,
  slaAtOpen,
  slaInFlight,
} from './baselines/uci-sla-tables';

const DATASETS = process.env.TRIAGE_DATASETS ?? resolve(__dirname, '..', '..', 'shared', 'datasets');
const TARGET_ECE = 0.03;

interface Variant {
  name: string;
  table: Table;
  categorical: readonly string[];
  numeric: readonly string[];
  /** The AUC target for this table, when it names one. */
  targetAuc?: number;
}

interface Scores {
  auc: number;
  brier: number;
  ece: number;
}

const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
const f4 = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : 'n/a');
const out = (s = ''): void => {
  process.stdout.write(`${s}\n`);
};
const score = (o: readonly BinaryOutcome[]): Scores => ({
  auc: rocAuc(o),
  brier: brierScore(o),
  ece: calibrationError(o, 10),
});

function dataset(v: Variant, split: 'chrono' | 'mod5'): SlaDataset {
  return slaDataset(v.table, {
    labelColumn: 'made_sla',
    positive: 'false',
    features: v.categorical,
    numeric: v.numeric,
    split,
    timeColumn: 'opened_at',
  });
}

function main(): void {
  const { incidents, col } = groupIncidents(readTable(join(DATASETS, 'uci-incident-events.csv.gz')));
  const variants: Variant[] = [
    {
      name: `at open (${AT_OPEN_EXTENDED.length} first-event fields)`,
      table: slaAtOpen(incidents, col, AT_OPEN_EXTENDED).table,
      categorical: AT_OPEN_EXTENDED,
      numeric: [],
      targetAuc: 0.82,
    },
    {
      name: 'in flight (median event)',
      table: slaInFlight(incidents, col).table,
      categorical: IN_FLIGHT_CATEGORICAL,
      numeric: IN_FLIGHT_NUMERIC,
      targetAuc: 0.94,
    },
  ];
  out(
    '| table | split | model | AUC | Brier | ECE | beats both LR (AUC and Brier) | targets | choice | train s |',
  );
  out('|---|---|---|---|---|---|---|---|---|---|');
  for (const v of variants) {
    for (const split of ['chrono', 'mod5'] as const) {
      const data = dataset(v, split);
      const spec: EncoderSpec = {
        categorical: v.categorical,
        numeric: v.numeric,
        crosses: [],
        numericBins: 10,
        minCount: 1,
      };
      const lr1 = score(oneHotLogistic(data, spec, 1));
      const lr03 = score(oneHotLogistic(data, spec, 0.3));
      const ours = runSlaEval(data, spec, () => performance.now());
      const s = score(ours.outcomes);
      const beats = [lr1, lr03].every((b) => s.auc > b.auc && s.brier < b.brier);
      const targets = [
        v.targetAuc === undefined ? '' : `AUC ≥ ${v.targetAuc}: ${s.auc >= v.targetAuc ? 'met' : 'not met'}`,
        `ECE ≤ ${TARGET_ECE}: ${s.ece <= TARGET_ECE ? 'met' : 'not met'}`,
      ]
        .filter((t) => t !== '')
        .join('; ');
      const rows: [string, Scores, string, string, string, string][] = [
        ['one-hot LR, C 1', lr1, '', '', '', ''],
        ['one-hot LR, C 0.3', lr03, '', '', '', ''],
        [
          '**ours (eval sla)**',
          s,
          beats ? 'yes' : 'no',
          targets,
          `${ours.choice.model}, ${ours.choice.calibration} on ${ours.choice.slice}`,
          (ours.result.train_ms / 1000).toFixed(1),
        ],
      ];
      for (const [model, m, b, t, choice, secs] of rows)
        out(
          `| ${v.name} | ${split} (${data.trainRows.length} / ${data.testRows.length}) | ${model} | ${f4(m.auc)} | ${f3(m.brier)} | ${f3(m.ece)} | ${b} | ${t} | ${choice} | ${secs} |`,
        );
    }
  }
}

main();
