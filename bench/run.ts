/**
 * `npm run bench [suite ...]`: builds the CLI, then runs each benchmark suite in its own child
 * process, one after another (so timings and peak memory do not interfere). Each suite prints
 * its own Markdown table; protocol and datasets per ../shared/docs/benchmarks.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = [
  'classify',
  'learning-curves',
  'similar',
  'route-sla',
  'sla',
  'storage',
  'workbench-start',
  'visibility',
  'cli-input',
  'knowledge',
  'panel',
  'data-quality',
] as const;

const requested = process.argv.slice(2);
const suites = requested.length > 0 ? requested : [...SUITES];
const unknown = suites.filter((s) => !(SUITES as readonly string[]).includes(s));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(', ')}; known: ${SUITES.join(', ')}\n`);
  process.exit(2);
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
let failed = 0;
for (const suite of suites) {
  const file = join(__dirname, `${suite}.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`suite ${suite}: ${file} missing\n`);
    failed++;
    continue;
  }
  process.stdout.write(`\n## ${suite}\n\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
