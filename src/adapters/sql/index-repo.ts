import { randomUUID } from 'node:crypto';
import type { CorpusStats, IndexEntry, CandidateFilter } from '../../engine/similar/types';
import type { IndexDocInfo, SimilarIndexStore, TermPostings } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num, REQUEST_BYTES, slices, slicesByBytes } from './dialect';
import { decodeEntry, encodeEntry, storedTermHashes, termHash, unpackTf } from './index-codec';
import type { EncodedEntry } from './index-codec';
import type { PostingRow } from './schema';
import { SqlTombstones } from './tombstone-repo';

/** Rows per postings SELECT: about 100 bytes each as JSON, so about 2 MiB per answer. */
export const MAX_POSTING_ROWS = 20_000;

/**
 * A posting row as read, handed to the caller as the driver built it (no copy per row: a search
 * reads tens of thousands). The lengths are null only on a row a crash left without its entry.
 */
export interface PostingRowRead {
  term_hash: number;
  ticket_id: string;
  tf: number;
  len_summary: number | null;
  len_description: number | null;
  len_comments: number | null;
}

/** What a posting row carries besides its key and tf: its ticket's entry columns. */
type PostingDocColumns = Pick<
  EncodedEntry,
  'len_summary' | 'len_description' | 'len_comments' | 'project' | 'created_ms'
>;

const docColumns = (e: EncodedEntry): PostingDocColumns => ({
  len_summary: e.len_summary,
  len_description: e.len_description,
  len_comments: e.len_comments,
  project: e.project,
  created_ms: e.created_ms,
});

/** Parameters per posting row in multi-row INSERTs (term_hash, ticket_id, tf and the five above). */
const POSTING_PARAMS = 8;

/** How long a writer may hold a ticket's index row before another may take it over. */
export const INDEX_LEASE_MS = 30_000;
const MAX_ATTEMPTS = 200;

const EMPTY_TERMS = '[]';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a claimed row held before: its term hashes (with packed tf) and whether it was counted. */
interface Previous {
  terms: Map<number, number>;
  lengths: [number, number, number];
  counted: boolean;
}

/**
 * The similar-ticket index in SQL: `tl_index_docs` (one row per ticket, the entry itself),
 * `tl_postings` (term hash, ticket, packed tf, and the ticket's lengths, project and creation
 * time, so a search needs no join), `tl_terms` (document frequency per term hash)
 * and `tl_index_stats` (ticket count and field length sums, one row).
 *
 * Forge SQL has no multi-statement transactions, so a writer first claims the ticket's row by
 * compare-and-set on `rev` with a lease (`lock_until`), then rewrites that ticket's postings and
 * adjusts the counters with atomic `x = x + d` updates, then releases the row. Two writers on the
 * same ticket take turns; writers on different tickets only meet in those atomic updates.
 */
export class SqlSimilarIndexStore implements SimilarIndexStore {
  private statsRowReady = false;
  private readonly tombstones: SqlTombstones;

  constructor(
    private readonly sqlDb: SqlDatabase,
    private readonly now: () => number = Date.now,
    /** Rows per postings SELECT (tests lower it to exercise the paging). */
    private readonly maxPostingRows: number = MAX_POSTING_ROWS,
  ) {
    this.tombstones = new SqlTombstones(sqlDb);
  }

  async put(entry: IndexEntry): Promise<void> {
    const next = encodeEntry(entry);
    const claim = await this.claim(entry.id, next.digest);
    if (claim === null) return;
    const newTerms = storedTermHashes(next.terms);
    await this.rewrite(entry.id, claim.previous, newTerms, docColumns(next));
    await this.release(entry.id, claim.rev, next);
    // Only a new row can bring a deleted ticket back (see SqlTicketStore.upsert).
    if (claim.inserted) await this.removeBuried([entry.id]);
  }

  /** After a write (see SqlTombstones): a deleted issue's entry, written by a stale writer, goes again. */
  private async removeBuried(ids: readonly string[]): Promise<void> {
    const buried = await this.tombstones.buried(ids);
    if (buried.size > 0) await this.remove([...buried]);
  }

