/**
 * What problem candidates read and write in SQL (recent tickets, the dismissal document), run
 * unchanged on SQLite (recurring-storage.test.ts) and MariaDB (recurring-storage.mariadb.test.ts).
 */
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { STATE_DOC_MAX_BYTES } from '../../../src/core/ports/storage';
import type { Ticket } from '../../../src/core/shared/ticket';
import { resolvedTicket, ticket } from './fixtures';
import type { Harness } from './storage-suite';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

export function describeRecurringStorage(label: string, harness: Harness): void {
  describe(`problem-candidate storage on ${label}`, () => {
    let sqlDb: SqlDatabase;
    let s: SqlStorage;
    beforeEach(async () => {
      sqlDb = await harness.open();
      s = createSqlStorage(sqlDb);
    });
    afterEach(() => harness.close(sqlDb));

    const keysOf = (tickets: readonly Ticket[]) => tickets.map((t) => t.key);

    it('lists tickets created since a time, newest first, open and resolved, page by page', async () => {
      await s.tickets.upsertMany([
        ticket(1, { created: T0 - 10 * MIN, updated: T0 + 50 * MIN }), // old, recently updated
        ticket(2, { created: T0, updated: T0 }),
        resolvedTicket(3, T0 + 30 * MIN, { created: T0 + 5 * MIN, updated: T0 + 30 * MIN }),
        ticket(4, { created: T0 + 5 * MIN, updated: T0 + 5 * MIN }), // same time as 3: id breaks the tie
        ticket(5, { created: T0 + 9 * MIN, updated: T0 + 9 * MIN }),
      ]);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await s.tickets.listCreatedSince(T0, { limit: 2, after });
        seen.push(...keysOf(page.items));
        after = page.next;
        pages++;
      } while (after !== null && pages < 10);
      expect(seen).toEqual(['HELP-5', 'HELP-4', 'HELP-3', 'HELP-2']);
      expect(pages).toBe(2);
      expect(keysOf((await s.tickets.listCreatedSince(T0 + 6 * MIN, { limit: 10 })).items)).toEqual([
        'HELP-5',
      ]);
      expect((await s.tickets.listCreatedSince(T0 + 60 * MIN, { limit: 10 })).items).toEqual([]);
    });

    it('refuses a cursor it did not hand out', async () => {
      for (const after of ['nonsense', `${T0}:10001`, `${T0}~1~2`, "1~1' OR '1'='1"])
        await expect(s.tickets.listCreatedSince(0, { limit: 2, after })).rejects.toThrow(/cursor/);
    });

    it('keeps a state document with compare-and-set: the loser of a race writes nothing', async () => {
      expect(await s.state.get('recurring-dismissals')).toBeNull();
      const first = await s.state.compareAndSet('recurring-dismissals', 0, { dismissed: ['a'] });
      expect(first).toBe(1);
      // A second "first write" (another admin who also read nothing) loses.
      expect(await s.state.compareAndSet('recurring-dismissals', 0, { dismissed: ['b'] })).toBeNull();
      expect(await s.state.compareAndSet('recurring-dismissals', 1, { dismissed: ['a', 'c'] })).toBe(2);
      expect(await s.state.compareAndSet('recurring-dismissals', 1, { dismissed: ['d'] })).toBeNull();
      expect(await s.state.get('recurring-dismissals')).toEqual({
        value: { dismissed: ['a', 'c'] },
        revision: 2,
      });
      // The job store does not see the document; the document does not disturb the jobs.
      expect(await s.jobs.get('backfill')).toBeNull();
    });

    it('stores text as given (markup, __proto__, Unicode) and refuses an oversized document', async () => {
      const value = JSON.parse(
        '{"__proto__": {"x": 1}, "t": "<script>alert(1)</script> ü \\u202e 😀"}',
      ) as unknown;
      expect(await s.state.compareAndSet('recurring-dismissals', 0, value)).toBe(1);
      expect((await s.state.get('recurring-dismissals'))?.value).toEqual(value);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      await expect(
        s.state.compareAndSet('recurring-dismissals', 1, { big: 'x'.repeat(STATE_DOC_MAX_BYTES) }),
      ).rejects.toThrow(/at most/);
      expect((await s.state.get('recurring-dismissals'))?.revision).toBe(1);
    });
  });
}
