import { queryTermWeights } from '../../engine/knowledge';
import { computeIndexEntry, explainMatch, labelMatches, planQuery, scopeFilter } from '../../engine/similar';
import type { CandidateSource, CorpusStats, IndexEntry, TicketDoc } from '../../engine/similar';
import { findSimilarInSql, readCorpusView } from '../../adapters/sql/similar-source';
import type { SqlStorage } from '../../adapters/sql/storage';
import { WEAK_LIMIT } from '../../core/suggest/compute';
import type { SimilarEngine, SimilarHit } from '../../core/ports/engines';
import { toDoc } from '../../core/shared/ticket-doc';
import type { Ticket } from '../../core/shared/ticket';

/** The ticket as the similar engine reads it, with the ids it already links to. */
export function ticketDoc(ticket: Ticket, linkedIds: readonly string[] = []): TicketDoc {
  return { ...toDoc(ticket), linkedIds };
}

/**
 * Corpus statistics for the explanation's idf weights. It carries no postings (explanations
 * never walk them), so its posting walk visits nothing.
 */
class StatsSource implements CandidateSource {
  constructor(
    private readonly corpus: CorpusStats,
    private readonly dfs: ReadonlyMap<string, number>,
  ) {}
  stats(): CorpusStats {
    return this.corpus;
  }
  documentFrequency(term: string): number {
    return this.dfs.get(term) ?? 0;
  }
  forEachPosting(): void {}
  docLimit(): number {
    return 0;
  }
  idOf(): string {
    return '';
  }
  entryOf(): IndexEntry | undefined {
    return undefined;
  }
}

/** Similar-ticket search over the SQL index, ranked exactly as the in-memory engine ranks. */
export function sqlSimilarEngine(storage: SqlStorage): SimilarEngine {
  return {
    async queryTerms(ticket) {
      const doc = ticketDoc(ticket);
      const entry = computeIndexEntry(doc);
      const corpus = await readCorpusView(storage.index, entry);
      return queryTermWeights(planQuery(entry, new StatsSource(corpus.stats, corpus.dfs)), doc);
    },
    async index(ticket) {
      await storage.index.put(computeIndexEntry(ticketDoc(ticket)));
    },
    async find(ticket, scope, now, limit): Promise<SimilarHit[]> {
      const linked = await Promise.all(ticket.links.slice(0, 50).map((l) => storage.tickets.getByKey(l.key)));
      const doc = ticketDoc(
        ticket,
        linked.flatMap((t) => (t ? [t.id] : [])),
      );
      const filter = scopeFilter(doc, {
        sameProject: scope.sameProjectOnly,
        ...(scope.windowDays > 0 ? { windowDays: scope.windowDays, nowMs: now } : {}),
      });
      const entry = computeIndexEntry(doc);
      // Read once: the search ranks with it, and the explanations weigh shared terms by it.
      const corpus = await readCorpusView(storage.index, entry);
      const matches = labelMatches(await findSimilarInSql(storage.index, entry, { limit, filter, corpus }));
      const strong = matches.filter((m) => m.kind !== 'weak');
      // With nothing close enough, the nearest weak ones are kept for the panel to offer.
      const ranked = strong.length > 0 ? strong : matches.slice(0, WEAK_LIMIT);
      if (ranked.length === 0) return [];
      const others = new Map((await storage.tickets.getMany(ranked.map((r) => r.id))).map((t) => [t.id, t]));
      const source = new StatsSource(corpus.stats, corpus.dfs);
      return ranked.flatMap((m) => {
        const other = others.get(m.id);
        if (!other) return [];
        const shared = explainMatch(doc, ticketDoc(other), source, { maxTerms: 12 }).sharedTerms;
        const kind = m.kind === 'duplicate' ? 'duplicate' : m.kind === 'weak' ? 'weak' : 'related';
        const score = kind === 'duplicate' ? m.duplicateProbability : m.relatedProbability;
        return [
          {
            id: m.id,
            kind,
            score,
            sharedTerms: shared.map((s) => s.candidateSurfaces[0] ?? s.term).slice(0, 12),
          },
        ];
      });
    },
  };
}
