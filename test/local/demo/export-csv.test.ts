import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../../src/local/adapters/read-table';
import { generateDemo } from '../../../src/local/demo/generate';
import { CSV_COLUMNS, exportCsv, jiraCsvDate } from '../../../src/local/demo/export-csv';
import { cell, cells, columnIndexes, requireColumn, parseDate } from '../../../src/engine/data';

const demo = generateDemo({ tickets: 400, seed: 3 });
const dir = mkdtempSync(join(tmpdir(), 'demo-csv-'));
const file = join(dir, 'demo.csv');
writeFileSync(file, exportCsv(demo.site));
const table = readTable(file);

describe('exportCsv', () => {
  it('writes Jira’s headers, repeating multi-valued columns', () => {
    for (const name of Object.values(CSV_COLUMNS))
      expect(columnIndexes(table, name).length).toBeGreaterThan(0);
    expect(columnIndexes(table, 'Component/s').length).toBeGreaterThanOrEqual(2);
    expect(columnIndexes(table, 'Comment').length).toBeGreaterThanOrEqual(2);
    expect(columnIndexes(table, 'Outward issue link (Duplicate)').length).toBeGreaterThanOrEqual(1);
  });

  it('round-trips every ticket through a CSV reader (quotes, commas, multi-line texts)', () => {
    expect(table.rows).toHaveLength(demo.site.tickets.length);
    const key = requireColumn(table, 'Issue key');
    const summary = requireColumn(table, 'Summary');
    const description = requireColumn(table, 'Description');
    const requestType = requireColumn(table, 'Custom field (Request Type)');
    const names = new Map(demo.site.requestTypes.map((r) => [r.id, r.name]));
    demo.site.tickets.forEach((t, i) => {
      const row = table.rows[i] ?? [];
      expect(cell(row, key)).toBe(t.key);
      expect(cell(row, summary)).toBe(t.summary);
      expect(cell(row, description)).toBe(t.description.replace(/\r\n?/g, '\n'));
      expect(cell(row, requestType)).toBe(names.get(t.requestTypeId ?? '') ?? '');
      expect(cells(row, columnIndexes(table, 'Labels'))).toEqual(t.labels);
      expect(cells(row, columnIndexes(table, 'Comment'))).toHaveLength(t.comments.length);
    });
  });

  it('writes dates as Jira does, readable to the minute', () => {
    const t = demo.site.tickets[10];
    const created = requireColumn(table, 'Created');
    const text = cell(table.rows[10] ?? [], created);
    expect(text).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{2} \d{1,2}:\d{2} [AP]M$/);
    expect(parseDate(text)).toBe(Math.floor((t?.created ?? 0) / 60_000) * 60_000);
    expect(jiraCsvDate(Date.UTC(2026, 10, 22, 14, 31))).toBe('22/Nov/26 2:31 PM');
    expect(jiraCsvDate(Date.UTC(2026, 0, 5, 0, 7))).toBe('05/Jan/26 12:07 AM');
  });

  it('writes comments as date;accountId;body', () => {
    const withComment = demo.site.tickets.findIndex((t) => t.comments.length > 0);
    const first = cells(table.rows[withComment] ?? [], columnIndexes(table, 'Comment'))[0] ?? '';
    const c = demo.site.tickets[withComment]?.comments[0];
    expect(first).toBe(`${jiraCsvDate(c?.created ?? 0)};${c?.authorId ?? ''};${c?.body ?? ''}`);
  });

  it('links duplicates both ways', () => {
    const linked = demo.planted.duplicates.find((d) => d.linked);
    expect(linked).toBeDefined();
    const keyCol = requireColumn(table, 'Issue key');
    const rowOf = (key: string): string[] => table.rows.find((r) => cell(r, keyCol) === key) ?? [];
    expect(
      cells(rowOf(linked?.duplicate ?? ''), columnIndexes(table, 'Outward issue link (Duplicate)')),
    ).toContain(linked?.original);
    expect(
      cells(rowOf(linked?.original ?? ''), columnIndexes(table, 'Inward issue link (Duplicate)')),
    ).toContain(linked?.duplicate);
  });
});
