import { MAX_INPUT_OPTION, parseInputLimit } from '../../adapters/input-limit';
import { readTable } from '../../adapters/read-table';
import { InputError } from '../../../engine/errors';
import { toSnapshot } from '../../../engine/similar';
import { listValue, parseArgs, refusePositional, requireValue } from '../args';
import { EngineRanker } from '../eval/similar-engine-ranker';
import { duplicateQueries, runDuplicateEval } from '../eval/similar-protocol';
import { pairsFromTable, ticketsFromTable } from '../eval/similar-tickets';

const USAGE =
  'eval similar --reports FILE --pairs FILE --id COL --text COL[,COL...] --created COL [--json] [--max-input-mb N]';

const round = (x: number, digits: number): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/**
 * `triage-lens eval similar`: duplicate retrieval on an export plus a pairs file, protocol
 * "duplicates" of ../shared/docs/benchmarks.md (query = later ticket of a pair, pool = tickets
 * created strictly before it). The first --text column is the summary, the others the
 * description.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['reports', 'pairs', 'id', 'text', 'created', MAX_INPUT_OPTION],
    flags: ['json'],
  });
  refusePositional(args, USAGE);
  const reports = requireValue(args, 'reports');
  const pairsFile = requireValue(args, 'pairs');
  const id = requireValue(args, 'id');
  const text = listValue(args, 'text');
  if (text.length === 0) throw new InputError('bad_argument', 'missing required option --text');
  const created = requireValue(args, 'created');

  const limit = parseInputLimit(args.values.get(MAX_INPUT_OPTION));
  const tickets = ticketsFromTable(readTable(reports, limit), { id, text, created });
  const queries = duplicateQueries(tickets, pairsFromTable(readTable(pairsFile, limit)));
  if (queries.length === 0)
    throw new InputError(
      'empty_input',
      `no pair in ${pairsFile} has both tickets in ${reports} (column "${id}")`,
    );
  const ranker = new EngineRanker();
  const r = runDuplicateEval(tickets, queries, ranker);
  const bytes = Buffer.byteLength(JSON.stringify(toSnapshot(ranker.index)), 'utf8');
  const result = {
    task: 'similar',
    queries: r.queries,
    recall_at_1: round(r.recallAt1, 4),
    recall_at_5: round(r.recallAt5, 4),
    recall_at_10: round(r.recallAt10, 4),
    mrr: round(r.mrr, 4),
    query_ms_p50: round(r.queryMsP50, 3),
    query_ms_p99: round(r.queryMsP99, 3),
    index_bytes_per_ticket: ranker.index.size === 0 ? 0 : Math.round(bytes / ranker.index.size),
  };
  process.stdout.write(
    [
      `similar tickets: ${tickets.length} tickets, ${r.queries} duplicate queries (pool = tickets created before each query)`,
      `recall@1 ${result.recall_at_1}  recall@5 ${result.recall_at_5}  recall@10 ${result.recall_at_10}  MRR ${result.mrr}`,
      `query ms p50 ${result.query_ms_p50}  p99 ${result.query_ms_p99}  index bytes/ticket ${result.index_bytes_per_ticket}`,
      '',
    ].join('\n'),
  );
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  return Promise.resolve(0);
}
