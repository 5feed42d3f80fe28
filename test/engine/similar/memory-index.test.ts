import {
  computeIndexEntry,
  findSimilar,
  MAX_TERM_FREQUENCY,
  SimilarityIndex,
} from '../../../src/engine/similar';
import { DESK } from './fixtures';

const build = (): SimilarityIndex => {
  const index = new SimilarityIndex();
  for (const t of DESK) index.add(t);
  return index;
};

describe('SimilarityIndex', () => {
  it('keeps corpus statistics in step with add, update and remove', () => {
    const index = build();
    const before = index.stats();
    const vpnDf = index.documentFrequency('vpn');
    expect(index.add({ id: 'X', summary: 'vpn vpn', createdMs: 0 })).toBe('added');
    expect(index.documentFrequency('vpn')).toBe(vpnDf + 1);
    expect(index.stats().documents).toBe(before.documents + 1);
    expect(index.stats().lengthSums[0]).toBe(before.lengthSums[0] + 2);
    expect(index.add({ id: 'X', summary: 'printer', createdMs: 0 })).toBe('updated');
    expect(index.size).toBe(DESK.length + 1);
    expect(index.documentFrequency('vpn')).toBe(vpnDf);
    expect(index.remove('X')).toBe(true);
    expect(index.stats()).toEqual(before);
  });

  it('treats the same ticket added twice as one ticket', () => {
    const index = build();
    index.add(DESK[0]!);
    expect(index.size).toBe(DESK.length);
    const hits = findSimilar(index, { id: 'Q', summary: DESK[0]!.summary }, { limit: 10 });
    expect(hits.filter((h) => h.id === DESK[0]!.id)).toHaveLength(1);
  });

  it('removing an unknown ticket changes nothing and says so', () => {
    const index = build();
    const before = index.stats();
    expect(index.remove('NOPE')).toBe(false);
    expect(index.remove('__proto__')).toBe(false);
    expect(index.stats()).toEqual(before);
  });

  it('returns the stored entry exactly as computed', () => {
    const index = build();
    const ticket = DESK[3]!;
    expect(index.entryOf(ticket.id)).toEqual(computeIndexEntry(ticket));
    expect(index.entryOf('missing')).toBeUndefined();
  });
});

describe('bad input has defined results', () => {
  it('indexes an empty ticket and never returns it; an empty query returns []', () => {
    const index = build();
    expect(index.add({ id: 'EMPTY', summary: '', description: '', comments: [] })).toBe('added');
    expect(index.entryOf('EMPTY')?.terms).toEqual([]);
    expect(findSimilar(index, { id: 'Q', summary: '' })).toEqual([]);
    expect(findSimilar(index, { id: 'Q', summary: 'vpn' }).map((r) => r.id)).not.toContain('EMPTY');
  });

  it('a query that matches nothing returns []', () => {
    expect(findSimilar(build(), { id: 'Q', summary: 'zzzqqq xylophone quux' })).toEqual([]);
  });

  it('handles a ticket that is only a stack trace', () => {
    const trace = [
      'java.lang.NullPointerException',
      '\tat org.apache.hadoop.hdfs.DFSClient.open(DFSClient.java:1024)',
      '\tat org.apache.hadoop.fs.FileSystem.get(FileSystem.java:512)',
    ].join('\n');
    const index = build();
    index.add({ id: 'TRACE', summary: '', description: trace, createdMs: 0 });
    const hits = findSimilar(index, { id: 'Q', summary: 'NullPointerException in DFSClient.open' });
    expect(hits[0]?.id).toBe('TRACE');
  });

  it('handles a ticket that is only a signature (no topic words, identifiers masked)', () => {
    const index = build();
    const signature = 'Best regards\nJane Doe\njane.doe@example.com | +49 30 1234567 | https://example.com';
    expect(index.add({ id: 'SIG', summary: '', description: signature })).toBe('added');
    const terms = index.entryOf('SIG')?.terms.map((t) => t.term) ?? [];
    expect(terms.join(' ')).not.toContain('example');
    expect(() => findSimilar(index, { id: 'Q', summary: '', description: signature })).not.toThrow();
  });

  it('bounds a 10 MB description (indexed from its start, quickly)', () => {
    const huge = 'disk quota exceeded on shared drive '.repeat(300_000);
    expect(huge.length).toBeGreaterThan(10_000_000);
    const index = build();
    const start = performance.now();
    index.add({ id: 'HUGE', summary: 'quota', description: huge });
    expect(performance.now() - start).toBeLessThan(2_000);
    const entry = index.entryOf('HUGE')!;
    expect(entry.lengths[1]).toBeLessThan(10_000);
    for (const t of entry.terms) expect(Math.max(...t.tf)).toBeLessThanOrEqual(MAX_TERM_FREQUENCY);
    expect(findSimilar(index, { id: 'Q', summary: 'disk quota exceeded' })[0]?.id).toBe('HUGE');
  });

  it('treats hostile ids and words as plain data', () => {
    const index = new SimilarityIndex();
    index.add({ id: '__proto__', summary: 'constructor prototype <script>alert(1)</script>' });
    index.add({ id: 'constructor', summary: 'hasOwnProperty toString __proto__' });
    expect(index.size).toBe(2);
    expect(findSimilar(index, { id: 'Q', summary: 'prototype script alert' }).map((r) => r.id)).toEqual([
      '__proto__',
    ]);
    expect(index.remove('__proto__')).toBe(true);
    expect(index.documentFrequency('prototype')).toBe(0);
  });
});

describe('filters', () => {
  it('keeps the same project, the time window, and drops the query and its links', () => {
    const index = build();
    const query = { id: 'EN-1', summary: 'VPN disconnects', linkedIds: ['EN-5'], project: 'IT' };
    const all = findSimilar(index, query, {
      filter: { excludeIds: new Set(query.linkedIds) },
      limit: 10,
    }).map((r) => r.id);
    expect(all).not.toContain('EN-1');
    expect(all).not.toContain('EN-5');
    expect(all).toContain('DE-3');
    const hr = findSimilar(
      index,
      { id: 'Q', summary: 'payroll Lohnabrechnung gesperrt locked' },
      { filter: { project: 'HR' } },
    );
    expect(hr.length).toBeGreaterThan(0);
    expect(hr.every((r) => ['EN-3', 'DE-2'].includes(r.id))).toBe(true);
    const windowed = findSimilar(
      index,
      { id: 'Q', summary: 'VPN' },
      { filter: { createdFromMs: Date.UTC(2026, 0, 10) } },
    ).map((r) => r.id);
    expect(windowed).toEqual(['EN-5']);
  });
});
