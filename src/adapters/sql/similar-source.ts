import type { CandidateSource, PostingView } from '../../engine/similar/candidate-source';
import { DEFAULT_RETRIEVAL, planQuery } from '../../engine/similar/query-plan';
import { DEFAULT_RERANK, rerankCandidates } from '../../engine/similar/rerank';
import type { Reranked } from '../../engine/similar/rerank';
import { retrieveCandidates } from '../../engine/similar/retrieve';
import type { FindSimilarOptions } from '../../engine/similar/search';
import type { CandidateFilter, CorpusStats, IndexEntry } from '../../engine/similar/types';
import { num } from './dialect';
import { termHash, unpackTfInto } from './index-codec';
import type { PostingRowRead, SqlSimilarIndexStore } from './index-repo';

/**
 * A CandidateSource over rows already read from SQL: the engine's ranking code is synchronous,
 * so each stage's rows are fetched first (corpus stats and the query's document frequencies,
 * then the planned terms' postings, then the candidates' entries) and served from memory.
 */
class PrefetchedSource implements CandidateSource {
  /** Per term, its postings as parallel arrays: doc slot, packed tf, and three lengths each. */
  private readonly postingsByTerm = new Map<string, { docs: number[]; tfs: number[]; lengths: number[] }>();
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

  /** Keeps one posting row; a row without lengths (no entry behind it) is left out. */
  addRow(term: string, r: PostingRowRead): void {
    if (r.len_summary === null || r.len_description === null || r.len_comments === null) return;
    let slot = this.slots.get(r.ticket_id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.ids.push(r.ticket_id);
      this.slots.set(r.ticket_id, slot);
    }
    let list = this.postingsByTerm.get(term);
    if (list === undefined) {
      list = { docs: [], tfs: [], lengths: [] };
      this.postingsByTerm.set(term, list);
    }
    list.docs.push(slot);
    list.tfs.push(num(r.tf));
    list.lengths.push(num(r.len_summary), num(r.len_description), num(r.len_comments));
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
    const list = this.postingsByTerm.get(term);
    if (list === undefined) return;
    const { tf, lengths } = this.view;
    for (let i = 0; i < list.docs.length; i++) {
      unpackTfInto(list.tfs[i] as number, tf);
      lengths[0] = list.lengths[3 * i] as number;
      lengths[1] = list.lengths[3 * i + 1] as number;
      lengths[2] = list.lengths[3 * i + 2] as number;
      visit(list.docs[i] as number, this.view);
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

/** The corpus statistics and the query terms' document frequencies, as one search reads them. */
export interface CorpusView {
  stats: CorpusStats;
  dfs: Map<string, number>;
}

/** Reads the view a search of `query` starts from (two SELECTs, run together). */
export async function readCorpusView(index: SqlSimilarIndexStore, query: IndexEntry): Promise<CorpusView> {
  const [stats, dfs] = await Promise.all([
    index.stats(),
    index.documentFrequencies(query.terms.map((t) => t.term)),
  ]);
  return { stats, dfs };
}

/**
 * The engine's two-stage search (plan → BM25F retrieval → rerank, as `findSimilar` runs it in
 * memory) with each stage's data read from the SQL index: four to five queries whatever the
 * corpus size, each bounded by the planned terms (≤ maxQueryTerms) and the rerank depth.
 * `corpus`, when given, is the view the caller already read (the first two queries are skipped).
 */
export async function findSimilarInSql(
  index: SqlSimilarIndexStore,
  query: IndexEntry,
  options: FindSimilarOptions & { corpus?: CorpusView } = {},
): Promise<Reranked[]> {
  const rerank = options.rerank ?? DEFAULT_RERANK;
  const retrieval = options.retrieval ?? DEFAULT_RETRIEVAL;
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  if (limit === 0 || query.terms.length === 0) return [];

  const { stats: corpus, dfs } = options.corpus ?? (await readCorpusView(index, query));
  const source = new PrefetchedSource(corpus, dfs);
  const plan = planQuery(query, source, retrieval);
  if (plan.terms.length === 0) return [];

  const exclude = new Set(options.filter?.excludeIds ?? []);
  exclude.add(query.id);
  const filter: CandidateFilter = { ...options.filter, excludeIds: exclude };
  const termOf = new Map(plan.terms.map((t) => [termHash(t.term), t.term]));
  const planned = plan.terms.map((t) => ({ hash: termHash(t.term), df: dfs.get(t.term) ?? 0 }));
  await index.forEachPostingRow(planned, filter, (r) => {
    const term = termOf.get(num(r.term_hash));
    if (term !== undefined) source.addRow(term, r);
  });
  const depth = Math.max(limit, rerank.depth);
  const candidates = retrieveCandidates(source, plan, { filter, limit: depth });
  for (const e of await index.entries(candidates.map((c) => c.id))) source.addEntry(e);
  return rerankCandidates(plan, candidates, (id) => source.entryOf(id), { ...rerank, depth }).slice(0, limit);
}
