/**
 * Child process of bench/route-sla.ts: trains everything routing and SLA need on the UCI
 * training history (final-group model and its field index, SLA-at-open and in-flight classifiers, time-to-resolution
 * model) from the derived tables, alone in a fresh process, and prints one JSON line with the
 * wall time and the peak RSS. Usage: node --import tsx train-cost-route-sla.ts DIR
 */
import { join } from 'node:path';
import { readTable } from '../../src/local/adapters/read-table';
import { parseDate } from '../../src/engine/data';
import { chronoSplit } from '../../src/engine/eval';
import { trainResolutionModel } from '../../src/engine/sla';
import { trainCalibratedClassifier, buildFieldIndex } from '../../src/engine/tabular';
import { slaDataset } from '../../src/local/cli/eval/sla-dataset';
import { AT_OPEN_CROSSES, AT_OPEN_EXTENDED, trainRouteModel } from './uci-route-sla-models';
import { IN_FLIGHT_CATEGORICAL, IN_FLIGHT_NUMERIC, ROUTE_FIELDS } from './uci-sla-tables';

const dir = process.argv[2] ?? '.';
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const group = readTable(join(dir, 'route.csv'));
const h = group.header;
const split = chronoSplit(group.rows.map((r) => parseDate(r[h.indexOf('opened_at')] ?? '')));
const train = split.train.map((i) => group.rows[i] as string[]);
const routeRows = train.map((r) => ({
  categorical: ROUTE_FIELDS.map((f) => r[h.indexOf(f)] ?? ''),
  numeric: [],
}));
buildFieldIndex(routeRows.map((r) => r.categorical));
trainRouteModel(
  routeRows,
  train.map((r) => r[h.indexOf('final_group')] ?? ''),
  train.map((r) => parseDate(r[h.indexOf('opened_at')] ?? '')),
);
const open = slaDataset(readTable(join(dir, 'sla-open.csv')), {
  labelColumn: 'made_sla',
  positive: 'false',
  features: AT_OPEN_EXTENDED,
  numeric: [],
  split: 'chrono',
  timeColumn: 'opened_at',
});
trainCalibratedClassifier(
  { categorical: AT_OPEN_EXTENDED, numeric: [], crosses: AT_OPEN_CROSSES, numericBins: 10, minCount: 1 },
  open.trainRows,
  open.trainLabels,
);
const flight = slaDataset(readTable(join(dir, 'sla-flight.csv')), {
  labelColumn: 'made_sla',
  positive: 'false',
  features: IN_FLIGHT_CATEGORICAL,
  numeric: IN_FLIGHT_NUMERIC,
  split: 'chrono',
  timeColumn: 'opened_at',
});
trainCalibratedClassifier(
  { categorical: IN_FLIGHT_CATEGORICAL, numeric: IN_FLIGHT_NUMERIC, numericBins: 10, minCount: 1 },
  flight.trainRows,
  flight.trainLabels,
);
const durations = readTable(join(dir, 'durations.csv'));
trainResolutionModel(
  durations.rows.map((r) => ({
    ms: Number(r[0]),
    resolved: r[1] === 'true',
    segments: [`priority=${r[2] ?? ''}`, `priority=${r[2] ?? ''}|category=${r[3] ?? ''}`],
  })),
);
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    train_ms: Math.round(performance.now() - t0),
    // CPU time stays meaningful when other work shares the machine; wall time does not.
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
