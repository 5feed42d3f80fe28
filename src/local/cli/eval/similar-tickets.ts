import { parseDate, cell, cells, columnIndexes, requireColumn, type Table } from '../../../engine/data';
import { InputError } from '../../../engine/errors';
import type { TicketDoc } from '../../../engine/similar';

export interface TicketColumns {
  id: string;
  /** The first column is the summary; the others (in order) make the description. */
  text: readonly string[];
  created: string;
}

/**
 * Tickets from an export. Every row needs an id and a parseable creation date; the error names
 * the row (1-based data row) and the column, as the CLI prints it.
 */
export function ticketsFromTable(table: Table, columns: TicketColumns): TicketDoc[] {
  if (columns.text.length === 0)
    throw new InputError('bad_argument', 'option --text needs at least one column');
  const idCol = requireColumn(table, columns.id);
  const createdCol = requireColumn(table, columns.created);
  const [summaryName, ...descriptionNames] = columns.text;
  const summaryCols = columnIndexes(table, summaryName as string);
  if (summaryCols.length === 0) requireColumn(table, summaryName as string);
  const descriptionCols = descriptionNames.flatMap((name) => {
    requireColumn(table, name);
    return columnIndexes(table, name);
  });
  const seen = new Set<string>();
  return table.rows.map((row, i) => {
    const id = cell(row, idCol).trim();
    if (id === '') throw new InputError('bad_value', `row ${i + 1}: empty id in column "${columns.id}"`);
    if (seen.has(id))
      throw new InputError('bad_value', `row ${i + 1}: id "${id}" appears twice in column "${columns.id}"`);
    seen.add(id);
    const rawDate = cell(row, createdCol);
    const createdMs = parseDate(rawDate);
    if (Number.isNaN(createdMs)) {
      throw new InputError(
        'bad_value',
        `row ${i + 1}: "${rawDate.slice(0, 40)}" in column "${columns.created}" is not a date`,
      );
    }
    return {
      id,
      summary: cells(row, summaryCols).join('\n'),
      description: cells(row, descriptionCols).join('\n'),
      createdMs,
    };
  });
}

/**
 * Duplicate pairs from a pairs file: columns `Issue id` and `Duplicate id` (the GitBugs export),
 * otherwise the first two columns.
 */
export function pairsFromTable(table: Table): [string, string][] {
  if (table.header.length < 2)
    throw new InputError('missing_column', 'pairs file needs two id columns (Issue id, Duplicate id)');
  const [a] = columnIndexes(table, 'Issue id');
  const [b] = columnIndexes(table, 'Duplicate id');
  const first = a ?? 0;
  const second = b ?? (first === 1 ? 0 : 1);
  const pairs: [string, string][] = [];
  for (const row of table.rows) {
    const x = cell(row, first).trim();
    const y = cell(row, second).trim();
    if (x !== '' && y !== '') pairs.push([x, y]);
  }
  if (pairs.length === 0) throw new InputError('empty_input', 'pairs file has no complete pair');
  return pairs;
}
