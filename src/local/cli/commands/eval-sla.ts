import { MAX_INPUT_OPTION, parseInputLimit } from '../../adapters/input-limit';
import { readTable } from '../../adapters/read-table';
import { InputError } from '../../../engine/errors';
import { listValue, parseArgs, refusePositional, requireValue, splitOption } from '../args';
import { slaDataset } from '../eval/sla-dataset';
import { formatSlaReport, runSlaEval } from '../eval/sla-run';

const USAGE =
  'eval sla --input FILE --label COL --positive VALUE --features COL[,COL...] [--numeric COL[,COL...]] [--cross A:B[,C:D...]] [--split mod5|chrono] [--time COL] [--json]';

/**
 * `triage-lens eval sla`: trains the calibrated breach-risk classifier on a one-row-per-ticket
 * table's train split and reports AUC, Brier and calibration on its test split.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['input', 'label', 'positive', 'features', 'numeric', 'cross', 'split', 'time', MAX_INPUT_OPTION],
    flags: ['json'],
  });
  refusePositional(args, USAGE);
  const input = requireValue(args, 'input');
  const labelColumn = requireValue(args, 'label');
  const positive = requireValue(args, 'positive');
  const features = listValue(args, 'features');
  if (features.length === 0) throw new InputError('bad_argument', 'missing required option --features');
  const numeric = listValue(args, 'numeric');
  const split = splitOption(args, 'mod5');
  const crosses = listValue(args, 'cross').map((pair) => {
    const [a, b, ...rest] = pair.split(':').map((s) => s.trim());
    const known = [...features, ...numeric];
    if (a === undefined || b === undefined || rest.length > 0 || !known.includes(a) || !known.includes(b)) {
      throw new InputError(
        'bad_argument',
        `--cross "${pair}" must be A:B with A and B among --features/--numeric`,
      );
    }
    return [a, b] as const;
  });
  const timeColumn = args.values.get('time');

  const table = readTable(input, parseInputLimit(args.values.get(MAX_INPUT_OPTION)));
  const data = slaDataset(table, {
    labelColumn,
    positive,
    features,
    numeric,
    split,
    ...(timeColumn === undefined ? {} : { timeColumn }),
  });
  const details = runSlaEval(
    data,
    { categorical: features, numeric, crosses, numericBins: 10, minCount: 1 },
    () => performance.now(),
  );
  process.stdout.write(formatSlaReport(details, data.skippedEmptyLabel));
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(details.result)}\n`);
  return Promise.resolve(0);
}
