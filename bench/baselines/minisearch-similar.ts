import MiniSearch from 'minisearch';
import type { IncrementalRanker } from '../../src/local/cli/eval/similar-protocol';
import type { TicketDoc } from '../../src/engine/similar';

/**
 * minisearch 7 (BM25+) with its own tokenizer, summary and description as fields, the query's
 * summary + description as an OR query: the library a Forge developer would reach for first.
 */
export class MiniSearchRanker implements IncrementalRanker {
  readonly index = new MiniSearch<{ id: string; summary: string; description: string }>({
    fields: ['summary', 'description'],
    storeFields: [],
  });

  add(ticket: TicketDoc): void {
    if (this.index.has(ticket.id)) this.index.discard(ticket.id);
    this.index.add({ id: ticket.id, summary: ticket.summary, description: ticket.description ?? '' });
  }

  search(query: TicketDoc, k: number): string[] {
    const out: string[] = [];
    for (const r of this.index.search(`${query.summary}\n${query.description ?? ''}`, {
      combineWith: 'OR',
    })) {
      const id = String(r.id);
      if (id !== query.id) out.push(id);
      if (out.length >= k) break;
    }
    return out;
  }
}
