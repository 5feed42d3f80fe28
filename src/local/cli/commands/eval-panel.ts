import { MAX_INPUT_OPTION, parseInputLimit } from '../../adapters/input-limit';
import { readTable } from '../../adapters/read-table';
import { columnIndexes } from '../../../engine/data';
import { InputError } from '../../../engine/errors';
import { SLA_TIME_TO_RESOLUTION, type SeedSlaGoal } from '../../emulator/seed';
import { parseSlaGoals } from '../../readiness/sla-readiness';
import { listValue, parseArgs, refusePositional, requireValue, splitOption } from '../args';
import { collectPanels } from '../eval/panel-collect';
import { panelDataset } from '../eval/panel-dataset';
import { evidenceJudge, personNameWords } from '../eval/panel-judge';
import { formatPanelReport } from '../eval/panel-report';
import { scorePanels } from '../eval/panel-score';
import { pairsFromTable } from '../eval/similar-tickets';

const USAGE =
  'eval panel --input FILE [--fields COL[,COL...]] [--pairs FILE] [--sla-goals SPEC] [--split chrono|mod5] [--test-limit N] [--json] [--max-input-mb N]';

function testLimit(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{1,7}$/.test(text.trim()) || Number(text) < 1)
    throw new InputError(
      'bad_argument',
      `--test-limit must be a whole number of at least 1, not "${text.slice(0, 20)}"`,
    );
  return Number(text);
}

/**
 * `triage-lens eval panel`: the app built as the workbench builds it on the older part of a Jira
 * export; the newest 20 % arrive as new tickets and what their panel shows (in English and in
 * German) is scored against the export's real values.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['input', 'fields', 'pairs', 'sla-goals', 'split', 'test-limit', MAX_INPUT_OPTION],
    flags: ['json'],
  });
  refusePositional(args, USAGE);
  const input = requireValue(args, 'input');
  const split = splitOption(args, 'chrono');
  const limit = testLimit(args.values.get('test-limit'));
  const columns = args.values.has('fields') ? listValue(args, 'fields') : null;
  if (columns !== null && columns.length === 0)
    throw new InputError('bad_argument', '--fields names no column');
  const goalsText = args.values.get('sla-goals');
  const slaGoals = goalsText === undefined ? null : parseSlaGoals(goalsText);
  const maxBytes = parseInputLimit(args.values.get(MAX_INPUT_OPTION));
  const pairsFile = args.values.get('pairs');
  const pairs = pairsFile === undefined ? null : pairsFromTable(readTable(pairsFile, maxBytes));

  const table = readTable(input, maxBytes);
  const data = panelDataset(table, { split, fields: columns });
  if (limit !== null) data.test = data.test.slice(0, limit);
  const seedGoals: SeedSlaGoal[] =
    slaGoals === null
      ? []
      : data.prepared.site.serviceDesks.map((d, i) => ({
          id: String(i + 1),
          name: SLA_TIME_TO_RESOLUTION,
          projectKey: d.projectKey,
          goalMsByPriority: Object.fromEntries(slaGoals),
        }));
  const log = (line: string) => process.stderr.write(`eval panel: ${line}\n`);
  const collection = await collectPanels(data, { slaGoals: seedGoals, onStatus: log });

  const exported = data.exported.tickets;
  const people = exported.flatMap((t) => [
    t.reporterId ?? '',
    t.assigneeId ?? '',
    ...t.comments.map((c) => c.author),
  ]);
  const details = scorePanels({
    collection,
    fields: data.fields,
    trainCount: data.train.length,
    byExportKey: new Map(exported.map((t) => [t.key, t])),
    judge: evidenceJudge(personNameWords(people)),
    pairs,
    slaGoals,
    now: data.now,
    hasTeam: data.exported.has.team,
    hasAssignee: columnIndexes(table, 'Assignee').length > 0,
    nameOf: new Map(data.prepared.site.users.map((u) => [u.accountId, u.displayName])),
  });
  process.stdout.write(formatPanelReport(details));
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(details.result)}\n`);
  return 0;
}
