import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCsvText, readTable } from '../../../src/local/adapters/read-table';
import { cells, columnIndexes, joinedText, requireColumn } from '../../../src/engine/data';
import { InputError } from '../../../src/engine/errors';

const dir = mkdtempSync(join(tmpdir(), 'tl-table-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readTable', () => {
  it('reads a BOM-prefixed CSV with a quoted multi-line field', () => {
    const t = readTable(
      file('a.csv', '\uFEFFSummary,Description\n"Drucker","Zeile 1\nZeile 2, mit Komma"\n'),
    );
    expect(t.header).toEqual(['Summary', 'Description']);
    expect(t.rows).toEqual([['Drucker', 'Zeile 1\nZeile 2, mit Komma']]);
  });

  it('detects gzip by content', () => {
    const t = readTable(file('b.csv.gz', gzipSync('a,b\n1,2\n')));
    expect(t.rows).toEqual([['1', '2']]);
  });

  it('keeps repeated Jira columns apart so multi-valued fields survive', () => {
    const t = parseCsvText('Summary,Component/s,Component/s,Labels\nx,Network,VPN,\n');
    const comps = columnIndexes(t, 'Component/s');
    expect(comps).toEqual([1, 2]);
    expect(cells(t.rows[0]!, comps)).toEqual(['Network', 'VPN']);
    expect(joinedText(t, t.rows[0]!, ['Summary', 'Component/s'])).toBe('x\nNetwork\nVPN');
  });

  it.each([
    ['empty.csv', '', 'empty_input'],
    ['blank.csv', '\n\n  \n', 'empty_input'],
    ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]), 'not_csv'],
    ['broken.csv', 'a,b\n"unterminated,2\n', 'not_csv'],
    ['fake.csv.gz', Buffer.from([0x1f, 0x8b, 0x00, 0x01]), 'not_csv'],
  ])('refuses %s with a one-line InputError', (name, content, code) => {
    let caught: unknown;
    try {
      readTable(file(name, content));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe(code);
    expect((caught as InputError).message).not.toContain('\n');
  });

  it('names a missing file', () => {
    expect(() => readTable(join(dir, 'nope.csv'))).toThrow(/cannot read .*nope\.csv \(ENOENT\)/);
  });

  it('names the missing column and lists what exists', () => {
    const t = parseCsvText('Summary,Priority\nx,High\n');
    expect(() => requireColumn(t, 'Label')).toThrow('column "Label" not found (columns: Summary, Priority)');
  });

  it('treats hostile header names as plain data', () => {
    const t = parseCsvText('__proto__,constructor\n<script>,x\n');
    expect(requireColumn(t, '__proto__')).toBe(0);
    expect(t.rows[0]).toEqual(['<script>', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
