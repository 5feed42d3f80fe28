import { analyze } from '../../src/engine/text';
import type { IncrementalRanker } from '../../src/local/cli/eval/similar-protocol';
import type { TicketDoc } from '../../src/engine/similar';

/**
 * The reference of the benchmark docs: one-field BM25 (k1 1.2, b 0.75) over summary +
 * description, every query term, no pruning, no reranking; same text pipeline as ours.
 */
export class PlainBm25 implements IncrementalRanker {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private totalLength = 0;

  constructor(
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {}

  add(ticket: TicketDoc): void {
    const doc = this.ids.length;
    const terms = this.terms(ticket);
    this.ids.push(ticket.id);
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (list === undefined) this.postings.set(term, (list = []));
      list.push({ doc, tf });
    }
  }

  search(query: TicketDoc, k: number): string[] {
    const n = this.ids.length;
    const avg = n === 0 ? 1 : Math.max(1, this.totalLength / n);
    const scores = new Map<number, number>();
    const qCounts = new Map<string, number>();
    for (const t of this.terms(query)) qCounts.set(t, (qCounts.get(t) ?? 0) + 1);
    for (const [term, qtf] of qCounts) {
      const list = this.postings.get(term);
      if (list === undefined) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * (this.lengths[doc] as number)) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (qtf * idf * tf * (this.k1 + 1)) / norm);
      }
    }
    return [...scores.entries()]
      .filter(([doc]) => this.ids[doc] !== query.id)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([doc]) => this.ids[doc] as string);
  }

  private terms(t: TicketDoc): string[] {
    return analyze(`${t.summary}\n${t.description ?? ''}`).tokens.map((x) => x.term);
  }
}
