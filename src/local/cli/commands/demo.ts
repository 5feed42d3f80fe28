import { writeFile } from 'node:fs/promises';
import { generateDemo } from '../../demo/generate';
import { exportCsv } from '../../demo/export-csv';
import { demoTruth } from '../../demo/truth';
import { integerOption, parseArgs, requireValue } from '../args';

const MAX_TICKETS = 200_000;

/**
 * `triage-lens demo --out demo.csv [--truth truth.json] [--tickets N] [--seed S]`: the demo service
 * desk as a Jira CSV export, and (with --truth) what it planted, as one JSON object.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'truth', 'tickets', 'seed'], flags: [] });
  const out = requireValue(args, 'out');
  const tickets = integerOption(args.values.get('tickets'), 'tickets', 3000, 1, MAX_TICKETS);
  const seed = integerOption(args.values.get('seed'), 'seed', 1, 0, 2 ** 31 - 1);
  const demo = generateDemo({ tickets, seed });
  await writeFile(out, exportCsv(demo.site), 'utf8');
  const truth = args.values.get('truth');
  if (truth !== undefined) await writeFile(truth, `${JSON.stringify(demoTruth(demo.planted))}\n`, 'utf8');
  const { duplicates, incident, mislabeled } = demo.planted;
  const linked = duplicates.filter((d) => d.linked).length;
  process.stdout.write(
    `wrote ${demo.site.tickets.length} tickets to ${out} (seed ${seed}; planted: ${duplicates.length} duplicate pairs ` +
      `(${linked} linked as Duplicate), ${incident.keys.length}-ticket incident burst, ${mislabeled.length} mislabeled)` +
      `${truth === undefined ? '' : `; truth → ${truth}`}\n`,
  );
  return 0;
}
