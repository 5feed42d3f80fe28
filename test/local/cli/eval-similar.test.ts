import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../../src/local/cli/main';
import { duplicateQueries } from '../../../src/local/cli/eval/similar-protocol';

const tmp = mkdtempSync(join(tmpdir(), 'tl-eval-similar-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const file = (name: string, rows: string[][], gzip = false): string => {
  const text = rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
  const path = join(tmp, name);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
};

/** Runs the CLI with stdout/stderr captured. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = { stdout: '', stderr: '' };
  const spies = (['stdout', 'stderr'] as const).map((stream) =>
    jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      captured[stream] += String(chunk);
      return true;
    }),
  );
  try {
    return { code: await main(argv), ...captured };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

// Dates in every accepted shape: Jira export, ISO with T, with space, with offset.
const REPORTS = [
  ['Summary', 'Issue id', 'Created', 'Description'],
  ['NameNode crashes on startup with NullPointerException', '1', '30/Sep/21 17:20', 'NPE in FSImage loading'],
  ['Printer driver missing', '2', '2021-10-01T09:00:00Z', 'unrelated'],
  ['DataNode heartbeat timeout under load', '3', '2021-10-02 10:00', 'heartbeats time out'],
  [
    'NullPointerException when NameNode starts',
    '4',
    '2021-10-03T10:00:00+02:00',
    'FSImage loading throws NPE on start',
  ],
  ['Heartbeat timeouts on busy DataNode', '5', '22/Nov/21 2:31 PM', 'datanode heartbeat times out when busy'],
];
const PAIRS = [
  ['Issue id', 'Duplicate id'],
  ['4', '1'],
  ['1', '4'],
  ['5', '3'],
  ['9', '1'],
];

const args = (reports: string, pairs: string, extra: string[] = []): string[] => [
  'eval',
  'similar',
  '--reports',
  reports,
  '--pairs',
  pairs,
  '--id',
  'Issue id',
  '--text',
  'Summary,Description',
  '--created',
  'Created',
  ...extra,
];

describe('triage-lens eval similar', () => {
  it('prints the report and, with --json, one JSON object as the last line', async () => {
    const r = await cli(args(file('r.csv.gz', REPORTS, true), file('p.csv', PAIRS), ['--json']));
    expect(r.code).toBe(0);
    const last = r.stdout.trim().split('\n').pop()!;
    const json = JSON.parse(last) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      [
        'task',
        'queries',
        'recall_at_1',
        'recall_at_5',
        'recall_at_10',
        'mrr',
        'query_ms_p50',
        'query_ms_p99',
        'index_bytes_per_ticket',
      ].sort(),
    );
    expect(json.task).toBe('similar');
    // Pairs 4-1 (listed twice) and 5-3 count once each; 9 is not in the reports.
    expect(json.queries).toBe(2);
    expect(json.recall_at_1).toBe(1);
    expect(json.mrr).toBe(1);
    expect(json.index_bytes_per_ticket).toBeGreaterThan(0);
  });

  it.each([
    [
      'a bad date',
      [...REPORTS, ['x', '6', 'yesterday', 'y']],
      /row 6: "yesterday" in column "Created" is not a date/,
    ],
    ['a missing column', REPORTS.map((r) => r.filter((_, i) => i !== 2)), /column "Created" not found/],
    ['a repeated id', [...REPORTS, ['x', '1', '2021-10-01', 'y']], /id "1" appears twice/],
  ])('rejects %s with one line and exit 2', async (_name, rows, message) => {
    const r = await cli(args(file('bad.csv', rows), file('p.csv', PAIRS)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects missing options, unknown options and pairs that match nothing', async () => {
    expect((await cli(['eval', 'similar', '--reports', 'x'])).stderr).toMatch(
      /missing required option --pairs/,
    );
    expect((await cli([...args('a', 'b'), '--bogus'])).stderr).toMatch(/unknown option --bogus/);
    const none = await cli(
      args(
        file('r.csv', REPORTS),
        file('none.csv', [
          ['Issue id', 'Duplicate id'],
          ['77', '88'],
        ]),
      ),
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no pair/);
  });
});

describe('duplicateQueries', () => {
  it('asks with the later ticket, once per unordered pair, larger id on equal times', () => {
    const t = (id: string, createdMs: number) => ({ id, summary: id, createdMs });
    const q = duplicateQueries(
      [t('a', 2), t('b', 1), t('c', 1)],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
        ['a', 'a'],
        ['a', 'zz'],
      ],
    );
    expect(q.map((x) => [x.query.id, x.duplicateId])).toEqual([
      ['a', 'b'],
      ['c', 'b'],
    ]);
  });
});
