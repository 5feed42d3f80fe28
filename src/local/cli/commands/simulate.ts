import { InputError } from '../../../engine/errors';
import { FAULT_PLANS } from '../../simulate/faults';
import type { FaultPlanName } from '../../simulate/faults';
import { simulateInstall } from '../../simulate/install';
import { integerOption, parseArgs, refusePositional } from '../args';

const USAGE = 'triage-lens simulate install --tickets N [--seed N] [--faults default|none] [--json]';

/**
 * `triage-lens simulate install --tickets N [--seed N] [--faults default|none] [--json]`: a first
 * install of the real app on a generated site of N tickets under the Forge-limits runtime, in
 * simulated time. With `--json` the last stdout line is the report object; progress goes to stderr.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['tickets', 'seed', 'faults'], flags: ['json'] });
  refusePositional(args, USAGE);
  if (!args.values.has('tickets')) throw new InputError('bad_argument', '--tickets N is required');
  const tickets = integerOption(args.values.get('tickets'), 'tickets', 0, 1, 1_000_000);
  const seed = integerOption(args.values.get('seed'), 'seed', 1, 0, 2 ** 31 - 1);
  const faults = args.values.get('faults') ?? 'default';
  if (!(faults in FAULT_PLANS)) throw new InputError('bad_argument', '--faults must be default or none');
  const report = await simulateInstall({
    tickets,
    seed,
    faults: faults as FaultPlanName,
    progress: (line) => process.stderr.write(`simulate: ${line}\n`),
  });
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    for (const [key, value] of Object.entries(report))
      process.stdout.write(
        `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}\n`,
      );
  }
  return 0;
}
