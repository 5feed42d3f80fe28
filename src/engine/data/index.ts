/**
 * Tabular input as the engines read it: a header and string rows (`Table`), named-column
 * lookups that fail clearly, and the one date parser every export goes through.
 */
export { cell, cells, columnIndexes, joinedText, requireColumn } from './table';
export type { Table } from './table';
export { parseDate } from './parse-date';
