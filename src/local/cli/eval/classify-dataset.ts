import { cells, columnIndexes, requireColumn, type Table, parseDate } from '../../../engine/data';
import { chronoSplit, mod5Split } from '../../../engine/eval';
import { InputError } from '../../../engine/errors';
import type { LabelledTicket } from '../../../engine/classify';
import { createRng, shuffleInPlace } from '../../../engine/util';

export interface ClassifyDatasetSpec {
  textColumns: readonly string[];
  labelColumn: string;
  split: 'mod5' | 'chrono';
  timeColumn?: string;
  /**
   * Train on the first `size` tickets of a seeded permutation of the training split (the
   * protocol's learning curves); the test split stays whole.
   */
  trainSample?: { size: number; seed: number };
}

export interface ClassifyDataset {
  train: LabelledTicket[];
  test: LabelledTicket[];
  skippedEmptyText: number;
  skippedEmptyLabel: number;
}

/**
 * Turns a table into train/test tickets. The split is taken over the file's data rows (as the
 * protocol defines it) before empty rows are dropped, so skipping never shifts the split. The
 * first text column is the summary; the others (each possibly repeated, as in Jira exports)
 * form the description. A multi-valued label column uses its first value.
 */
export function classifyDataset(table: Table, spec: ClassifyDatasetSpec): ClassifyDataset {
  const textCols = spec.textColumns.map((name) => {
    requireColumn(table, name);
    return columnIndexes(table, name);
  });
  requireColumn(table, spec.labelColumn);
  const labelCols = columnIndexes(table, spec.labelColumn);
  if (table.rows.length === 0) throw new InputError('empty_input', 'the file has a header but no data rows');

  let split;
  if (spec.split === 'chrono') {
    if (spec.timeColumn === undefined)
      throw new InputError('bad_argument', '--split chrono needs --time COL');
    const t = requireColumn(table, spec.timeColumn);
    const times = table.rows.map((r) => parseDate(r[t] ?? ''));
    if (times.every((v) => Number.isNaN(v)))
      throw new InputError('bad_value', `column "${spec.timeColumn}" has no readable dates`);
    split = chronoSplit(times);
  } else {
    split = mod5Split(table.rows.length);
  }

  let skippedEmptyText = 0;
  let skippedEmptyLabel = 0;
  const toTicket = (i: number): LabelledTicket | null => {
    const row = table.rows[i] ?? [];
    const label = cells(row, labelCols)[0];
    const [summaryCols, ...rest] = textCols;
    const summary = cells(row, summaryCols ?? []).join('\n');
    const description = rest
      .map((cols) => cells(row, cols).join('\n'))
      .filter((s) => s !== '')
      .join('\n');
    if (summary.trim() === '' && description.trim() === '') {
      skippedEmptyText++;
      return null;
    }
    if (label === undefined) {
      skippedEmptyLabel++;
      return null;
    }
    return { text: { summary, description }, label };
  };
  const keep = (idx: number[]): LabelledTicket[] =>
    idx.map(toTicket).filter((t): t is LabelledTicket => t !== null);
  const train = sample(keep(split.train), spec.trainSample);
  const test = keep(split.test);
  if (train.length === 0)
    throw new InputError(
      'empty_input',
      `no training rows with text in ${spec.textColumns.join(', ')} and a label in "${spec.labelColumn}"`,
    );
  if (test.length === 0)
    throw new InputError(
      'empty_input',
      'the split leaves no test rows (the file needs at least 5 data rows)',
    );
  requireLearnableLabels(train, spec.labelColumn);
  return { train, test, skippedEmptyText, skippedEmptyLabel };
}

function sample(train: LabelledTicket[], spec: ClassifyDatasetSpec['trainSample']): LabelledTicket[] {
  if (spec === undefined || spec.size >= train.length) return train;
  return shuffleInPlace([...train], createRng(spec.seed)).slice(0, spec.size);
}

/**
 * A label column is learnable when at least two labels have two or more training examples;
 * single-example labels in an otherwise learnable column are left out and reported instead.
 */
function requireLearnableLabels(train: readonly LabelledTicket[], column: string): void {
  const counts = new Map<string, number>();
  for (const t of train) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  const usable = [...counts].filter(([, n]) => n >= 2);
  if (usable.length >= 2) return;
  const lonely = [...counts].filter(([, n]) => n < 2).map(([l]) => JSON.stringify(l));
  const detail =
    lonely.length > 0
      ? `; with one example: ${lonely.slice(0, 3).join(', ')}${lonely.length > 3 ? ', …' : ''}`
      : '';
  throw new InputError(
    'too_few_examples',
    `label column "${column}" needs at least two labels with two or more training examples each (found ${usable.length}${detail})`,
  );
}
