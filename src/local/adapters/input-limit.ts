import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../engine/errors';

/**
 * How much input a CLI command reads, on disk and after decompression. Parsing a CSV costs
 * several times its size in memory (docs/benchmarks.md, "CLI input caps"), so without a cap a
 * 1 MB gzip bomb or a 300 MB export ends the process at the heap limit.
 */
export const DEFAULT_MAX_INPUT_MB = 100;
/** Above this one string cannot hold the text (V8's limit is about 512 MB). */
export const HIGHEST_MAX_INPUT_MB = 500;
export const MAX_INPUT_OPTION = 'max-input-mb';

const MB = 1024 * 1024;

export function inputLimitBytes(mb: number = DEFAULT_MAX_INPUT_MB): number {
  return Math.floor(mb * MB);
}

/** `--max-input-mb N` → bytes; absent → the default. */
export function parseInputLimit(text: string | undefined): number {
  if (text === undefined) return inputLimitBytes();
  const mb = Number(text);
  if (!/^\d+$/.test(text) || mb < 1 || mb > HIGHEST_MAX_INPUT_MB)
    throw new InputError(
      'bad_argument',
      `--${MAX_INPUT_OPTION} must be a whole number from 1 to ${HIGHEST_MAX_INPUT_MB}`,
    );
  return inputLimitBytes(mb);
}

const tooLarge = (what: string, maxBytes: number) =>
  new InputError(
    'too_large',
    `${what} more than ${Math.round(maxBytes / MB)} MB, the input limit (raise it with --${MAX_INPUT_OPTION} N, at most ${HIGHEST_MAX_INPUT_MB})`,
  );

const CHUNK = 1024 * 1024;

/**
 * Reads at most `maxBytes` of a file in chunks, refusing as soon as there is more. A regular
 * file's size refuses it before any read; the chunked count still holds where stat says
 * nothing true (a FIFO, /dev/zero, a file growing while read).
 */
export function readBounded(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError('bad_argument', `cannot read ${path} (${code})`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError('bad_argument', `cannot read ${path} (EISDIR)`);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(`${path} has`, maxBytes);
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, CHUNK, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
        throw new InputError('bad_argument', `cannot read ${path} (${code})`);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(`${path} has`, maxBytes);
      chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

/** Gunzips with zlib's own output cap, so a bomb stops at the limit instead of filling the heap. */
export function gunzipBounded(raw: Buffer, path: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      throw tooLarge(`${path} decompresses to`, maxBytes);
    throw new InputError('not_csv', `${path} looks gzip-compressed but does not decompress`);
  }
}
