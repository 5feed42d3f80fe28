import { InputError } from '../../engine/errors';
import { commands } from './commands';

const USAGE = `usage: triage-lens <command> [options]

commands:
${commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n')}
`;

/**
 * CLI entry: returns the exit code and never throws. Input problems print one line on stderr and
 * exit 2; anything unexpected prints one line too (the stack only with TRIAGE_LENS_DEBUG=1) and
 * exits 1.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('--'));
  const command = commands.find((c) => c.name.split(' ').every((w, i) => words[i] === w));
  if (command === undefined) {
    process.stderr.write(
      argv.length === 0 || argv.includes('--help')
        ? USAGE
        : `triage-lens: unknown command "${argv.join(' ')}"\n${USAGE}`,
    );
    return argv.length === 0 || argv.includes('--help') ? 0 : 2;
  }
  const rest = [...argv];
  for (const w of command.name.split(' ')) rest.splice(rest.indexOf(w), 1);
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`triage-lens: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`triage-lens: ${unexpected(e)}\n`);
    return 1;
  }
}

function unexpected(e: unknown): string {
  if (process.env.TRIAGE_LENS_DEBUG === '1' && e instanceof Error && e.stack !== undefined) return e.stack;
  const message = e instanceof Error ? `${e.message} (${e.name})` : String(e);
  // One line: a multi-line message (a zod report, a native error) keeps its first line.
  const first = message.split('\n')[0] ?? '';
  return `unexpected error: ${first}; set TRIAGE_LENS_DEBUG=1 for the stack`;
}
