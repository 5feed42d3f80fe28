import { passesFilter } from './candidate-source';
import type { CandidateSource, PostingView } from './candidate-source';
import { ensureCapacity } from './growable';
import { computeIndexEntry } from './index-entry';
import type { CandidateFilter, CorpusStats, IndexEntry, TermFrequencies, TicketDoc } from './types';

const pack = (tf: readonly number[]): number =>
  (((tf[0] as number) << 20) | ((tf[1] as number) << 10) | (tf[2] as number)) >>> 0;
const unpack = (packed: number, into: [number, number, number]): void => {
  into[0] = (packed >>> 20) & 1023;
  into[1] = (packed >>> 10) & 1023;
  into[2] = packed & 1023;
};

/** One term's posting list: ticket slots in ascending order, with packed field frequencies. */
interface Postings {
  docs: Int32Array;
  tfs: Uint32Array;
  size: number;
}

/**
 * The in-memory similarity index: a fielded inverted index over IndexEntry values, updated one
 * ticket at a time (add, update, remove: no rebuild). Each ticket lives in a slot; slots only
 * grow, so every posting list stays sorted by slot and a removal is a binary search plus a
 * shift. A removed ticket's slot is left empty.
 */
export class SimilarityIndex implements CandidateSource {
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly postings: Postings[] = [];
  private ids: (string | undefined)[] = [];
  private projects: string[] = [];
  private facets: (readonly string[])[] = [];
  private docTerms: (Uint32Array | undefined)[] = [];
  private docTfs: (Uint32Array | undefined)[] = [];
  private signatures: (Uint32Array | undefined)[] = [];
  private created = new Float64Array(0);
  private lengths = new Uint32Array(0);
  private live = 0;
  private readonly lengthSums: [number, number, number] = [0, 0, 0];
  private readonly view: PostingView & { tf: [number, number, number]; lengths: [number, number, number] } = {
    tf: [0, 0, 0],
    lengths: [0, 0, 0],
  };

  /** Number of tickets indexed. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Indexes a ticket; a ticket already present is replaced (adding twice is an update). */
  add(ticket: TicketDoc): 'added' | 'updated' {
    return this.addEntry(computeIndexEntry(ticket));
  }

  /** Indexes a precomputed entry (from a snapshot or a store); same upsert rule as `add`. */
  addEntry(entry: IndexEntry): 'added' | 'updated' {
    const existed = this.remove(entry.id);
    const slot = this.ids.length;
    this.ids.push(entry.id);
    this.slotOf.set(entry.id, slot);
    this.projects.push(entry.project);
    this.facets.push(entry.facets);
    this.signatures.push(Uint32Array.from(entry.signature));
    this.created = ensureCapacity(this.created, slot + 1, (n) => new Float64Array(n));
    this.created[slot] = entry.createdMs;
    this.lengths = ensureCapacity(this.lengths, 3 * (slot + 1), (n) => new Uint32Array(n));
    for (let f = 0; f < 3; f++) {
      this.lengths[3 * slot + f] = entry.lengths[f] as number;
      this.lengthSums[f] = (this.lengthSums[f] as number) + (entry.lengths[f] as number);
    }
    const terms = new Uint32Array(entry.terms.length);
    const tfs = new Uint32Array(entry.terms.length);
    entry.terms.forEach(({ term, tf }, i) => {
      const id = this.termId(term);
      const packed = pack(tf);
      terms[i] = id;
      tfs[i] = packed;
      const p = this.postings[id] as Postings;
      p.docs = ensureCapacity(p.docs, p.size + 1, (n) => new Int32Array(n));
      p.tfs = ensureCapacity(p.tfs, p.size + 1, (n) => new Uint32Array(n));
      p.docs[p.size] = slot;
      p.tfs[p.size] = packed;
      p.size++;
    });
    this.docTerms.push(terms);
    this.docTfs.push(tfs);
    this.live++;
    return existed ? 'updated' : 'added';
  }

  /** Removes a ticket; false (and no change) when it is not indexed. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    for (const termId of this.docTerms[slot] ?? []) {
      const p = this.postings[termId] as Postings;
      const at = lowerBound(p.docs, p.size, slot);
      if (at < p.size && p.docs[at] === slot) {
        p.docs.copyWithin(at, at + 1, p.size);
        p.tfs.copyWithin(at, at + 1, p.size);
        p.size--;
      }
    }
    for (let f = 0; f < 3; f++)
      this.lengthSums[f] = (this.lengthSums[f] as number) - (this.lengths[3 * slot + f] as number);
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.docTerms[slot] = undefined;
    this.docTfs[slot] = undefined;
    this.signatures[slot] = undefined;
    this.facets[slot] = [];
    this.live--;
    return true;
  }

  /** Every indexed entry, oldest insertion first (what a snapshot stores). */
  *entries(): IterableIterator<IndexEntry> {
    for (let slot = 0; slot < this.ids.length; slot++) {
      const id = this.ids[slot];
      if (id !== undefined) yield this.entryAt(slot, id);
    }
  }

  stats(): CorpusStats {
    return { documents: this.live, lengthSums: [...this.lengthSums] };
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.postings[id] as Postings).size;
  }

  forEachPosting(
    term: string,
    filter: CandidateFilter,
    visit: (doc: number, posting: PostingView) => void,
  ): void {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    const p = this.postings[id] as Postings;
    const unfiltered =
      filter.project === undefined &&
      filter.createdFromMs === undefined &&
      filter.createdBeforeMs === undefined;
    const view = this.view;
    for (let i = 0; i < p.size; i++) {
      const slot = p.docs[i] as number;
      if (!unfiltered && !passesFilter(filter, this.created[slot] as number, this.projects[slot] as string))
        continue;
      unpack(p.tfs[i] as number, view.tf);
      view.lengths[0] = this.lengths[3 * slot] as number;
      view.lengths[1] = this.lengths[3 * slot + 1] as number;
      view.lengths[2] = this.lengths[3 * slot + 2] as number;
      visit(slot, view);
    }
  }

  docLimit(): number {
    return this.ids.length;
  }

  idOf(doc: number): string {
    return this.ids[doc] ?? '';
  }

  entryOf(id: string): IndexEntry | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.entryAt(slot, id);
  }

  private entryAt(slot: number, id: string): IndexEntry {
    const termIds = this.docTerms[slot] ?? new Uint32Array(0);
    const tfs = this.docTfs[slot] ?? new Uint32Array(0);
    const terms: TermFrequencies[] = [];
    for (let i = 0; i < termIds.length; i++) {
      const tf: [number, number, number] = [0, 0, 0];
      unpack(tfs[i] as number, tf);
      terms.push({ term: this.termNames[termIds[i] as number] as string, tf });
    }
    return {
      id,
      createdMs: this.created[slot] as number,
      project: this.projects[slot] as string,
      facets: this.facets[slot] ?? [],
      lengths: [
        this.lengths[3 * slot] as number,
        this.lengths[3 * slot + 1] as number,
        this.lengths[3 * slot + 2] as number,
      ],
      terms,
      signature: [...(this.signatures[slot] ?? [])],
    };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.postings.push({ docs: new Int32Array(2), tfs: new Uint32Array(2), size: 0 });
    }
    return id;
  }
}

/** First index in sorted `docs[0..size)` whose value is ≥ target. */
function lowerBound(docs: Int32Array, size: number, target: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
