import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeTickets } from '../../support/classify-tickets';
import { runCli as run } from '../../support/run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-eval-classify-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: readonly (readonly string[])[]): string =>
  rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const tickets = makeTickets(150);

/** `eval classify` on a file, with the text and label columns and any further options. */
const classify = (file: string, text: string, label: string, ...options: string[]) =>
  run(['eval', 'classify', '--input', file, '--text', text, '--label', label, ...options]);
const plain = (): string =>
  csv([
    ['Summary', 'Description', 'Category'],
    ...tickets.map((t) => [t.text.summary ?? '', t.text.description ?? '', t.label]),
  ]);

describe('triage-lens eval classify', () => {
  it('prints a table and, with --json, one JSON line with the agreed keys', async () => {
    const file = write('plain.csv', '\uFEFF' + plain());
    const r = await classify(file, 'Summary,Description', 'Category', '--json');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    const json = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      [
        'accuracy',
        'coverage_at_precision',
        'ece',
        'macro_f1',
        'model_bytes',
        'n_classes',
        'n_test',
        'n_train',
        'peak_rss_mb',
        'predict_ms_p50',
        'predict_ms_p99',
        'task',
        'train_ms',
      ].sort(),
    );
    expect(json.task).toBe('classify');
    expect(json.n_train).toBe(120);
    expect(json.n_test).toBe(30);
    expect(json.n_classes).toBe(4);
    expect(json.accuracy).toBeGreaterThan(0.8);
    expect(Object.keys(json.coverage_at_precision as object)).toEqual(['0.9', '0.95']);
    expect(r.out).toContain('accuracy');
    // Each class row says from which probability it could be auto-applied (or never).
    expect(r.out).toMatch(/auto-apply at P0\.90/);
    expect(r.out).toMatch(/Hardware .*(p ≥ 0\.\d\d|p ≥ 1\.00|never)/);
  });

  it('--train-size trains on a seeded sample of the training split and keeps the whole test split', async () => {
    const file = write('sample.csv', plain());
    const runOnce = async (...o: string[]) => {
      const r = await classify(file, 'Summary,Description', 'Category', '--json', ...o);
      expect(r.code).toBe(0);
      return JSON.parse(r.out.trim().split('\n').at(-1)!) as {
        n_train: number;
        n_test: number;
        accuracy: number;
      };
    };
    const a = await runOnce('--train-size', '40');
    expect(a.n_train).toBe(40);
    expect(a.n_test).toBe(30);
    // The default seed is 7: naming it draws the same sample.
    expect((await runOnce('--train-size', '40', '--seed', '7')).accuracy).toBe(a.accuracy);
    for (const seed of ['3', '9'])
      expect((await runOnce('--train-size', '12', '--seed', seed)).n_train).toBe(12);
    // A size above the training split is the whole split.
    expect((await runOnce('--train-size', '5000')).n_train).toBe(120);
  });

  it('refuses a bad --train-size or a --seed without it, in one line', async () => {
    const file = write('sample-bad.csv', plain());
    for (const [opts, message] of [
      [['--train-size', 'ten'], /--train-size must be a whole number/],
      [['--train-size', '1'], /--train-size must be between 2 and/],
      [['--seed', '3'], /--seed needs --train-size/],
    ] as const) {
      const r = await classify(file, 'Summary,Description', 'Category', ...opts);
      expect(r.code).not.toBe(0);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });

  it('reads gzip CSV and skips (and counts) rows with empty text', async () => {
    const rows = plain().split('\n');
    rows.splice(3, 0, ',,Hardware', '  ,\t,Access');
    const file = write('gz.csv.gz', gzipSync(rows.join('\n')));
    const r = await classify(file, 'Summary,Description', 'Category', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/skipped rows: 2 with empty text/);
    const json = JSON.parse(r.out.trim().split('\n').at(-1)!) as { n_train: number; n_test: number };
    expect(json.n_train + json.n_test).toBe(150);
  });

  it('handles a Jira export: repeated column names, Jira dates, chrono split', async () => {
    const header = [
      'Summary',
      'Issue key',
      'Created',
      'Component/s',
      'Component/s',
      'Description',
      'Comment',
      'Comment',
    ];
    const rows = tickets.map((t, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const created = i % 2 === 0 ? `${day}/Sep/21 17:20` : `${day}/Nov/21 2:31 PM`;
      return [
        t.text.summary ?? '',
        `IT-${i + 1}`,
        created,
        i % 3 === 0 ? '' : t.label,
        t.label,
        t.text.description ?? '',
        'first note',
        '',
      ];
    });
    const file = write('jira.csv', csv([header, ...rows]));
    const r = await classify(
      file,
      'Summary,Description,Comment',
      'Component/s',
      '--split',
      'chrono',
      '--time',
      'Created',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.trim().split('\n').at(-1)!) as {
      n_train: number;
      n_test: number;
      n_classes: number;
    };
    expect(json.n_train).toBe(120);
    expect(json.n_test).toBe(30);
    expect(json.n_classes).toBe(4);
  });

  it.each([
    [
      'a missing column',
      () => write('m.csv', plain()),
      ['--text', 'Summary,Body', '--label', 'Category'],
      /column "Body" not found/,
    ],
    ['an empty file', () => write('empty.csv', ''), ['--text', 'Summary', '--label', 'Category'], /is empty/],
    [
      'a header-only file',
      () => write('head.csv', 'Summary,Category\n'),
      ['--text', 'Summary', '--label', 'Category'],
      /no data rows/,
    ],
    [
      'a label column with one example per label',
      () =>
        write(
          'one.csv',
          csv([
            ['Summary', 'Category'],
            ...tickets.slice(0, 10).map((t, i) => [t.text.summary ?? '', `L${i}`]),
          ]),
        ),
      ['--text', 'Summary', '--label', 'Category'],
      /label column "Category" needs at least two labels with two or more training examples/,
    ],
    [
      'a binary file',
      () => write('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe])),
      ['--text', 'Summary', '--label', 'Category'],
      /not a UTF-8 CSV/,
    ],
    [
      'chrono without --time',
      () => write('c.csv', plain()),
      ['--text', 'Summary', '--label', 'Category', '--split', 'chrono'],
      /--split chrono needs --time/,
    ],
    [
      'an unknown split',
      () => write('s.csv', plain()),
      ['--text', 'Summary', '--label', 'Category', '--split', 'random'],
      /--split must be mod5 or chrono/,
    ],
  ])('exits non-zero with one line for %s', async (_name, make, args, message) => {
    const file = make();
    const r = await run(['eval', 'classify', '--input', file, ...args]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('exits non-zero when --input is missing', async () => {
    const r = await run(['eval', 'classify', '--text', 'Summary', '--label', 'Category']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--input/);
  });
});
