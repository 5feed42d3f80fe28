import { InputError } from '../../engine/errors';

/** Parsed `--name value` / `--flag` options. Unknown options are an error, never ignored. */
export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

export interface ArgSpec {
  values: readonly string[];
  flags: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name)) {
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        throw new InputError('bad_argument', `option --${name} needs a value`);
      }
      values.set(name, value);
    } else {
      throw new InputError('bad_argument', `unknown option --${name}`);
    }
  }
  return { values, flags, positional };
}

export function requireValue(args: ParsedArgs, name: string): string {
  const v = args.values.get(name);
  if (v === undefined || v.trim() === '')
    throw new InputError('bad_argument', `missing required option --${name}`);
  return v;
}

/** A comma-separated list option (`--text Summary,Description`), trimmed, empties dropped. */
export function listValue(args: ParsedArgs, name: string): string[] {
  return (args.values.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A whole-number option between `min` and `max`, or `fallback` when it is not given. */
export function integerOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value.trim()))
    throw new InputError('bad_argument', `--${name} must be a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError('bad_argument', `--${name} must be between ${min} and ${max}`);
  return n;
}

/** Commands take options only: a stray word is an error that shows the usage. */
export function refusePositional(args: ParsedArgs, usage: string): void {
  if (args.positional.length > 0)
    throw new InputError(
      'bad_argument',
      `unexpected argument "${args.positional[0] ?? ''}"; usage: ${usage}`,
    );
}

/** `--split mod5|chrono` (the protocol's two splits), `fallback` when not given. */
export function splitOption(args: ParsedArgs, fallback: 'mod5' | 'chrono'): 'mod5' | 'chrono' {
  const split = args.values.get('split') ?? fallback;
  if (split === 'mod5' || split === 'chrono') return split;
  const other = fallback === 'mod5' ? 'chrono' : 'mod5';
  throw new InputError(
    'bad_argument',
    `--split must be ${fallback} or ${other}, not "${split.slice(0, 20)}"`,
  );
}
