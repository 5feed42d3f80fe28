import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/commands/demo';
import { InputError } from '../../../src/engine/errors';

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