  /**
   * Bulk put for backfills: tickets not yet indexed are written with multi-row statements (a few
   * dozen statements per hundred tickets instead of ten per ticket, which matters at Forge SQL's
   * 150 DML requests per second); tickets already indexed, or claimed by someone else
   * meanwhile, go through `put` one by one.
   */
  async putMany(entries: readonly IndexEntry[]): Promise<void> {
    const { db, maxParams } = this.sqlDb;
    const latest = new Map(entries.map((e) => [e.id, e]));
    const existing = new Set<string>();
    for (const part of slices([...latest.keys()], maxParams)) {
      const rows = await db
        .selectFrom('tl_index_docs')
        .select('ticket_id')
        .where('ticket_id', 'in', part)
        .execute();
      for (const r of rows) existing.add(r.ticket_id);
    }
    const fresh = [...latest.values()].filter((e) => !existing.has(e.id));
    const token = randomUUID();
    const lockUntil = this.now() + INDEX_LEASE_MS;
    const encoded = new Map(fresh.map((e) => [e.id, encodeEntry(e)]));
    const rows = [...encoded.values()].map((e) => ({ ...e, rev: 1, lock_until: lockUntil, claim: token }));
    const rowBytes = (r: (typeof rows)[number]) =>
      r.terms.length * 3 + r.signature.length + r.facets.length * 3 + 512;
    for (const part of slicesByBytes(rows, Math.floor(maxParams / 14), REQUEST_BYTES, rowBytes)) {
      await db.insertInto('tl_index_docs').ignore().values(part).execute();
    }
    const ours = new Set<string>();
    for (const part of slices([...encoded.keys()], maxParams - 1)) {
      const got = await db
        .selectFrom('tl_index_docs')
        .select('ticket_id')
        .where('ticket_id', 'in', part)
        .where('claim', '=', token)
        .execute();
      for (const r of got) ours.add(r.ticket_id);
    }

    const postings: PostingRow[] = [];
    const dfDelta = new Map<number, number>();
    const lengthDelta: [number, number, number] = [0, 0, 0];
    for (const id of ours) {
      const e = encoded.get(id) as EncodedEntry;
      const columns = docColumns(e);
      for (const [h, tf] of storedTermHashes(e.terms)) {
        postings.push({ term_hash: h, ticket_id: id, tf, ...columns });
        dfDelta.set(h, (dfDelta.get(h) ?? 0) + 1);
      }
      lengthDelta[0] += e.len_summary;
      lengthDelta[1] += e.len_description;
      lengthDelta[2] += e.len_comments;
    }
    for (const part of slices(postings, Math.floor(maxParams / POSTING_PARAMS)))
      await db.insertInto('tl_postings').ignore().values(part).execute();
    await this.addDocumentFrequencies(dfDelta);
    await this.adjustStats(ours.size, lengthDelta);
    await db
      .updateTable('tl_index_docs')
      .set({ lock_until: 0, rev: 2, claim: null })
      .where('claim', '=', token)
      .execute();

    for (const e of latest.values()) if (!ours.has(e.id)) await this.put(e);
    await this.removeBuried([...ours]);
  }

  /** Adds `delta` to each term's df: one INSERT IGNORE per slice, one UPDATE per distinct delta. */
  private async addDocumentFrequencies(delta: Map<number, number>): Promise<void> {
    const { db, maxParams } = this.sqlDb;
    const hashes = [...delta.keys()];
    for (const part of slices(hashes, Math.floor(maxParams / 2))) {
      await db
        .insertInto('tl_terms')
        .ignore()
        .values(part.map((term_hash) => ({ term_hash, df: 0 })))
        .execute();
    }
    const byDelta = new Map<number, number[]>();
    for (const [h, d] of delta) {
      const group = byDelta.get(d);
      if (group === undefined) byDelta.set(d, [h]);
      else group.push(h);
    }
    for (const [d, group] of byDelta) {
      for (const part of slices(group, maxParams - 1)) {
        await db
          .updateTable('tl_terms')
          .set((eb) => ({ df: eb('df', '+', d) }))
          .where('term_hash', 'in', part)
          .execute();
      }
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of new Set(ids)) {
      const claim = await this.claim(id, null);
      if (claim === null) continue;
      await this.rewrite(id, claim.previous, new Map<number, number>(), null);
      await this.sqlDb.db
        .deleteFrom('tl_index_docs')
        .where('ticket_id', '=', id)
        .where('rev', '=', claim.rev)
        .execute();
    }
  }

