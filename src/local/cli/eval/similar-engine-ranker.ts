import { findSimilar, SimilarityIndex } from '../../../engine/similar';
import type { FindSimilarOptions, TicketDoc } from '../../../engine/similar';
import type { IncrementalRanker } from './similar-protocol';

/** Our engine behind the protocol's ranker interface (its index is exposed for size figures). */
export class EngineRanker implements IncrementalRanker {
  readonly index = new SimilarityIndex();
  constructor(private readonly options: FindSimilarOptions = {}) {}

  add(ticket: TicketDoc): void {
    this.index.add(ticket);
  }

  search(query: TicketDoc, k: number): string[] {
    return findSimilar(this.index, query, { ...this.options, limit: k }).map((r) => r.id);
  }
}
