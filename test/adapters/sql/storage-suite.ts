/**
 * The repository test suite, run unchanged against every database flavour: SQLite in `npm test`
 * (sqlite.test.ts), MariaDB in the integration run (storage.mariadb.test.ts).
 */
import { sql } from 'kysely';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { BYTES_PER_CHUNK, CHARS_PER_CHUNK } from '../../../src/adapters/sql/model-repo';
import { SqlSimilarIndexStore } from '../../../src/adapters/sql/index-repo';
import { findSimilarInSql } from '../../../src/adapters/sql/similar-source';
import { fitTicket, MAX_TICKET_BYTES } from '../../../src/adapters/sql/ticket-repo';
import { computeIndexEntry, findSimilar, SimilarityIndex } from '../../../src/engine/similar';
import type { IndexEntry, TicketDoc } from '../../../src/engine/similar';
import { createRng } from '../../../src/engine/util';
import type { JobStatus } from '../../../src/contracts/admin';
import { clearAll, HOSTILE, resolvedTicket, ticket } from './fixtures';

export interface Harness {
  open(): Promise<SqlDatabase>;
  close(sqlDb: SqlDatabase): Promise<void>;
}

const WORDS = (
  'vpn printer outlook password reset laptop screen broken network slow disk full backup restore email ' +
  'calendar license install update crash error timeout login account locked wifi dock monitor keyboard ' +
  'server database query replication hadoop namenode datanode yarn job failed memory heap gc'
).split(' ');

/** Deterministic little tickets whose words overlap, so rankings have ties and near-ties. */
function syntheticDocs(n: number, seed: number): TicketDoc[] {
  const rng = createRng(seed);
  const pick = (k: number) =>
    Array.from({ length: k }, () => WORDS[Math.floor(rng() * WORDS.length)] as string).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    id: String(500 + i),
    summary: pick(3 + Math.floor(rng() * 4)),
    description: pick(5 + Math.floor(rng() * 30)),
    comments: i % 3 === 0 ? [pick(6)] : [],
    createdMs: 1_600_000_000_000 + i * 3_600_000,
    project: i % 4 === 0 ? 'OPS' : 'HELP',
    components: i % 2 === 0 ? ['Network'] : ['Desktop'],
  }));
}

const normalise = (e: IndexEntry) => ({ ...e, createdMs: Number.isNaN(e.createdMs) ? 'NaN' : e.createdMs });

