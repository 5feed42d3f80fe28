import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../../../src/local/adapters/read-table';
import { run } from '../../../../src/local/cli/commands/demo';
import { readJiraExport } from '../../../../src/local/readiness/jira-export';
import { InputError } from '../../../../src/engine/errors';

const dir = mkdtempSync(join(tmpdir(), 'demo-cli-'));

describe('triage-lens demo', () => {
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes the same CSV for the same seed', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    await expect(run(['--out', a, '--tickets', '150', '--seed', '9'])).resolves.toBe(0);
    await run(['--out', b, '--tickets=150', '--seed=9']);
    const text = readFileSync(a, 'utf8');
    expect(text).toBe(readFileSync(b, 'utf8'));
    expect(text.startsWith('Summary,Issue key,Issue id,')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(150);
  });

  it('writes the planted truth: mislabels as the export shows them, every duplicate pair, the burst', async () => {
    const csv = join(dir, 't.csv');
    const truthFile = join(dir, 't.json');
    await expect(run(['--out', csv, '--truth', truthFile, '--tickets', '1500', '--seed', '3'])).resolves.toBe(
      0,
    );
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as {
      mislabels: { key: string; field: string; label: string; trueLabel: string }[];
      duplicates: [string, string][];
      bursts: { keys: string[] }[];
    };
    const byKey = new Map(readJiraExport(readTable(csv)).tickets.map((t) => [t.key, t]));
    expect(truth.mislabels.length).toBeGreaterThan(10);
    for (const m of truth.mislabels) {
      expect(m.field).toBe('Request Type');
      expect(byKey.get(m.key)?.requestType).toBe(m.label);
      expect(m.trueLabel).not.toBe(m.label);
    }
    expect(truth.duplicates.length).toBeGreaterThan(10);
    // Unlinked pairs are in the truth too: only about half are linked in the export.
    const linked = truth.duplicates.filter(([a, b]) => byKey.get(b)?.links.some((l) => l.key === a));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.length).toBeLessThan(truth.duplicates.length);
    expect(truth.bursts).toHaveLength(1);
    for (const k of truth.bursts[0]?.keys ?? []) expect(byKey.has(k)).toBe(true);
  });

  it.each([
    [['--tickets', '10'], /--out/],
    [['--out', join(dir, 'x.csv'), '--tickets', 'many'], /--tickets must be a whole number/],
    [['--out', join(dir, 'x.csv'), '--tickets', '0'], /between/],
    [['--out', join(dir, 'x.csv'), '--seed', '-1'], /--seed/],
    [['--out', join(dir, 'x.csv'), '--colour', 'red'], /unknown option/],
  ])('rejects %j with a one-line message', async (argv, message) => {
    const p = run(argv);
    await expect(p).rejects.toThrow(InputError);
    await expect(run(argv)).rejects.toThrow(message);
  });
});
