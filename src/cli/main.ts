import { InputError } from '../engine/errors';
import { commands } from './commands';

const USAGE = `usage: triage-lens <command> [options]

commands:
${commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n')}
`;

/** CLI entry: returns the exit code. Input problems print one line on stderr and exit 2. */
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
    throw e;
  }
}
