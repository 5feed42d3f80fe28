import { MAX_INPUT_OPTION, parseInputLimit } from '../../adapters/input-limit';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readTable } from '../../adapters/read-table';
import { InputError } from '../../../engine/errors';
import { readJiraExport } from '../../readiness/jira-export';
import { renderReadinessHtml } from '../../readiness/render-html';
import { buildReadinessReport } from '../../readiness/report';
import { readinessJson } from '../../readiness/report-json';
import { parseSlaGoals } from '../../readiness/sla-readiness';
import { readArticleExport } from '../../readiness/article-export';
import { knowledgeGaps } from '../../../engine/knowledge';
import { gapTicketOf } from '../../../core/knowledge/knowledge-gaps';
import { listValue, parseArgs, requireValue } from '../args';

const FIELD_ID = /^[A-Za-z][A-Za-z0-9_ ()/-]{0,63}$/;

/** Fails before the long measuring when the report could not be written. */
function writable(out: string): void {
  try {
    accessSync(dirname(resolve(out)), constants.W_OK);
  } catch (e) {
    throw new InputError(
      'bad_argument',
      `cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/**
 * What the report is measuring, on stderr: one line rewritten in place on a terminal, one line
 * per step otherwise (so stdout stays the report's summary and, with --json, its JSON).
 */
function progressLine(tickets: number): (message: string) => void {
  const started = Date.now();
  return (message) => {
    const line = `readiness: ${tickets} tickets, ${message} (${((Date.now() - started) / 1000).toFixed(0)} s)`;
    process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
  };
}

/**
 * `triage-lens readiness --input export.csv [--fields F1,F2] [--sla-goals High=8h,*=3d] [--articles kb.json] --out report.html [--json]`:
 * measures, on a Jira CSV export, what the app would achieve, and writes a self-contained HTML page;
 * with --json the last line of stdout is the report as one JSON object (then --out is optional).
 */
export function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['input', 'fields', 'out', 'sla-goals', 'seed', 'articles', MAX_INPUT_OPTION],
    flags: ['json'],
  });
  const input = requireValue(args, 'input');
  const json = args.flags.has('json');
  const out = json ? (args.values.get('out') ?? null) : requireValue(args, 'out');
  const fields = listValue(args, 'fields');
  for (const f of fields)
    if (!FIELD_ID.test(f))
      throw new InputError('bad_argument', `--fields: "${f.slice(0, 40)}" is not a field id`);
  const seedText = args.values.get('seed') ?? '1';
  if (!/^\d{1,9}$/.test(seedText)) throw new InputError('bad_argument', '--seed must be a whole number');
  const goals = args.values.get('sla-goals');
  const slaGoals = goals === undefined ? null : parseSlaGoals(goals);
  const maxBytes = parseInputLimit(args.values.get(MAX_INPUT_OPTION));
  const articlesPath = args.values.get('articles');
  // Read before the long measuring, so a bad article file fails at once.
  const articles = articlesPath === undefined ? null : readArticleExport(articlesPath, maxBytes);
  if (out !== null) writable(out);
  const exported = readJiraExport(readTable(input, maxBytes));
  const started = Date.now();
  const measured = buildReadinessReport(exported.tickets, {
    source: input,
    ...(fields.length > 0 ? { fields } : {}),
    slaGoals,
    generatedAt: started,
    seed: Number(seedText),
    progress: progressLine(exported.tickets.length),
  });
  process.stderr.write(process.stderr.isTTY ? '\r\x1b[K' : '');
  const report = {
    ...measured,
    knowledge:
      articles === null
        ? null
        : knowledgeGaps({
            tickets: exported.tickets.flatMap((t) => gapTicketOf(t) ?? []),
            articles,
          }),
  };
  if (out !== null) {
    try {
      writeFileSync(out, renderReadinessHtml(report), 'utf8');
    } catch (e) {
      throw new InputError(
        'bad_argument',
        `cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  const fieldsMeasured = report.fields.filter((f) => f.accuracy !== null).length;
  const gaps =
    report.knowledge === null
      ? ''
      : `, ${report.knowledge.gaps.length} knowledge gaps (${articles?.length ?? 0} articles)`;
  process.stdout.write(
    `readiness: ${report.tickets} tickets, ${fieldsMeasured}/${report.fields.length} fields measured, ${report.findings.length} findings${gaps}${out === null ? '' : ` → ${out}`} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (json) process.stdout.write(`${JSON.stringify(readinessJson(report))}\n`);
  return Promise.resolve(0);
}
