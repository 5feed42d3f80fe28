import { parse } from 'csv-parse/sync';
import type { Table } from '../../engine/data';
import { InputError } from '../../engine/errors';
import { gunzipBounded, inputLimitBytes, readBounded } from './input-limit';

/** Gzip magic bytes: a `.csv.gz` is detected by content, not only by its name. */
const isGzip = (buf: Buffer): boolean => buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;

/**
 * Reads a CSV or gzip CSV file (UTF-8, with or without BOM, quoted multi-line fields) into a
 * Table. Throws InputError with one line naming the problem for a missing, empty, binary or
 * malformed file, and one naming the limit for a file (or its decompressed content) over
 * `maxBytes` (see input-limit.ts).
 */
export function readTable(path: string, maxBytes: number = inputLimitBytes()): Table {
  let raw = readBounded(path, maxBytes);
  if (isGzip(raw)) raw = gunzipBounded(raw, path, maxBytes);
  return parseCsvText(raw.toString('utf8'), path);
}

export function parseCsvText(text: string, source = 'input'): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('empty_input', `${source} is empty`);
  // A NUL byte or many replacement characters mean binary content, not text.
  if (body.includes('\u0000') || (body.slice(0, 4096).match(/\uFFFD/g)?.length ?? 0) > 8) {
    throw new InputError('not_csv', `${source} is not a UTF-8 CSV file (binary content)`);
  }
  let records: string[][];
  try {
    const parsed: unknown = parse(body, { relax_column_count: true, skip_empty_lines: true, bom: true });
    records = parsed as string[][]; // without `columns`, csv-parse yields one string array per record
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : 'parse error';
    throw new InputError('not_csv', `${source} is not valid CSV: ${reason}`);
  }
  const [header, ...rows] = records;
  if (header === undefined || header.length === 0)
    throw new InputError('empty_input', `${source} has no header row`);
  if (
    header.length < 2 &&
    rows.length > 0 &&
    rows.every((r) => r.length < 2) &&
    /[<{]/.test(header[0] ?? '')
  ) {
    throw new InputError('not_csv', `${source} does not look like CSV (one column, markup content)`);
  }
  return { header: header.map((h) => h.trim()), rows };
}
