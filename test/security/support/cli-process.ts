import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface CliProcess {
  status: number | null;
  stdout: string;
  /** stderr without the RSS report line. */
  stderr: string;
  maxRssMiB: number;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Runs the CLI as a real process (node + tsx), with its exit code, output and peak memory. */
export function runCliProcess(args: readonly string[], timeoutMs = 120_000): CliProcess {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cli-entry.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, TRIAGE_LENS_DEBUG: '' },
  });
  const match = /\nmax-rss-kib=(\d+)\n$/.exec(r.stderr);
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: match === null ? r.stderr : r.stderr.slice(0, match.index),
    maxRssMiB: match === null ? Number.NaN : Number(match[1]) / 1024,
  };
}
