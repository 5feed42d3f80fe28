import { cell, requireColumn, type Table, parseDate } from '../../../engine/data';
import { type Split, chronoSplit, mod5Split } from '../../../engine/eval';
import { InputError } from '../../../engine/errors';
import type { TabularRow } from '../../../engine/tabular';

export interface SlaDatasetSpec {
  labelColumn: string;
  positive: string;
  features: readonly string[];
  numeric: readonly string[];
  split: 'mod5' | 'chrono';
  timeColumn?: string;
}

export interface SlaDataset {
  /** Training rows in split order (time order for chrono), so calibration uses the latest slice. */
  trainRows: TabularRow[];
  trainLabels: (0 | 1)[];
  testRows: TabularRow[];
  testLabels: (0 | 1)[];
  /**
   * Each training row's time, only for the chrono split, where the test rows come after every
   * training row: the model may then check whether recent rows calibrate better. With mod5 the
   * test rows are spread over all times, so no time is given and no order is assumed.
   */
  trainTimes?: number[];
  skippedEmptyLabel: number;
}

const MISSING_NUMBER = new Set(['', '?', 'NA', 'NaN', 'null']);

function readNumber(text: string, column: string, rowNumber: number): number {
  const t = text.trim();
  if (MISSING_NUMBER.has(t)) return Number.NaN;
  const v = Number(t);
  if (!Number.isFinite(v)) {
    throw new InputError(
      'bad_value',
      `column "${column}" row ${rowNumber}: "${t.slice(0, 40)}" is not a number`,
    );
  }
  return v;
}

function readTime(text: string): number {
  const d = parseDate(text);
  if (!Number.isNaN(d)) return d;
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(v) ? v : Number.NaN;
}

/**
 * Turns a one-row-per-ticket table into labelled tabular rows. The split is taken over the
 * file's data rows before rows without a label are dropped, so dropping never shifts it.
 */
export function slaDataset(table: Table, spec: SlaDatasetSpec): SlaDataset {
  if (spec.features.length + spec.numeric.length === 0) {
    throw new InputError('bad_argument', 'give at least one column in --features or --numeric');
  }
  const labelCol = requireColumn(table, spec.labelColumn);
  const catCols = spec.features.map((c) => requireColumn(table, c));
  const numCols = spec.numeric.map((c) => requireColumn(table, c));
  if (table.rows.length === 0) throw new InputError('empty_input', 'the file has a header but no data rows');
  const positive = spec.positive.trim();
  if (!table.rows.some((r) => cell(r, labelCol).trim() === positive)) {
    throw new InputError(
      'bad_value',
      `no row has "${positive}" in column "${spec.labelColumn}" (--positive)`,
    );
  }
  let split: Split;
  let times: number[] | undefined;
  if (spec.split === 'chrono') {
    if (spec.timeColumn === undefined)
      throw new InputError('bad_argument', '--split chrono needs --time COL');
    const t = requireColumn(table, spec.timeColumn);
    times = table.rows.map((r) => readTime(cell(r, t)));
    if (times.every((v) => Number.isNaN(v)))
      throw new InputError('bad_value', `column "${spec.timeColumn}" has no readable dates`);
    split = chronoSplit(times);
  } else {
    split = mod5Split(table.rows.length);
  }
  let skippedEmptyLabel = 0;
  const take = (indexes: readonly number[]): { rows: TabularRow[]; labels: (0 | 1)[]; times: number[] } => {
    const rows: TabularRow[] = [];
    const labels: (0 | 1)[] = [];
    const rowTimes: number[] = [];
    for (const i of indexes) {
      const row = table.rows[i] ?? [];
      const label = cell(row, labelCol).trim();
      if (label === '' || label === '?') {
        skippedEmptyLabel++;
        continue;
      }
      rows.push({
        categorical: catCols.map((c) => cell(row, c).trim()),
        numeric: numCols.map((c, k) => readNumber(cell(row, c), spec.numeric[k] ?? '', i + 2)),
      });
      labels.push(label === positive ? 1 : 0);
      rowTimes.push(times?.[i] ?? Number.NaN);
    }
    return { rows, labels, times: rowTimes };
  };
  const train = take(split.train);
  const test = take(split.test);
  if (test.rows.length === 0) throw new InputError('too_few_examples', 'the test split has no labelled rows');
  return {
    trainRows: train.rows,
    trainLabels: train.labels,
    testRows: test.rows,
    testLabels: test.labels,
    ...(times === undefined ? {} : { trainTimes: train.times }),
    skippedEmptyLabel,
  };
}
