import type { CandidateSource, PostingView } from '../../engine/similar/candidate-source';
import { DEFAULT_RETRIEVAL, planQuery } from '../../engine/similar/query-plan';
import { DEFAULT_RERANK, rerankCandidates } from '../../engine/similar/rerank';
import type { Reranked } from '../../engine/similar/rerank';
import { retrieveCandidates } from '../../engine/similar/retrieve';
import type { FindSimilarOptions } from '../../engine/similar/search';
import type { CandidateFilter, CorpusStats, IndexEntry } from '../../engine/similar/types';
import { termHash, unpackTf } from './index-codec';
import type { SqlSimilarIndexStore } from './index-repo';

/**
 * A CandidateSource over rows already read from SQL: the engine's ranking code is synchronous,
 * so each stage's rows are fetched first (corpus stats and the query's document frequencies,
 * then the planned terms' postings, then the candidates' entries) and served from memory.
 */
class PrefetchedSource implements CandidateSource {
  private readonly postingsByTerm = new Map<
    string,
    { doc: number; tf: number; lengths: [number, number, number] }[]
  >();
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly entries = new Map<string, IndexEntry>();
  private readonly view: { tf: [number, number, number]; lengths: [number, number, number] } = {
    tf: [0, 0, 0],
    lengths: [0, 0, 0],
  };

  constructor(
    private readonly corpus: CorpusStats,
    private readonly dfs: Map<string, number>,
  ) {}

  addPosting(term: string, id: string, tf: number, lengths: [number, number, number]): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.ids.push(id);
      this.slots.set(id, slot);
    }
    const list = this.postingsByTerm.get(term) ?? [];
    list.push({ doc: slot, tf, lengths });
    this.postingsByTerm.set(term, list);
  }

  addEntry(entry: IndexEntry): void {
    this.entries.set(entry.id, entry);
  }

  stats(): CorpusStats {
    return this.corpus;
  }

  documentFrequency(term: string): number {
    return this.dfs.get(term) ?? 0;
  }

  forEachPosting(
    term: string,
    _filter: CandidateFilter,
    visit: (doc: number, posting: PostingView) => void,
  ): void {
    // Rows were read with the filter applied in SQL.
    for (const p of this.postingsByTerm.get(term) ?? []) {
      const [s, d, c] = unpackTf(p.tf);
      this.view.tf[0] = s;
      this.view.tf[1] = d;
      this.view.tf[2] = c;
      this.view.lengths[0] = p.lengths[0];
      this.view.lengths[1] = p.lengths[1];
      this.view.lengths[2] = p.lengths[2];
      visit(p.doc, this.view);
    }
  }

  docLimit(): number {
    return this.ids.length;
  }

  idOf(doc: number): string {
    return this.ids[doc] ?? '';
  }

  entryOf(id: string): IndexEntry | undefined {
    return this.entries.get(id);
  }
}

/**
 * The engine's two-stage search (plan → BM25F retrieval → rerank, as `findSimilar` runs it in
 * memory) with each stage's data read from the SQL index: four to five queries whatever the
 * corpus size, each bounded by the planned terms (≤ maxQueryTerms) and the rerank depth.
 */
export async function findSimilarInSql(
  index: SqlSimilarIndexStore,
  query: IndexEntry,
  options: FindSimilarOptions = {},
): Promise<Reranked[]> {
  const rerank = options.rerank ?? DEFAULT_RERANK;
  const retrieval = options.retrieval ?? DEFAULT_RETRIEVAL;
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  if (limit === 0 || query.terms.length === 0) return [];

  const [corpus, dfs] = await Promise.all([
    index.stats(),
    index.documentFrequencies(query.terms.map((t) => t.term)),
  ]);
  const source = new PrefetchedSource(corpus, dfs);
  const plan = planQuery(query, source, retrieval);
  if (plan.terms.length === 0) return [];

  const exclude = new Set(options.filter?.excludeIds ?? []);
  exclude.add(query.id);
  const filter: CandidateFilter = { ...options.filter, excludeIds: exclude };
  const termOf = new Map(plan.terms.map((t) => [termHash(t.term), t.term]));
  const planned = plan.terms.map((t) => ({ hash: termHash(t.term), df: dfs.get(t.term) ?? 0 }));
  for (const r of await index.postingRows(planned, filter)) {
    const term = termOf.get(r.term_hash);
    if (term !== undefined) source.addPosting(term, r.ticket_id, r.tf, r.lengths);
  }
  const depth = Math.max(limit, rerank.depth);
  const candidates = retrieveCandidates(source, plan, { filter, limit: depth });
  for (const e of await index.entries(candidates.map((c) => c.id))) source.addEntry(e);
  return rerankCandidates(plan, candidates, (id) => source.entryOf(id), { ...rerank, depth }).slice(0, limit);
}
