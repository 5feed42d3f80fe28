import fc from 'fast-check';
import {
  createRowSource,
  DEFAULT_RETRIEVAL,
  findSimilar,
  fromSnapshot,
  planQuery,
  rerankCandidates,
  retrieveCandidates,
  SimilarityIndex,
  toSnapshot,
} from '../../../src/engine/similar';
import type { PostingRow, TicketDoc } from '../../../src/engine/similar';
import { DESK } from './fixtures';

const WORDS = [
  'vpn',
  'drucker',
  'printer',
  'paper',
  'jam',
  'papierstau',
  'login',
  'kennwort',
  'password',
  'locked',
  'laptop',
  'monitor',
  'calendar',
  'sync',
  'home',
  'office',
  'error',
  'fehler',
];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
const ticket = (id: string): fc.Arbitrary<TicketDoc> =>
  fc
    .record({ summary: text, description: text, day: fc.integer({ min: 0, max: 60 }) })
    .map(({ summary, description, day }) => ({
      id,
      summary,
      description,
      createdMs: Date.UTC(2026, 0, 1) + day * 86_400_000,
    }));
const corpus = fc
  .array(fc.integer({ min: 0, max: 1e6 }), { minLength: 0, maxLength: 15 })
  .chain((keys) => fc.tuple(...[...new Set(keys)].map((k) => ticket(`T${k}`))));

const results = (index: SimilarityIndex, query: TicketDoc): [string, number][] =>
  findSimilar(index, query, { limit: 10 }).map((r) => [r.id, r.score]);

describe('properties', () => {
  it('adding then removing a ticket leaves search results unchanged', () => {
    fc.assert(
      fc.property(corpus, ticket('NEW'), ticket('Q'), (tickets, extra, query) => {
        const index = new SimilarityIndex();
        for (const t of [...DESK, ...tickets]) index.add(t);
        const before = results(index, query);
        index.add(extra);
        index.remove(extra.id);
        expect(results(index, query)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('a snapshot round trip (through JSON) gives identical results', () => {
    fc.assert(
      fc.property(corpus, ticket('Q'), (tickets, query) => {
        const index = new SimilarityIndex();
        for (const t of [...DESK, ...tickets]) index.add(t);
        const loaded = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(index))));
        expect(results(loaded, query)).toEqual(results(index, query));
      }),
      { numRuns: 40 },
    );
  });

  it('a row source built from what a SQL table would hold ranks exactly like the in-memory index', () => {
    fc.assert(
      fc.property(corpus, ticket('Q'), (tickets, query) => {
        const index = new SimilarityIndex();
        for (const t of [...DESK, ...tickets]) index.add(t);
        // What a SQL backend stores: the index entries; what it returns: rows of them.
        const entries = [...index.entries()];
        const postings: PostingRow[] = entries.flatMap((e) =>
          e.terms.map((t) => ({
            term: t.term,
            id: e.id,
            tf: t.tf,
            lengths: e.lengths,
            createdMs: e.createdMs,
            project: e.project,
          })),
        );
        const df = new Map<string, number>();
        for (const p of postings) df.set(p.term, (df.get(p.term) ?? 0) + 1);
        // Rows come back in another order than the in-memory slots.
        postings.reverse();
        const rows = createRowSource({ stats: index.stats(), documentFrequencies: df, postings, entries });
        const filter = { createdBeforeMs: Date.UTC(2026, 1, 1) };
        expect(findSimilar(rows, query, { filter }).map((r) => [r.id, r.score])).toEqual(
          findSimilar(index, query, { filter }).map((r) => [r.id, r.score]),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('the three stages called one by one (as an async backend does) equal findSimilar', () => {
    const index = new SimilarityIndex();
    for (const t of DESK) index.add(t);
    const plan = planQuery({ ...index.entryOf('EN-1')!, id: 'Q' }, index);
    const staged = rerankCandidates(
      plan,
      retrieveCandidates(index, plan, { filter: { excludeIds: new Set(['Q']) }, limit: 50 }),
      (id) => index.entryOf(id),
    );
    expect(staged.slice(0, 10).map((r) => r.id)).toEqual(
      findSimilar(index, plan.query, { limit: 10 }).map((r) => r.id),
    );
  });

  it('refuses BM25F parameters outside their ranges instead of ranking with them', () => {
    const index = new SimilarityIndex();
    for (const t of DESK) index.add(t);
    const query = { ...index.entryOf('EN-1')!, id: 'Q' };
    const bm25f = DEFAULT_RETRIEVAL.bm25f;
    for (const bad of [
      { ...bm25f, k1: 0 },
      { ...bm25f, b: [0.5, 1.5, 0.75] as const },
      { ...bm25f, weights: [2, Number.NaN, 0.5] as const },
    ])
      expect(() => planQuery(query, index, { ...DEFAULT_RETRIEVAL, bm25f: bad })).toThrow(/BM25F/);
    expect(planQuery(query, index).terms.length).toBeGreaterThan(0);
  });

  it('scores never increase when a query term is removed from a matching ticket (BM25 monotone in tf)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (n) => {
        const index = new SimilarityIndex();
        for (const t of DESK) index.add(t);
        index.add({ id: 'A', summary: 'vpn', description: 'vpn '.repeat(n) });
        index.add({ id: 'B', summary: 'vpn', description: 'vpn '.repeat(n - 1) });
        const hits = findSimilar(index, { id: 'Q', summary: 'vpn' }, { limit: 20 });
        const score = (id: string): number => hits.find((h) => h.id === id)?.retrievalScore ?? 0;
        expect(score('A')).toBeGreaterThanOrEqual(score('B'));
      }),
    );
  });
});
