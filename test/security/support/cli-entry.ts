import { main } from '../../../src/local/cli/main';

/**
 * bin/triage-lens.js over the TypeScript sources, so a test can run the CLI as its own process
 * without a build; on exit it reports the process's peak RSS (KiB) on stderr's last line.
 */
process.on('exit', () => {
  process.stderr.write(`\nmax-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
