import { writeFile } from 'node:fs/promises';
import { InputError } from '../../engine/errors';
import { generateDemo } from '../../demo/generate';
import { exportCsv } from '../../demo/export-csv';
import { parseArgs, requireValue } from '../args';

const MAX_TICKETS = 200_000;

function integerOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value.trim()))
    throw new InputError('bad_argument', `--${name} must be a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError('bad_argument', `--${name} must be between ${min} and ${max}`);
  return n;
}

/** `triage-lens demo --out demo.csv [--tickets N] [--seed S]`: the demo service desk as a Jira CSV export. */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'tickets', 'seed'], flags: [] });
  const out = requireValue(args, 'out');
  const tickets = integerOption(args.values.get('tickets'), 'tickets', 3000, 1, MAX_TICKETS);
  const seed = integerOption(args.values.get('seed'), 'seed', 1, 0, 2 ** 31 - 1);
  const demo = generateDemo({ tickets, seed });
  await writeFile(out, exportCsv(demo.site), 'utf8');
  const { duplicates, incident, mislabeled } = demo.planted;
  process.stdout.write(
    `wrote ${demo.site.tickets.length} tickets to ${out} (seed ${seed}; planted: ${duplicates.length} duplicate pairs, ` +
      `${incident.keys.length}-ticket incident burst, ${mislabeled.length} mislabeled)\n`,
  );
  return 0;
}