  /**
   * Takes the ticket's row for writing. `digest` null means removal. Returns null when there is
   * nothing to do (same entry already stored; removing an absent ticket).
   */
  private async claim(
    id: string,
    digest: string | null,
  ): Promise<{ rev: number; previous: Previous; inserted: boolean } | null> {
    const { db } = this.sqlDb;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cur = await db
        .selectFrom('tl_index_docs')
        .select(['rev', 'lock_until', 'digest', 'terms', 'len_summary', 'len_description', 'len_comments'])
        .where('ticket_id', '=', id)
        .executeTakeFirst();
      const now = this.now();
      if (cur !== undefined && num(cur.lock_until) > now) {
        await sleep(Math.min(200, 5 * (attempt + 1)));
        continue;
      }
      if (cur === undefined) {
        if (digest === null) return null;
        const r = await db
          .insertInto('tl_index_docs')
          .ignore()
          .values({ ...placeholder(id), rev: 1, lock_until: now + INDEX_LEASE_MS })
          .executeTakeFirst();
        if (num(r.numInsertedOrUpdatedRows ?? 0) === 0) continue;
        return {
          rev: 1,
          inserted: true,
          previous: { terms: new Map<number, number>(), lengths: [0, 0, 0], counted: false },
        };
      }
      if (digest !== null && cur.digest === digest) return null;
      const rev = num(cur.rev);
      const r = await db
        .updateTable('tl_index_docs')
        .set({ rev: rev + 1, lock_until: now + INDEX_LEASE_MS })
        .where('ticket_id', '=', id)
        .where('rev', '=', rev)
        .executeTakeFirst();
      if (num(r.numUpdatedRows) === 0) continue;
      const counted = cur.digest !== '';
      return {
        rev: rev + 1,
        inserted: false,
        previous: {
          terms: counted ? storedTermHashes(cur.terms) : new Map<number, number>(),
          lengths: counted
            ? [num(cur.len_summary), num(cur.len_description), num(cur.len_comments)]
            : [0, 0, 0],
          counted,
        },
      };
    }
    throw new Error(`index row of ticket ${id} stayed locked after ${MAX_ATTEMPTS} attempts`);
  }

  /**
   * Replaces the ticket's postings and moves the counters from `previous` to the new state;
   * `doc` null removes the ticket.
   */
  private async rewrite(
    id: string,
    previous: Previous,
    terms: Map<number, number>,
    doc: PostingDocColumns | null,
  ): Promise<void> {
    const lengths: [number, number, number] = doc
      ? [doc.len_summary, doc.len_description, doc.len_comments]
      : [0, 0, 0];
    const { db, maxParams } = this.sqlDb;
    // Clear every hash either version has: a writer that crashed halfway may have left some.
    const touched = [...new Set([...previous.terms.keys(), ...terms.keys()])];
    for (const part of slices(touched, maxParams)) {
      await db.deleteFrom('tl_postings').where('ticket_id', '=', id).where('term_hash', 'in', part).execute();
    }
    const rows = doc
      ? [...terms].map(([term_hash, tf]): PostingRow => ({ term_hash, ticket_id: id, tf, ...doc }))
      : [];
    for (const part of slices(rows, Math.floor(maxParams / POSTING_PARAMS)))
      await db.insertInto('tl_postings').values(part).execute();

    const added = [...terms.keys()].filter((h) => !previous.terms.has(h));
    const removed = [...previous.terms.keys()].filter((h) => !terms.has(h));
    for (const part of slices(added, Math.floor(maxParams / 2))) {
      await db
        .insertInto('tl_terms')
        .ignore()
        .values(part.map((term_hash) => ({ term_hash, df: 0 })))
        .execute();
      await db
        .updateTable('tl_terms')
        .set((eb) => ({ df: eb('df', '+', 1) }))
        .where('term_hash', 'in', part)
        .execute();
    }
    // Terms whose df falls to 0 stay as rows: deleting them would race with a concurrent add.
    for (const part of slices(removed, maxParams)) {
      await db
        .updateTable('tl_terms')
        .set((eb) => ({ df: eb('df', '-', 1) }))
        .where('term_hash', 'in', part)
        .execute();
    }
    await this.adjustStats((doc ? 1 : 0) - (previous.counted ? 1 : 0), [
      lengths[0] - previous.lengths[0],
      lengths[1] - previous.lengths[1],
      lengths[2] - previous.lengths[2],
    ]);
  }

  private async adjustStats(documents: number, lengths: [number, number, number]): Promise<void> {
    if (documents === 0 && lengths.every((d) => d === 0)) return;
    const { db } = this.sqlDb;
    if (!this.statsRowReady) {
      await db
        .insertInto('tl_index_stats')
        .ignore()
        .values({ id: 1, documents: 0, len_summary: 0, len_description: 0, len_comments: 0 })
        .execute();
      this.statsRowReady = true;
    }
    await db
      .updateTable('tl_index_stats')
      .set((eb) => ({
        documents: eb('documents', '+', documents),
        len_summary: eb('len_summary', '+', lengths[0]),
        len_description: eb('len_description', '+', lengths[1]),
        len_comments: eb('len_comments', '+', lengths[2]),
      }))
      .where('id', '=', 1)
      .execute();
  }

  private async release(id: string, rev: number, next: EncodedEntry): Promise<void> {
    const { ticket_id: _id, ...columns } = next;
    await this.sqlDb.db
      .updateTable('tl_index_docs')
      .set({ ...columns, rev: rev + 1, lock_until: 0 })
      .where('ticket_id', '=', id)
      .where('rev', '=', rev)
      .execute();
  }

  /**
   * Repair after a crash, for the only writer at start (the workbench opening its file): every
   * row a killed writer left claimed gets its postings rebuilt from the entry it still holds (a
   * placeholder that was never written is dropped), then every `df` and the stats row are
   * recounted. Afterwards the counters equal a recount. Returns the rows repaired.
   */
  async repairAfterCrash(): Promise<number> {
    const { db, maxParams } = this.sqlDb;
    const rows = await db
      .selectFrom('tl_index_docs')
      .selectAll()
      .where((eb) => eb.or([eb('lock_until', '<>', 0), eb('claim', 'is not', null)]))
      .execute();
    for (const r of rows) {
      await db.deleteFrom('tl_postings').where('ticket_id', '=', r.ticket_id).execute();
      if (r.digest === '') {
        await db.deleteFrom('tl_index_docs').where('ticket_id', '=', r.ticket_id).execute();
        continue;
      }
      const doc = docColumns({
        ...r,
        len_summary: num(r.len_summary),
        len_description: num(r.len_description),
        len_comments: num(r.len_comments),
        created_ms: r.created_ms === null ? null : num(r.created_ms),
      });
      const postings = [...storedTermHashes(r.terms)].map(([term_hash, tf]): PostingRow => ({
        term_hash,
        ticket_id: r.ticket_id,
        tf,
        ...doc,
      }));
      for (const part of slices(postings, Math.floor(maxParams / POSTING_PARAMS)))
        await db.insertInto('tl_postings').values(part).execute();
      await db
        .updateTable('tl_index_docs')
        .set({ lock_until: 0, claim: null })
        .where('ticket_id', '=', r.ticket_id)
        .execute();
    }
    if (rows.length > 0) {
      let after: number | null = null;
      do after = (await this.recount(after)).next;
      while (after !== null);
    }
    return rows.length;
  }

  /**
   * Recomputes document frequencies from the postings for one page of terms (by term hash), and
   * the stats row from the entries on the first page. Repairs the drift a crash mid-write can
   * leave; exact when no writer runs meanwhile (e.g. right after a backfill). Resumable: call
   * again with `next` until it is null.
   */
  async recount(after: number | null, pageSize = 1_000): Promise<{ next: number | null }> {
    const { db } = this.sqlDb;
    if (after === null) {
      const totals = await db
        .selectFrom('tl_index_docs')
        .select((eb) => [
          eb.fn.countAll().as('documents'),
          eb.fn.sum('len_summary').as('s'),
          eb.fn.sum('len_description').as('d'),
          eb.fn.sum('len_comments').as('c'),
        ])
        .where('digest', '<>', '')
        .executeTakeFirstOrThrow();
      const current = await this.stats();
      const n = (v: unknown) => (Number.isFinite(num(v)) ? num(v) : 0);
      await this.adjustStats(n(totals.documents) - current.documents, [
        n(totals.s) - current.lengthSums[0],
        n(totals.d) - current.lengthSums[1],
        n(totals.c) - current.lengthSums[2],
      ]);
    }
    let q = db.selectFrom('tl_terms').select('term_hash').orderBy('term_hash').limit(pageSize);
    if (after !== null) q = q.where('term_hash', '>', after);
    const hashes = (await q.execute()).map((r) => num(r.term_hash));
    if (hashes.length === 0) return { next: null };
    await db
      .updateTable('tl_terms')
      .set((eb) => ({
        df: eb
          .selectFrom('tl_postings')
          .select((p) => p.fn.countAll<number>().as('n'))
          .whereRef('tl_postings.term_hash', '=', 'tl_terms.term_hash'),
      }))
      .where('term_hash', 'in', hashes)
      .execute();
    return { next: hashes.length < pageSize ? null : (hashes[hashes.length - 1] as number) };
  }

  async stats(): Promise<CorpusStats> {
    const row = await this.sqlDb.db
      .selectFrom('tl_index_stats')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirst();
    if (row === undefined) return { documents: 0, lengthSums: [0, 0, 0] };
    return {
      documents: num(row.documents),
      lengthSums: [num(row.len_summary), num(row.len_description), num(row.len_comments)],
    };
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const byHash = new Map<number, string[]>();
    for (const t of new Set(terms)) {
      const h = termHash(t);
      byHash.set(h, [...(byHash.get(h) ?? []), t]);
    }
    const out = new Map<string, number>();
    for (const part of slices([...byHash.keys()], this.sqlDb.maxParams)) {
      const rows = await this.sqlDb.db
        .selectFrom('tl_terms')
        .select(['term_hash', 'df'])
        .where('term_hash', 'in', part)
        .execute();
      for (const r of rows)
        for (const t of byHash.get(num(r.term_hash)) ?? []) out.set(t, Math.max(0, num(r.df)));
    }
    return out;
  }

  async postings(
    terms: readonly string[],
    filter: CandidateFilter,
    maxPerTerm: number,
  ): Promise<TermPostings[]> {
    const dfs = await this.documentFrequencies(terms);
    const out = new Map<string, TermPostings>();
    const wanted = new Map<number, string>();
    for (const term of new Set(terms)) {
      const df = dfs.get(term) ?? 0;
      out.set(term, { term, df, postings: [] });
      if (df > 0 && df <= maxPerTerm) wanted.set(termHash(term), term);
    }
    await this.forEachPostingRow(
      [...wanted].map(([hash, term]) => ({ hash, df: dfs.get(term) ?? 0 })),
      filter,
      (r) => {
        const term = wanted.get(num(r.term_hash));
        if (term !== undefined && r.len_summary !== null)
          out.get(term)?.postings.push({ id: r.ticket_id, tf: unpackTf(num(r.tf)) });
      },
    );
    return [...out.values()];
  }

  /**
   * Visits the postings of these terms with their tickets' field lengths (for BM25F), only for
   * tickets passing the project / time filter; `excludeIds` is left to the scorer. Each SELECT
   * returns at most MAX_POSTING_ROWS rows (Forge SQL answers at most 4 MiB): terms are grouped
   * by their df, and a term in more tickets than that is read in ticket-id ranges.
   */
  async forEachPostingRow(
    terms: readonly { hash: number; df: number }[],
    filter: CandidateFilter,
    visit: (row: PostingRowRead) => void,
  ): Promise<void> {
    const groups: number[][] = [];
    let group: number[] = [];
    let rows = 0;
    for (const t of [...terms].sort((x, y) => x.df - y.df)) {
      if (t.df > this.maxPostingRows) {
        await this.readLargeTerm(t.hash, filter, visit);
        continue;
      }
      if (
        group.length > 0 &&
        (rows + t.df > this.maxPostingRows || group.length >= this.sqlDb.maxParams - 3)
      ) {
        groups.push(group);
        group = [];
        rows = 0;
      }
      group.push(t.hash);
      rows += t.df;
    }
    if (group.length > 0) groups.push(group);
    for (const g of groups) {
      for (const r of await this.postingQuery(filter).where('term_hash', 'in', g).execute()) visit(r);
    }
  }

  private async readLargeTerm(
    hash: number,
    filter: CandidateFilter,
    visit: (row: PostingRowRead) => void,
  ): Promise<void> {
    let after: string | null = null;
    for (;;) {
      let q = this.postingQuery(filter).where('term_hash', '=', hash);
      if (after !== null) q = q.where('ticket_id', '>', after);
      const page = await q.orderBy('ticket_id').limit(this.maxPostingRows).execute();
      for (const r of page) visit(r);
      const last = page[page.length - 1];
      if (page.length < this.maxPostingRows || last === undefined) return;
      after = last.ticket_id;
    }
  }

  /** Postings alone: each row carries the lengths, project and creation time the search needs. */
  private postingQuery(filter: CandidateFilter) {
    let q = this.sqlDb.db
      .selectFrom('tl_postings')
      .select(['term_hash', 'ticket_id', 'tf', 'len_summary', 'len_description', 'len_comments']);
    if (filter.project !== undefined) q = q.where('project', '=', filter.project);
    if (filter.createdFromMs !== undefined) q = q.where('created_ms', '>=', filter.createdFromMs);
    if (filter.createdBeforeMs !== undefined) q = q.where('created_ms', '<', filter.createdBeforeMs);
    return q;
  }

  async docs(ids: readonly string[]): Promise<Map<string, IndexDocInfo>> {
    const out = new Map<string, IndexDocInfo>();
    for (const e of await this.entries(ids)) {
      const { terms: _terms, ...info } = e;
      out.set(e.id, info);
    }
    return out;
  }

  async entries(ids: readonly string[]): Promise<IndexEntry[]> {
    const found = new Map<string, IndexEntry>();
    for (const part of slices([...new Set(ids)], this.sqlDb.maxParams)) {
      const rows = await this.sqlDb.db
        .selectFrom('tl_index_docs')
        .select([
          'ticket_id',
          'created_ms',
          'project',
          'len_summary',
          'len_description',
          'len_comments',
          'facets',
          'signature',
          'terms',
        ])
        .where('ticket_id', 'in', part)
        .where('digest', '<>', '')
        .execute();
      for (const r of rows) {
        const e = decodeEntry(r, num);
        if (e !== null) found.set(r.ticket_id, e);
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }
}

function placeholder(id: string): Omit<EncodedEntry, never> {
  return {
    ticket_id: id,
    digest: '',
    created_ms: null,
    project: '',
    len_summary: 0,
    len_description: 0,
    len_comments: 0,
    facets: '[]',
    signature: '',
    terms: EMPTY_TERMS,
  };
}
