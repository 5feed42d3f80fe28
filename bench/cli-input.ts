/**
 * Peak memory of the CLI on hostile and large input (issue 13): a gzip bomb (300 MB of CSV in
 * about 1 MB), a 300 MB plain CSV, and the demo export as the ordinary case, each through
 * `bin/triage-lens.js readiness` as its own process. The peak RSS comes from the child itself
 * (`process.resourceUsage().maxRSS` at exit, bench/report-max-rss.cjs).
 *
 * `npm run bench cli-input` (builds first) or, after `npm run build`, `npx tsx bench/cli-input.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { exportCsv } from '../src/local/demo/export-csv';
import { generateDemo } from '../src/local/demo/generate';

const ROOT = join(__dirname, '..');
const MB = 1024 * 1024;

/** `rows` repeated until the file holds `mb` MB, written as a stream (optionally gzipped). */
async function repeatCsv(file: string, header: string, rows: string, mb: number, gzip: boolean) {
  let written = 0;
  const source = Readable.from(
    (function* () {
      yield Buffer.from(header);
      const block = Buffer.from(rows);
      while (written < mb * MB) {
        written += block.length;
        yield block;
      }
    })(),
  );
  await (gzip
    ? pipeline(source, createGzip({ level: 9 }), createWriteStream(file))
    : pipeline(source, createWriteStream(file)));
}

function run(label: string, args: string[]) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ['-r', join(__dirname, 'report-max-rss.cjs'), join(ROOT, 'bin', 'triage-lens.js'), ...args],
    { encoding: 'utf8' },
  );
  const rss = /max-rss-kib=(\d+)/.exec(r.stderr);
  const said =
    r.stderr
      .replace(/\n?max-rss-kib=\d+\n?/, '')
      .trim()
      .split('\n')[0] ?? '';
  const peak = rss === null ? 'n/a' : `${(Number(rss[1]) / 1024).toFixed(0)} MiB`;
  process.stdout.write(
    `| ${label} | ${r.status} | ${peak} | ${((Date.now() - started) / 1000).toFixed(1)} s | ${said.replace(/\|/g, '\\|')} |\n`,
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-cli-input-'));
  try {
    const demoCsv = exportCsv(generateDemo({ tickets: 1000, seed: 1 }).site);
    const demo = join(dir, 'demo.csv');
    writeFileSync(demo, demoCsv);
    const newline = demoCsv.indexOf('\n');
    const header = demoCsv.slice(0, newline + 1);
    const body = demoCsv.slice(newline + 1);
    const bomb = join(dir, 'bomb.csv.gz');
    // Rows shorter than deflate's 32 KB window repeat, as in a real bomb: 300 MB in about 1 MB.
    const firstRows = body.slice(0, body.lastIndexOf('\n', 16 * 1024) + 1);
    await repeatCsv(bomb, header, firstRows, 300, true);
    const big = join(dir, 'big.csv');
    await repeatCsv(big, header, body, 300, false);
    const size = (f: string) => `${(statSync(f).size / MB).toFixed(1)} MB`;
    process.stdout.write('| input | exit | peak RSS | wall | stderr (first line) |\n|---|---|---|---|---|\n');
    const out = join(dir, 'report.html');
    run(`demo export, ${size(demo)}`, ['readiness', '--input', demo, '--out', out]);
    run(`gzip bomb, ${size(bomb)} → 300 MB`, ['readiness', '--input', bomb, '--out', out]);
    run(`plain CSV, ${size(big)}`, ['readiness', '--input', big, '--out', out]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