export function describeStorage(label: string, harness: Harness): void {
  describe(`SQL storage on ${label}`, () => {
    let sqlDb: SqlDatabase;
    let s: SqlStorage;

    beforeAll(async () => {
      sqlDb = await harness.open();
      s = createSqlStorage(sqlDb);
    });
    afterAll(async () => {
      await harness.close(sqlDb);
    });
    beforeEach(async () => {
      await clearAll(sqlDb);
      s = createSqlStorage(sqlDb);
    });

    describe('tickets', () => {
      it('round-trips a ticket by id and key, and drops repeated and older versions', async () => {
        const v1 = ticket(1);
        const v2 = ticket(1, { summary: 'VPN fixed?', updated: v1.updated + 1000 });
        expect(await s.tickets.upsert(v1)).toBe('inserted');
        expect(await s.tickets.upsert(v1)).toBe('stale');
        expect(await s.tickets.upsert(v2)).toBe('updated');
        expect(await s.tickets.upsert(v1)).toBe('stale');
        expect(await s.tickets.get(v1.id)).toEqual(v2);
        expect(await s.tickets.getByKey('HELP-1')).toEqual(v2);
        expect(await s.tickets.count()).toBe(1);
      });

      it('keeps the newest of concurrent upserts of one ticket, whatever the order', async () => {
        for (let round = 0; round < 3; round++) {
          const versions = [0, 1, 2, 3, 4].map((k) =>
            ticket(2, { summary: `v${k}`, updated: 1_000 + k * 10 }),
          );
          const rng = createRng(round + 1);
          versions.sort(() => rng() - 0.5);
          await Promise.all(versions.map((v) => s.tickets.upsert(v)));
          expect((await s.tickets.get(ticket(2).id))?.summary).toBe('v4');
          await s.tickets.delete(ticket(2).id);
        }
      });

      it('stores hostile strings unchanged and treats them as plain values in lookups', async () => {
        const t = ticket(3, {
          summary: HOSTILE.script,
          description: `${HOSTILE.quotes}\n${HOSTILE.unicode}\n${HOSTILE.long}`,
          labels: [HOSTILE.proto, HOSTILE.ctor, HOSTILE.unicode],
          components: [HOSTILE.quotes],
          comments: [{ author: HOSTILE.proto, body: HOSTILE.long, created: 1, internal: true }],
        });
        await s.tickets.upsert(t);
        expect(await s.tickets.get(t.id)).toEqual(t);
        expect(await s.tickets.getByKey(HOSTILE.quotes)).toBeNull();
        expect(await s.tickets.get("1' OR '1'='1")).toBeNull();
      });

      it('fits an oversized ticket under the request limit, keeping the newest comments', async () => {
        const body = '🚨'.repeat(10_000);
        const comments = Array.from({ length: 50 }, (_, i) => ({
          author: 'a',
          body,
          created: i,
          internal: false,
        }));
        const t = ticket(30, { description: 'ü'.repeat(100_000), comments });
        expect(await s.tickets.upsert(t)).toBe('inserted');
        const stored = await s.tickets.get(t.id);
        expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(MAX_TICKET_BYTES);
        expect(stored?.description).toBe(t.description);
        expect(stored?.comments.at(-1)).toEqual(comments.at(-1));
        expect(stored?.comments.length).toBeLessThan(50);
        const huge = ticket(31, { description: '"'.repeat(100_000), summary: 'x'.repeat(1000) });
        expect(fitTicket(huge, 50_000).description.length).toBeLessThan(100_000);
        expect(Buffer.byteLength(JSON.stringify(fitTicket(huge, 50_000)))).toBeLessThanOrEqual(50_000);
      });

      it('bulk-upserts a batch with the same newest-wins rule as one by one', async () => {
        await s.tickets.upsert(ticket(40, { summary: 'stored newer', updated: 9_000 }));
        await s.tickets.upsert(ticket(41, { summary: 'stored older', updated: 1_000 }));
        const outcomes = await s.tickets.upsertMany([
          ticket(40, { summary: 'older', updated: 5_000 }),
          ticket(41, { summary: 'newer', updated: 5_000 }),
          ticket(42, { summary: 'first', updated: 100 }),
          ticket(42, { summary: 'second', updated: 200 }),
          ...Array.from({ length: 300 }, (_, i) => ticket(100 + i)),
        ]);
        expect(outcomes.slice(0, 4)).toEqual(['stale', 'updated', 'stale', 'inserted']);
        expect(outcomes.slice(4).every((o) => o === 'inserted')).toBe(true);
        const got = await s.tickets.getMany([ticket(40).id, ticket(41).id, ticket(42).id]);
        expect(got.map((t) => t.summary)).toEqual(['stored newer', 'newer', 'second']);
        expect(await s.tickets.count()).toBe(303);
        expect(await s.tickets.upsertMany([ticket(100)])).toEqual(['stale']);
      });

      it('returns getMany in the order asked, skipping unknown ids', async () => {
        for (const n of [4, 5, 6]) await s.tickets.upsert(ticket(n));
        const got = await s.tickets.getMany([ticket(6).id, '999', ticket(4).id, ticket(6).id]);
        expect(got.map((t) => t.key)).toEqual(['HELP-6', 'HELP-4', 'HELP-6']);
      });

      it('pages through open and resolved tickets, each exactly once', async () => {
        for (let n = 1; n <= 7; n++) await s.tickets.upsert(ticket(n));
        for (let n = 8; n <= 12; n++) await s.tickets.upsert(resolvedTicket(n, 5_000 + (n % 3) * 100));
        const open: string[] = [];
        let after: string | null = null;
        do {
          const page = await s.tickets.listOpen({ limit: 3, after });
          open.push(...page.items.map((t) => t.key));
          after = page.next;
        } while (after !== null);
        expect(open.sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `HELP-${n}`).sort());

        const resolved: string[] = [];
        after = null;
        do {
          const page = await s.tickets.listResolvedSince(5_100, { limit: 2, after });
          resolved.push(...page.items.map((t) => t.key));
          after = page.next;
        } while (after !== null);
        // resolved 5,100 or later: n % 3 is 1 or 2 → 8, 10, 11; in resolved-time order.
        expect(resolved).toEqual(['HELP-10', 'HELP-8', 'HELP-11']);
        expect(await s.tickets.count({ open: true })).toBe(7);
        expect(await s.tickets.count({ open: false })).toBe(5);
        await expect(s.tickets.listResolvedSince(0, { limit: 2, after: 'nonsense' })).rejects.toThrow(
          'cursor',
        );
      });

      it('deletes a ticket with its index entry and suggestions', async () => {
        const t = ticket(20);
        await s.tickets.upsert(t);
        await s.index.put(computeIndexEntry({ id: t.id, summary: t.summary, description: t.description }));
        await s.suggestions.put(t.id, { a: 1 }, 5);
        expect(await s.tickets.delete(t.id)).toBe(true);
        expect(await s.tickets.get(t.id)).toBeNull();
        expect(await s.index.entries([t.id])).toEqual([]);
        expect((await s.index.stats()).documents).toBe(0);
        expect(await s.suggestions.get(t.id, (v) => v)).toBeNull();
        expect(await s.tickets.delete(t.id)).toBe(false);
      });

      it('purges only resolved tickets older than the cutoff, in batches', async () => {
        for (let n = 1; n <= 5; n++) await s.tickets.upsert(resolvedTicket(n, 1_000 + n));
        await s.tickets.upsert(ticket(6, { updated: 10 }));
        await s.tickets.upsert(resolvedTicket(7, 9_000));
        for (let n = 1; n <= 7; n++)
          await s.index.put(computeIndexEntry({ id: ticket(n).id, summary: `printer jam ${n}` }));
        expect(await s.tickets.purgeOlderThan(5_000, 3)).toEqual({ purged: 3, more: true });
        expect(await s.tickets.purgeOlderThan(5_000, 3)).toEqual({ purged: 2, more: false });
        expect(await s.tickets.purgeOlderThan(5_000, 3)).toEqual({ purged: 0, more: false });
        const left = await s.tickets.getMany([1, 2, 3, 4, 5, 6, 7].map((n) => ticket(n).id));
        expect(left.map((t) => t.key)).toEqual(['HELP-6', 'HELP-7']);
        expect((await s.index.stats()).documents).toBe(2);
        expect((await s.index.documentFrequencies(['printer'])).get('printer')).toBe(2);
      });
    });

    describe('similar index', () => {
      it('stores entries verbatim, hostile terms included', async () => {
        const entries = [
          computeIndexEntry({
            id: '1',
            summary: HOSTILE.script,
            description: HOSTILE.unicode,
            project: HOSTILE.quotes,
          }),
          computeIndexEntry({
            id: '2',
            summary: `${HOSTILE.proto} ${HOSTILE.ctor}`,
            description: HOSTILE.long,
          }),
          computeIndexEntry({ id: '3', summary: '' }),
        ];
        for (const e of entries) await s.index.put(e);
        expect((await s.index.entries(['3', '1', '2'])).map(normalise)).toEqual(
          [entries[2], entries[0], entries[1]].map((e) => normalise(e!)),
        );
        const docs = await s.index.docs(['2']);
        expect(docs.get('2')?.lengths).toEqual(entries[1]?.lengths);
        // A damaged row is left out (the caller re-indexes it), and a new put repairs it.
        await sqlDb.db
          .updateTable('tl_index_docs')
          .set({ terms: '[["vpn", -1]]' })
          .where('ticket_id', '=', '1')
          .execute();
        expect(await s.index.entries(['1'])).toEqual([]);
        const repaired = computeIndexEntry({ id: '1', summary: 'repaired printer' });
        await s.index.put(repaired);
        expect((await s.index.entries(['1'])).map(normalise)).toEqual([normalise(repaired)]);
      });

      it('keeps document frequencies and length sums equal to the in-memory index through adds, updates and removals', async () => {
        const docs = syntheticDocs(40, 7);
        const memory = new SimilarityIndex();
        for (const d of docs) {
          memory.add(d);
          await s.index.put(computeIndexEntry(d));
        }
        const rng = createRng(3);
        for (let i = 0; i < 15; i++) {
          const d = docs[Math.floor(rng() * docs.length)] as TicketDoc;
          const changed = {
            ...d,
            summary: `${d.summary} ${WORDS[i] as string}`,
            description: i % 2 === 0 ? '' : d.description,
          };
          memory.add(changed);
          await s.index.put(computeIndexEntry(changed));
        }
        for (const id of ['500', '510', '520']) memory.remove(id);
        await s.index.remove(['500', '510', '520', 'never-indexed']);
        expect(await s.index.stats()).toEqual(memory.stats());
        const dfs = await s.index.documentFrequencies([...WORDS, 'unknownterm']);
        for (const w of WORDS) expect(dfs.get(w) ?? 0).toBe(memory.documentFrequency(w));
        expect(dfs.get('unknownterm') ?? 0).toBe(0);
      });

      it('bulk-indexes new tickets and updates known ones, ending where one-by-one puts end', async () => {
        const docs = syntheticDocs(120, 13);
        const memory = new SimilarityIndex();
        for (const d of docs.slice(0, 20)) {
          memory.add(d);
          await s.index.put(computeIndexEntry(d));
        }
        const batch = docs.map((d, i) => (i < 10 ? { ...d, summary: `${d.summary} changed` } : d));
        for (const d of batch) memory.add(d);
        await s.index.putMany([
          ...batch.map((d) => computeIndexEntry(d)),
          computeIndexEntry(batch[50] as TicketDoc),
        ]);
        expect(await s.index.stats()).toEqual(memory.stats());
        const dfs = await s.index.documentFrequencies([...WORDS, 'changed']);
        for (const w of [...WORDS, 'changed']) expect(dfs.get(w) ?? 0).toBe(memory.documentFrequency(w));
        const q = computeIndexEntry(docs[3] as TicketDoc);
        expect((await findSimilarInSql(s.index, q)).map((r) => r.id)).toEqual(
          findSimilar(memory, q).map((r) => r.id),
        );
        const locked = await sqlDb.db
          .selectFrom('tl_index_docs')
          .select('ticket_id')
          .where('lock_until', '<>', 0)
          .execute();
        expect(locked).toEqual([]);
      });

      it('writes nothing when the same entry is put twice, and serialises concurrent puts of one ticket', async () => {
        const base = syntheticDocs(1, 11)[0] as TicketDoc;
        await s.index.put(computeIndexEntry(base));
        await s.index.put(computeIndexEntry(base));
        expect((await s.index.stats()).documents).toBe(1);
        const versions = [1, 2, 3, 4].map((k) => ({
          ...base,
          summary: `${base.summary} ${WORDS.slice(0, k * 3).join(' ')}`,
        }));
        await Promise.all(versions.map((v) => s.index.put(computeIndexEntry(v))));
        const [stored] = await s.index.entries([base.id]);
        const winner = versions.find(
          (v) => JSON.stringify(normalise(computeIndexEntry(v))) === JSON.stringify(normalise(stored!)),
        );
        expect(winner).toBeDefined();
        const memory = new SimilarityIndex();
        memory.add(winner!);
        expect(await s.index.stats()).toEqual(memory.stats());
        const dfs = await s.index.documentFrequencies(WORDS);
        for (const w of WORDS) expect(dfs.get(w) ?? 0).toBe(memory.documentFrequency(w));
      });

      it('recounts document frequencies and stats after drift, page by page', async () => {
        const docs = syntheticDocs(30, 17);
        const memory = new SimilarityIndex();
        for (const d of docs) {
          memory.add(d);
          await s.index.put(computeIndexEntry(d));
        }
        await sqlDb.db.updateTable('tl_terms').set({ df: 999 }).execute();
        await sqlDb.db.updateTable('tl_index_stats').set({ documents: 3, len_summary: 0 }).execute();
        let next: number | null = null;
        let pages = 0;
        do {
          next = (await s.index.recount(next, 5)).next;
          pages++;
        } while (next !== null);
        expect(pages).toBeGreaterThan(2);
        expect(await s.index.stats()).toEqual(memory.stats());
        const dfs = await s.index.documentFrequencies(WORDS);
        for (const w of WORDS) expect(dfs.get(w) ?? 0).toBe(memory.documentFrequency(w));
      });

      it('returns postings for the query terms under the filter, and none for terms over the cap', async () => {
        const docs = syntheticDocs(30, 5);
        for (const d of docs) await s.index.put(computeIndexEntry(d));
        const lists = await s.index.postings(['vpn', 'printer'], { project: 'OPS' }, 1_000);
        const memory = new SimilarityIndex();
        for (const d of docs) memory.add(d);
        for (const l of lists) {
          const expected: string[] = [];
          memory.forEachPosting(l.term, { project: 'OPS' }, (doc) => expected.push(memory.idOf(doc)));
          expect(l.postings.map((p) => p.id).sort()).toEqual(expected.sort());
          expect(l.df).toBe(memory.documentFrequency(l.term));
        }
        const capped = await s.index.postings(['vpn'], {}, 1);
        expect(capped[0]?.postings).toEqual([]);
      });

      it("keeps each posting's copy of its entry's lengths, project and creation time", async () => {
        const postingsOf = (id: string) =>
          sqlDb.db
            .selectFrom('tl_postings')
            .select(['len_summary', 'len_description', 'len_comments', 'project', 'created_ms'])
            .where('ticket_id', '=', id)
            .execute();
        const expectCopies = async (id: string, e: IndexEntry) => {
          const rows = await postingsOf(id);
          expect(rows.length).toBe(e.terms.length);
          for (const r of rows) {
            expect([r.len_summary, r.len_description, r.len_comments].map(Number)).toEqual(e.lengths);
            expect(r.project).toBe(e.project);
            expect(r.created_ms === null ? null : Number(r.created_ms)).toBe(
              Number.isFinite(e.createdMs) ? e.createdMs : null,
            );
          }
        };
        const [a, b] = syntheticDocs(2, 31) as [TicketDoc, TicketDoc];
        await s.index.putMany([computeIndexEntry(a)]);
        await expectCopies(a.id, computeIndexEntry(a));
        // An update that moves the ticket and lengthens it rewrites every posting's copy.
        const moved = { ...a, project: 'MOVED', summary: `${a.summary} vpn vpn printer` };
        await s.index.put(computeIndexEntry(moved));
        await expectCopies(a.id, computeIndexEntry(moved));
        const unknownCreation = computeIndexEntry({ id: b.id, summary: b.summary, project: 'HELP' });
        await s.index.put(unknownCreation);
        await expectCopies(b.id, unknownCreation);
        await s.index.remove([a.id]);
        expect(await postingsOf(a.id)).toEqual([]);
      });

      it('ranks exactly like the in-memory engine, with and without filters', async () => {
        const docs = syntheticDocs(80, 21);
        const memory = new SimilarityIndex();
        for (const d of docs) {
          memory.add(d);
          await s.index.put(computeIndexEntry(d));
        }
        const filters = [{}, { project: 'HELP' }, { createdBeforeMs: 1_600_000_000_000 + 40 * 3_600_000 }];
        for (const q of docs.slice(0, 12)) {
          for (const filter of filters) {
            const expected = findSimilar(memory, q, { filter }).map((r) => r.id);
            const got = (await findSimilarInSql(s.index, computeIndexEntry(q), { filter })).map((r) => r.id);
            expect(got).toEqual(expected);
          }
        }
        expect(await findSimilarInSql(s.index, computeIndexEntry({ id: 'x', summary: 'zzzz qqqq' }))).toEqual(
          [],
        );
        // Dozens of identical tickets tie exactly; ties go to the smaller id, as in memory.
        const twins = Array.from({ length: 40 }, (_, i) => ({
          id: String(900 + i),
          summary: 'printer jam tray two',
          description: 'paper stuck in tray two again after toner change',
          createdMs: 1_600_000_000_000,
          project: 'HELP',
        }));
        for (const t of twins) {
          memory.add(t);
          await s.index.put(computeIndexEntry(t));
        }
        const twinQuery = computeIndexEntry({ ...(twins[0] as TicketDoc), id: '999' });
        expect((await findSimilarInSql(s.index, twinQuery)).map((r) => r.id)).toEqual(
          findSimilar(memory, twinQuery).map((r) => r.id),
        );
        // Tiny SELECTs: terms grouped by df, common terms read in ticket-id pages; same postings.
        const paged = new SqlSimilarIndexStore(sqlDb, Date.now, 7);
        const sorted = (lists: { term: string; df: number; postings: { id: string }[] }[]) =>
          lists.map((l) => ({ ...l, postings: l.postings.map((p) => p.id).sort() }));
        for (const filter of filters) {
          const terms = ['vpn', 'printer', 'hadoop', 'gc', 'server'];
          expect(sorted(await paged.postings(terms, filter, 1_000))).toEqual(
            sorted(await s.index.postings(terms, filter, 1_000)),
          );
        }
      });
    });

    describe('models', () => {
      it('round-trips multi-chunk text (a surrogate pair on the cut) and bytes', async () => {
        const text = 'a'.repeat(CHARS_PER_CHUNK - 1) + '🚨' + HOSTILE.long + 'z'.repeat(CHARS_PER_CHUNK);
        const saved = await s.models.save('classifier', text, 3);
        expect(saved.chunks).toBe(3);
        const loaded = await s.models.load('classifier', 3);
        expect(loaded.status === 'ok' && loaded.payload).toBe(text);
        // The stamp names what a load returns, and every save changes it, even with the same bytes.
        const stamp = await s.models.stamp('classifier');
        expect(loaded.status === 'ok' && loaded.stamp).toBe(stamp);
        await s.models.save('classifier', text, 3);
        expect(await s.models.stamp('classifier')).not.toBe(stamp);
        expect(await s.models.stamp('never-saved')).toBeNull();

        const rng = createRng(9);
        const bytes = Uint8Array.from({ length: 2 * BYTES_PER_CHUNK + 17 }, () => Math.floor(rng() * 256));
        expect((await s.models.save('index', bytes, 1)).chunks).toBe(3);
        const back = await s.models.load('index', 1);
        expect(back.status).toBe('ok');
        expect(
          back.status === 'ok' && Buffer.from(back.payload as Uint8Array).equals(Buffer.from(bytes)),
        ).toBe(true);
        expect((await s.models.save('empty', '', 1)).chunks).toBe(0);
        expect(await s.models.load('empty', 1)).toMatchObject({ status: 'ok', payload: '' });
      });

      it('reports absent, old-version and corrupt models instead of throwing', async () => {
        expect(await s.models.load('nothing', 1)).toEqual({ status: 'absent' });
        await s.models.save('m', 'x'.repeat(CHARS_PER_CHUNK + 10), 1);
        expect(await s.models.load('m', 2)).toEqual({ status: 'old-version', found: 1, expected: 2 });
        await sqlDb.db
          .updateTable('tl_model_chunks')
          .set({ data: 'y' })
          .where('name', '=', 'm')
          .where('seq', '=', 1)
          .execute();
        expect(await s.models.load('m', 1)).toEqual({ status: 'corrupt', reason: 'checksum mismatch' });
        await sqlDb.db.deleteFrom('tl_model_chunks').where('name', '=', 'm').where('seq', '=', 0).execute();
        expect(await s.models.load('m', 1)).toMatchObject({ status: 'corrupt' });
        await s.models.save('m', 'rebuilt', 1);
        expect(await s.models.load('m', 1)).toMatchObject({ status: 'ok', payload: 'rebuilt' });
        const chunks = await sqlDb.db
          .selectFrom('tl_model_chunks')
          .select('generation')
          .where('name', '=', 'm')
          .execute();
        expect(new Set(chunks.map((c) => c.generation)).size).toBe(1);
        await s.models.delete('m');
        expect(await s.models.load('m', 1)).toEqual({ status: 'absent' });
      });
    });

    describe('suggestions', () => {
      it('keeps the latest value and reads unparseable rows as absent', async () => {
        const parse = (v: unknown) => {
          if (typeof v !== 'object' || v === null || !('n' in v)) throw new Error('bad');
          return v as { n: number };
        };
        await s.suggestions.put('1', { n: 1, why: HOSTILE.script }, 10);
        await s.suggestions.put('1', { n: 2, [HOSTILE.proto]: HOSTILE.unicode }, 20);
        expect(await s.suggestions.get('1', parse)).toEqual({
          value: { n: 2, [HOSTILE.proto]: HOSTILE.unicode },
          computedAt: 20,
          revision: 2,
        });
        await s.suggestions.put('2', { other: true }, 5);
        expect(await s.suggestions.get('2', parse)).toBeNull();
        await sqlDb.db
          .updateTable('tl_suggestions')
          .set({ body: '{not json' })
          .where('ticket_id', '=', '1')
          .execute();
        expect(await s.suggestions.get('1', parse)).toBeNull();
      });

      it('writes back only over the revision it read: of two writers exactly one wins', async () => {
        const parse = (v: unknown) => v as { n: number };
        const read = async () => {
          const row = await s.suggestions.get('7', parse);
          if (row === null) throw new Error('no row');
          return row;
        };
        // Two writers that both found no row: one inserts, the other is told it lost.
        const firsts = await Promise.all([
          s.suggestions.putIfUnchanged('7', { n: 1 }, 1, null),
          s.suggestions.putIfUnchanged('7', { n: 2 }, 2, null),
        ]);
        expect(firsts.filter((w) => w)).toHaveLength(1);
        expect((await read()).value.n).toBe(firsts[0] ? 1 : 2);
        // Two writers that read the same revision: one writes, the other writes nothing.
        const seen = await read();
        const seconds = await Promise.all([
          s.suggestions.putIfUnchanged('7', { n: 3 }, 3, seen.revision),
          s.suggestions.putIfUnchanged('7', { n: 4 }, 4, seen.revision),
        ]);
        expect(seconds.filter((w) => w)).toHaveLength(1);
        const after = await read();
        expect(after).toEqual({
          value: { n: seconds[0] ? 3 : 4 },
          computedAt: seconds[0] ? 3 : 4,
          revision: seen.revision + 1,
        });
        // A plain put (the consumer's recompute) moves the revision on, so a stale copy is refused.
        await s.suggestions.put('7', { n: 5 }, 5);
        expect(await s.suggestions.putIfUnchanged('7', { n: 6 }, 6, after.revision)).toBe(false);
        expect((await read()).value).toEqual({ n: 5 });
        // A row that no longer parses reads as absent, and a write that expects no row leaves it alone.
        await s.suggestions.put('8', { other: true }, 5);
        expect(await s.suggestions.get('8', (v) => parse(v).n.toFixed())).toBeNull();
        expect(await s.suggestions.putIfUnchanged('8', { n: 9 }, 9, null)).toBe(false);
      });
    });

    describe('feedback and audit', () => {
      it('counts feedback per UTC day, field and outcome', async () => {
        const day = Date.UTC(2026, 10, 20);
        const e = { ticketId: '1', issueKey: 'HELP-1', suggested: 'A', chosen: 'A', actor: 'acc' };
        await s.feedback.append({ ...e, at: day + 1_000, fieldId: 'priority', outcome: 'accepted' });
        await s.feedback.append({ ...e, at: day + 2_000, fieldId: 'priority', outcome: 'accepted' });
        await s.feedback.append({ ...e, at: day + 3_000, fieldId: 'priority', outcome: 'dismissed' });
        await s.feedback.append({ ...e, at: day + 86_400_000, fieldId: 'labels', outcome: 'auto-applied' });
        await s.feedback.append({ ...e, at: day - 1, fieldId: 'labels', outcome: 'replaced' });
        expect(await s.feedback.dailyCounts(day)).toEqual([
          { day: '2026-11-20', fieldId: 'priority', accepted: 2, replaced: 0, dismissed: 1, autoApplied: 0 },
          { day: '2026-11-21', fieldId: 'labels', accepted: 0, replaced: 0, dismissed: 0, autoApplied: 1 },
        ]);
      });

      it('filters and pages the audit log newest first', async () => {
        for (let i = 0; i < 7; i++) {
          await s.audit.append({
            at: 1_000 + i,
            actor: 'app',
            issueKey: i % 2 === 0 ? 'HELP-1' : 'HELP-2',
            action: i < 5 ? 'auto-apply' : 'link',
            fieldId: 'priority',
            before: HOSTILE.quotes,
            after: HOSTILE.script,
            reason: HOSTILE.unicode,
          });
        }
        const first = await s.audit.query({ issueKey: 'HELP-1', limit: 2 });
        expect(first.items.map((e) => e.at)).toEqual([
          new Date(1_006).toISOString(),
          new Date(1_004).toISOString(),
        ]);
        expect(first.items[0]).toMatchObject({
          before: HOSTILE.quotes,
          after: HOSTILE.script,
          reason: HOSTILE.unicode,
        });
        const second = await s.audit.query({ issueKey: 'HELP-1', limit: 2, before: first.next! });
        expect(second.items.map((e) => e.at)).toEqual([
          new Date(1_002).toISOString(),
          new Date(1_000).toISOString(),
        ]);
        expect(second.next).toBeNull();
        const links = await s.audit.query({ action: 'link', limit: 50 });
        expect(links.items).toHaveLength(2);
        expect((await s.audit.query({ action: HOSTILE.quotes.slice(0, 40), limit: 50 })).items).toEqual([]);
      });
    });

    describe('jobs', () => {
      const status = (state: JobStatus['state'], processed: number): JobStatus => ({
        kind: 'backfill',
        state,
        processed,
        total: null,
        startedAt: null,
        finishedAt: null,
        error: null,
      });

      it('lets exactly one of two workers claim a job', async () => {
        expect(await s.jobs.get('backfill')).toBeNull();
        const created = await s.jobs.compareAndSet('backfill', 0, {
          status: status('queued', 0),
          cursor: null,
        });
        expect(created?.revision).toBe(1);
        expect(
          await s.jobs.compareAndSet('backfill', 0, { status: status('queued', 0), cursor: null }),
        ).toBeNull();
        const claims = await Promise.all([
          s.jobs.compareAndSet('backfill', 1, { status: status('running', 0), cursor: 'worker-a' }),
          s.jobs.compareAndSet('backfill', 1, { status: status('running', 0), cursor: 'worker-b' }),
        ]);
        expect(claims.filter((c) => c !== null)).toHaveLength(1);
        const stored = await s.jobs.get('backfill');
        expect(stored?.revision).toBe(2);
        expect(stored?.cursor).toBe(claims.find((c) => c !== null)?.cursor);
        await sql`UPDATE tl_jobs SET status = ${'{"broken":'} WHERE kind = ${'backfill'}`.execute(sqlDb.db);
        expect((await s.jobs.get('backfill'))?.status.state).toBe('failed');
      });
    });
  });
}
