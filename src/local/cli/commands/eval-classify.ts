import { MAX_INPUT_OPTION, parseInputLimit } from '../../adapters/input-limit';
import { readTable } from '../../adapters/read-table';
import { InputError } from '../../../engine/errors';
import { integerOption, listValue, parseArgs, refusePositional, requireValue, splitOption } from '../args';
import { classifyDataset } from '../eval/classify-dataset';
import { formatClassifyReport } from '../eval/classify-report';
import { runClassifyEval } from '../eval/classify-run';

const USAGE =
  'eval classify --input FILE --text COL[,COL...] --label COL [--split mod5|chrono] [--time COL] [--train-size N [--seed S]] [--json] [--max-input-mb N]';

/**
 * `triage-lens eval classify`: trains the classifier on a CSV export's train split and reports
 * quality and cost on its test split (protocol of ../shared/docs/benchmarks.md).
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['input', 'text', 'label', 'split', 'time', 'train-size', 'seed', MAX_INPUT_OPTION],
    flags: ['json'],
  });
  refusePositional(args, USAGE);
  const input = requireValue(args, 'input');
  const textColumns = listValue(args, 'text');
  if (textColumns.length === 0) throw new InputError('bad_argument', 'missing required option --text');
  const labelColumn = requireValue(args, 'label');
  const split = splitOption(args, 'mod5');
  const timeColumn = args.values.get('time');
  const trainSize = args.values.get('train-size');
  // The protocol's learning curves: seed 7 unless told otherwise.
  const seed = integerOption(args.values.get('seed'), 'seed', 7, 0, 2 ** 31 - 1);
  if (trainSize === undefined && args.values.has('seed'))
    throw new InputError('bad_argument', '--seed needs --train-size');

  const table = readTable(input, parseInputLimit(args.values.get(MAX_INPUT_OPTION)));
  const data = classifyDataset(table, {
    textColumns,
    labelColumn,
    split,
    ...(timeColumn === undefined ? {} : { timeColumn }),
    ...(trainSize === undefined
      ? {}
      : { trainSample: { size: integerOption(trainSize, 'train-size', 0, 2, 10_000_000), seed } }),
  });
  const details = runClassifyEval(data);
  process.stdout.write(formatClassifyReport(details, data));
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(details.result)}\n`);
  return Promise.resolve(0);
}
