import { encodeRow, fitEncoder } from '../../../src/engine/tabular/encoder';

const rows = [
  { categorical: ['High', 'Network'], numeric: [1] },
  { categorical: ['High', 'Network'], numeric: [10] },
  { categorical: ['Low', 'Printer'], numeric: [100] },
  { categorical: ['Low', 'Network'], numeric: [Number.NaN] },
];

const names = (enc: ReturnType<typeof fitEncoder>, row: (typeof rows)[number]) =>
  [...encodeRow(enc, row).indices].map((i) => enc.names[i]);

describe('fitEncoder / encodeRow', () => {
  const spec = {
    categorical: ['priority', 'type'],
    numeric: ['age'],
    crosses: [['priority', 'type']] as const,
    minCount: 2,
    numericBins: 2,
  };

  it('one-hots frequent values, pools rare ones, and crosses fields', () => {
    const enc = fitEncoder(spec, rows);
    // age 1 is alone below the median cut (between 1 and 10), so its bin is rare too.
    expect(names(enc, rows[0]!)).toEqual([
      'age (log scale)',
      'priority = High',
      'type = Network',
      'age#bin = (rare value)',
      'priority×type = High & Network',
    ]);
    // "Printer" and "Low & Printer" were seen once (< minCount): they share the rare-value columns.
    expect(names(enc, rows[2]!)).toEqual([
      'age (log scale)',
      'priority = Low',
      'type = (rare value)',
      'age#bin = bin1',
      'priority×type = (rare value)',
    ]);
  });

  it('marks a missing number instead of inventing a value', () => {
    const enc = fitEncoder(spec, rows);
    expect(names(enc, rows[3]!)).toContain('age missing');
    expect(names(enc, rows[3]!)).not.toContain('age (log scale)');
  });

  it('treats hostile category values as plain text', () => {
    const enc = fitEncoder({ categorical: ['x'], numeric: [], minCount: 1 }, [
      { categorical: ['__proto__'], numeric: [] },
      { categorical: ['constructor'], numeric: [] },
    ]);
    const a = encodeRow(enc, { categorical: ['__proto__'], numeric: [] });
    const b = encodeRow(enc, { categorical: ['constructor'], numeric: [] });
    expect(a.indices[0]).not.toBe(b.indices[0]);
    expect(encodeRow(enc, { categorical: ['<script>'], numeric: [] }).indices.length).toBe(1);
  });

  it('rejects a cross over an unknown field and an empty training set', () => {
    expect(() => fitEncoder({ categorical: ['a'], numeric: [], crosses: [['a', 'zz']] }, rows)).toThrow(
      /unknown field "zz"/,
    );
    expect(() => fitEncoder({ categorical: ['a'], numeric: [] }, [])).toThrow(/no training rows/);
  });
});
