import { closeSync, createWriteStream, mkdtempSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { runCli } from '../support/run-cli';
import { runCliProcess } from './support/cli-process';

/**
 * Hostile input files against the CLI (issue 13): a gzip bomb, an export over the cap, a device
 * that never ends, and an unexpected failure; each ends in one line and a non-zero exit with
 * memory bounded. Before the caps the bomb took the process to the heap limit (5.4 GB RSS).
 */

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), 'tl-cli-input-'));
/** Peak RSS the CLI may reach on refused input: node + the sources, not the input. */
const RSS_BOUND_MIB = 400;

const HEADER = 'Summary,Issue key,Issue id,Issue Type,Status,Created,Description\n';
const ROW = 'Printer on floor 3 jams,IT-1,10001,Incident,Open,2026-01-01 10:00,"Paper jam again"\n';

/** About `mb` MB of CSV rows, gzipped in a stream: a few hundred KB on disk. */
async function gzipBomb(file: string, mb: number): Promise<void> {
  const block = Buffer.from(ROW.repeat(Math.ceil((1024 * 1024) / ROW.length)));
  let left = mb;
  const source = Readable.from(
    (function* () {
      yield Buffer.from(HEADER);
      while (left-- > 0) yield block;
    })(),
  );
  await pipeline(source, createGzip({ level: 6 }), createWriteStream(file));
}

const oneLine = (text: string) => text.trim().split('\n');
const limitLine = (what: string, mb: number) =>
  `triage-lens: ${what} more than ${mb} MB, the input limit (raise it with --max-input-mb N, at most 500)`;
const classify = (input: string, ...more: string[]) =>
  runCli(['eval', 'classify', '--input', input, '--text', 'Summary', '--label', 'Issue Type', ...more]);

describe('CLI input caps (real process)', () => {
  it('a 300 MB gzip bomb is refused at the decompressed cap, in one line, memory bounded', async () => {
    const bomb = path.join(dir, 'bomb.csv.gz');
    await gzipBomb(bomb, 300);
    for (const args of [
      ['readiness', '--input', bomb, '--out', path.join(dir, 'r.html')],
      ['eval', 'classify', '--input', bomb, '--text', 'Summary', '--label', 'Issue Type'],
    ]) {
      const r = runCliProcess(args);
      expect(r.status).toBe(2);
      expect(oneLine(r.stderr)).toEqual([limitLine(`${bomb} decompresses to`, 100)]);
      expect(r.maxRssMiB).toBeLessThan(RSS_BOUND_MIB);
    }
  });

  it('a 300 MB plain CSV is refused before it is read', () => {
    const big = path.join(dir, 'big.csv');
    // Sparse: 300 MB as far as stat and read know, no disk used.
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024);
    closeSync(fd);
    const r = runCliProcess(['workbench', '--input', big, '--port', '0']);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual([limitLine(`${big} has`, 100)]);
    expect(r.maxRssMiB).toBeLessThan(RSS_BOUND_MIB);
  });

  it('an unexpected error from main is one line with exit 1, no stack trace', () => {
    // demo does not catch a failed write: it reaches main as an unexpected error.
    const out = path.join(dir, 'no', 'such', 'dir', 'demo.csv');
    const r = runCliProcess(['demo', '--out', out, '--tickets', '10']);
    expect(r.status).toBe(1);
    const lines = oneLine(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^triage-lens: unexpected error: ENOENT.*; set TRIAGE_LENS_DEBUG=1 for the stack$/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--max-input-mb', () => {
  const csv = path.join(dir, 'three-mb.csv');
  beforeAll(() => {
    writeFileSync(csv, HEADER + ROW.repeat(Math.ceil((3 * 1024 * 1024) / ROW.length)));
  });

  it('a lower limit refuses the file, naming the limit and the option', async () => {
    const r = await classify(csv, '--max-input-mb', '1');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${limitLine(`${csv} has`, 1)}
`);
  });

  it.each(['0', '501', '1e3', '-5', 'lots'])('refuses --max-input-mb %s', async (value) => {
    const r = await runCli([
      'readiness',
      '--input',
      csv,
      '--out',
      path.join(dir, 'x.html'),
      '--max-input-mb',
      value,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('triage-lens: --max-input-mb must be a whole number from 1 to 500\n');
  });

  it('a device that never ends (/dev/zero) stops at the limit instead of reading forever', async () => {
    const r = await classify('/dev/zero', '--max-input-mb', '2');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${limitLine('/dev/zero has', 2)}
`);
  });

  it('a directory is one line, not EISDIR thrown', async () => {
    const r = await runCli([
      'eval',
      'classify',
      '--input',
      dir,
      '--text',
      'Summary',
      '--label',
      'Issue Type',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`triage-lens: cannot read ${dir} (EISDIR)\n`);
  });
});
