import { findSimilar, SimilarityIndex } from '../../../src/engine/similar';
import { DESK } from './fixtures';

const build = (): SimilarityIndex => {
  const index = new SimilarityIndex();
  for (const t of DESK) index.add(t);
  return index;
};

const ids = (index: SimilarityIndex, query: Parameters<typeof findSimilar>[1], limit = 3): string[] =>
  findSimilar(index, query, { limit }).map((r) => r.id);

describe('golden rankings', () => {
  it('ranks the English VPN twin first, then the other English VPN ticket, never unrelated topics', () => {
    // The query shares "vpn", "disconnect" and "home" with EN-5, in its summary too (BM25F weighs
    // the summary double and the summary-overlap signal adds to it), while EN-1 shares "vpn",
    // "disconnect" and "home" only in its description and is older; the printer ticket EN-2
    // shares no term at all.
    const got = ids(build(), {
      id: 'Q',
      summary: 'VPN disconnects at home',
      description: 'vpn client keeps disconnecting',
      createdMs: Date.UTC(2026, 0, 21),
    });
    expect(got.slice(0, 2)).toEqual(['EN-5', 'EN-1']);
    expect(got).not.toContain('EN-2');
  });

  it('finds the German paper-jam ticket for a German query and ranks it above the English one', () => {
    // "Papierstau" and "Drucker" are shared verbatim with DE-1 (stemmed the same way); the
    // English printer ticket EN-2 shares no German word, so it must not outrank DE-1.
    const got = ids(build(), {
      id: 'Q',
      summary: 'Papierstau am Drucker',
      description: 'Der Drucker zeigt Papierstau an',
      createdMs: Date.UTC(2026, 0, 10),
    });
    expect(got[0]).toBe('DE-1');
    expect(got).not.toContain('EN-2');
  });

  it('prefers the ticket whose summary matches over one that only mentions the words in passing', () => {
    // Both EN-3 and a description-only mention share "payroll" and "locked"; the summary match
    // of EN-3 carries the higher BM25F field weight and the summary-overlap rerank signal.
    const index = build();
    index.add({
      id: 'EN-7',
      summary: 'Question about holidays',
      description: 'Also the payroll portal was locked last year, unrelated now.',
      createdMs: Date.UTC(2026, 0, 9),
    });
    const got = ids(index, {
      id: 'Q',
      summary: 'Payroll portal account locked',
      createdMs: Date.UTC(2026, 0, 12),
    });
    expect(got.indexOf('EN-3')).toBeLessThan(got.indexOf('EN-7'));
  });

  it('between two equally worded matches, the more recent one wins (recency signal)', () => {
    const index = new SimilarityIndex();
    const text = {
      summary: 'Badge reader at main entrance broken',
      description: 'Badge reader does not open the door.',
    };
    index.add({ id: 'OLD', ...text, createdMs: Date.UTC(2025, 0, 1) });
    index.add({ id: 'NEW', ...text, createdMs: Date.UTC(2026, 0, 1) });
    expect(ids(index, { id: 'Q', ...text, createdMs: Date.UTC(2026, 0, 2) })).toEqual(['NEW', 'OLD']);
  });
});
