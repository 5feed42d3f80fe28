import { InputError } from '../errors';

/**
 * A parsed CSV: header plus rows of strings. Jira's "Export CSV" repeats column names
 * (`Component/s`, `Labels`, `Comment`), so lookups return every index with that name.
 */
export interface Table {
  header: string[];
  rows: string[][];
}

/** Indexes of every column with this name (trimmed, case-sensitive as Jira writes them). */
export function columnIndexes(table: Table, name: string): number[] {
  const out: number[] = [];
  table.header.forEach((h, i) => {
    if (h.trim() === name) out.push(i);
  });
  return out;
}

/** Index of the first column with this name, or an InputError naming the missing column. */
export function requireColumn(table: Table, name: string): number {
  const [first] = columnIndexes(table, name);
  if (first === undefined) {
    throw new InputError(
      'missing_column',
      `column "${name}" not found (columns: ${table.header.slice(0, 12).join(', ')}${table.header.length > 12 ? ', …' : ''})`,
    );
  }
  return first;
}

/** Value of a column in a row, '' when the row is short. */
export function cell(row: readonly string[], index: number): string {
  return row[index] ?? '';
}

/** All non-empty values of a repeated column (for multi-valued Jira fields). */
export function cells(row: readonly string[], indexes: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of indexes) {
    const v = (row[i] ?? '').trim();
    if (v !== '') out.push(v);
  }
  return out;
}

/** Joins several text columns (each may repeat) into one text, in the order given. */
export function joinedText(table: Table, row: readonly string[], names: readonly string[]): string {
  const parts: string[] = [];
  for (const name of names) parts.push(...cells(row, columnIndexes(table, name)));
  return parts.join('\n');
}
