import { MAX_INPUT_OPTION, parseInputLimit } from '../../adapters/input-limit';
import { InputError } from '../../../engine/errors';
import { startWorkbench } from '../../workbench/start';
import { parseArgs } from '../args';

function intValue(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new InputError('bad_argument', `--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * `triage-lens workbench [--input export.csv] [--port N] [--db file] [--tickets N] [--seed N] [--full-training] [--max-input-mb N]`:
 * the app on this machine against the local JSM emulator; Ctrl-C stops it cleanly.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['input', 'port', 'db', 'tickets', 'seed', MAX_INPUT_OPTION],
    flags: ['full-training'],
  });
  const started = Date.now();
  const port = intValue(args.values.get('port'), 'port', 0, 65535);
  const demoTickets = intValue(args.values.get('tickets'), 'tickets', 0, 100_000);
  const seed = intValue(args.values.get('seed'), 'seed', 0, 2 ** 31 - 1);
  const input = args.values.get('input');
  const maxInputBytes = parseInputLimit(args.values.get(MAX_INPUT_OPTION));
  const dbPath = args.values.get('db');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const workbench = await startWorkbench({
    ...(port === undefined ? {} : { port }),
    ...(demoTickets === undefined ? {} : { demoTickets }),
    ...(seed === undefined ? {} : { seed }),
    ...(input === undefined ? {} : { input, maxInputBytes }),
    ...(dbPath === undefined ? {} : { dbPath }),
    fullTraining: args.flags.has('full-training'),
    onStatus: (s) => out(`workbench: ${s.message} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    logger: {
      info: () => undefined,
      warn: (m, f) => process.stderr.write(`workbench warning: ${m} ${JSON.stringify(f ?? {})}\n`),
      error: (m, f) => process.stderr.write(`workbench error: ${m} ${JSON.stringify(f ?? {})}\n`),
    },
  }).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new InputError(
        'bad_argument',
        `port ${port ?? 3000} is in use: pass --port N (0 picks a free port)`,
      );
    }
    throw e;
  });
  out(
    `Triage Lens workbench: ${workbench.url}  (listening after ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops)`,
  );
  out(`  tickets ${workbench.url}/   admin ${workbench.url}/admin   emulator ${workbench.emulator.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      out('workbench: stopping…');
      workbench.stop().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out('workbench: stopped');
  return 0;
}
