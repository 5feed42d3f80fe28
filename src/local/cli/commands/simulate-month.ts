import { InputError } from '../../../engine/errors';
import { integerOption, parseArgs, refusePositional } from '../args';
import { simulateMonth } from '../sim/month';

const USAGE = 'triage-lens simulate month [--seed N] [--drift FIELD|auto] [--tickets N] [--days N] [--json]';

/**
 * `triage-lens simulate month [--seed N] [--drift FIELD] [--tickets N] [--days N] [--json]`: the real app on the demo desk
 * through a simulated month (src/local/cli/sim/month.ts). With --json the last stdout line is one JSON
 * object (task "simulate-month"; scripts rely on its keys).
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['seed', 'drift', 'tickets', 'days'], flags: ['json'] });
  refusePositional(args, USAGE);
  const seed = integerOption(args.values.get('seed'), 'seed', 1, 0, 2 ** 31 - 1);
  const tickets = integerOption(args.values.get('tickets'), 'tickets', 3000, 200, 20_000);
  const days = integerOption(args.values.get('days'), 'days', 30, 6, 60);
  const drift = args.values.get('drift') ?? null;
  if (drift !== null && !/^(auto|priority|components|labels)$/.test(drift))
    throw new InputError(
      'bad_argument',
      `--drift: auto, priority, components or labels, not "${drift.slice(0, 40)}"`,
    );
  const json = args.flags.has('json');
  const result = await simulateMonth({
    seed,
    tickets,
    days,
    // The drift starts on day 14 of a month, halfway through a shorter run.
    driftDay: Math.min(14, Math.floor(days / 2)),
    drift,
    onStatus: (line) => process.stderr.write(`${line}\n`),
  });
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `simulated ${result.days} days, ${result.arrivals} new tickets (seed ${seed}); auto-apply on ${result.auto_apply_fields.join(', ') || 'nothing'}\n` +
        `drift on ${result.drift_field ?? 'nothing'} from day ${result.drift_day}: left auto-apply after ` +
        `${result.demoted_after_decisions ?? 'never'} decisions; healthy fields demoted ${result.healthy_fields_demoted}\n` +
        `releases promoted ${result.releases_promoted}, rejected ${result.releases_rejected}, rollbacks ${result.rollbacks}\n` +
        `value: ${result.value.accepted} accepted, ${result.value.auto_applied} auto-applied (${result.value.auto_applied_replaced} replaced), ` +
        `${result.value.replaced} replaced; about ${result.value.minutes_saved} agent minutes saved (assumed ${result.value.assumptions.minutes_per_accepted} min per accepted, ${result.value.assumptions.minutes_per_auto_applied} per auto-applied)\n`,
    );
  return 0;
}
