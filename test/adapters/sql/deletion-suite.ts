/**
 * Deletion that sticks, run unchanged on SQLite (deletion.test.ts) and MariaDB
 * (deletion.mariadb.test.ts): a tombstoned issue's rows are gone, its counters are right, and no
 * write path stores it again, also when the write races with the deletion.
 */
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { computeIndexEntry } from '../../../src/engine/similar';
import type { Ticket } from '../../../src/core/shared/ticket';
import { clearAll, ticket } from './fixtures';
import { indexDrift } from './index-consistency';
import type { Harness } from './storage-suite';

const entryOf = (t: Ticket) =>
  computeIndexEntry({ id: t.id, summary: t.summary, description: t.description });

export function describeDeletion(label: string, harness: Harness): void {
  describe(`deleted issues on ${label}`, () => {
    let sqlDb: SqlDatabase;
    let s: SqlStorage;
    beforeAll(async () => {
      sqlDb = await harness.open();
      s = createSqlStorage(sqlDb);
    });
    afterAll(() => harness.close(sqlDb));
    beforeEach(() => clearAll(sqlDb));

    async function store(t: Ticket): Promise<void> {
      await s.tickets.upsert(t);
      await s.index.put(entryOf(t));
      await s.suggestions.put(t.id, { ticketUpdated: t.updated }, 1);
    }

    async function leftOf(id: string) {
      return {
        ticket: await s.tickets.get(id),
        entries: await s.index.entries([id]),
        suggestions: await s.suggestions.get(id, (v) => v),
      };
    }
    const gone = { ticket: null, entries: [], suggestions: null };

    it('removes the ticket, its index entry (counts kept right) and suggestions, and keeps a tombstone', async () => {
      const doomed = ticket(1);
      const kept = ticket(2, { summary: 'VPN drops every hour again' });
      await store(doomed);
      await store(kept);
      await s.tickets.bury(doomed.id, 5_000);
      expect(await leftOf(doomed.id)).toEqual(gone);
      expect((await s.index.stats()).documents).toBe(1);
      expect(await indexDrift(sqlDb)).toEqual([]);
      expect(await s.tickets.isBuried(doomed.id)).toBe(true);
      expect(await s.tickets.isBuried(kept.id)).toBe(false);
      const row = await sqlDb.db.selectFrom('tl_tombstones').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ ticket_id: doomed.id });
      expect(Number(row.deleted_ms)).toBe(5_000);
      expect(Number(row.last_updated_ms)).toBe(doomed.updated);
      // A second delete (the event and the ingest both bury) keeps the first record.
      await s.tickets.bury(doomed.id, 9_000);
      const again = await sqlDb.db.selectFrom('tl_tombstones').select('deleted_ms').executeTakeFirstOrThrow();
      expect(Number(again.deleted_ms)).toBe(5_000);
    });

    it('refuses every later write of the id, whatever its updated', async () => {
      const t = ticket(3);
      await store(t);
      await s.tickets.bury(t.id, 1);
      const newer = { ...t, updated: t.updated + 60_000, summary: 'resurrected' };
      expect(await s.tickets.upsert(newer)).toBe('deleted');
      expect(await s.tickets.upsertMany([newer, ticket(4)])).toEqual(['deleted', 'inserted']);
      await s.index.put(entryOf(newer));
      await s.index.putMany([entryOf(newer)]);
      await s.suggestions.put(t.id, { x: 1 }, 2);
      expect(await s.suggestions.putIfUnchanged(t.id, { x: 2 }, 3, null)).toBe(false);
      expect(await leftOf(t.id)).toEqual(gone);
      expect(await indexDrift(sqlDb)).toEqual([]);
      expect((await s.index.stats()).documents).toBe(0);
      expect(await s.tickets.get(ticket(4).id)).not.toBeNull();
    });

    it('a write racing the deletion never outlives it', async () => {
      for (let round = 0; round < 15; round++) {
        const t = ticket(100 + round);
        await store(t);
        const stale = { ...t, updated: t.updated + 1_000, summary: `stale write ${round}` };
        // The stale writer's statements interleave with the deletion's at every await.
        const writer = async () => {
          await s.tickets.upsert(stale);
          await s.index.put(entryOf(stale));
          await s.suggestions.put(t.id, { ticketUpdated: stale.updated }, 2);
        };
        const order = round % 3;
        const bury = () => s.tickets.bury(t.id, 2);
        if (order === 0) await Promise.all([writer(), bury()]);
        else if (order === 1) await Promise.all([bury(), writer()]);
        else await Promise.all([writer(), new Promise((r) => setTimeout(r, round)).then(bury)]);
        expect(await leftOf(t.id)).toEqual(gone);
      }
      expect(await indexDrift(sqlDb)).toEqual([]);
      expect((await s.index.stats()).documents).toBe(0);
    });

    it('keeps feedback and audit rows for the counts but clears their values', async () => {
      const t = ticket(5);
      await store(t);
      const at = Date.UTC(2026, 0, 5);
      const base = { at, ticketId: t.id, issueKey: t.key, actor: 'acc-9' } as const;
      await s.feedback.append({
        ...base,
        fieldId: 'priority',
        outcome: 'replaced',
        suggested: 'High',
        chosen: 'Low',
      });
      await s.feedback.append({
        ...base,
        fieldId: 'knowledge',
        outcome: 'accepted',
        suggested: null,
        chosen: '77',
      });
      await s.audit.append({
        at,
        actor: 'app',
        issueKey: t.key,
        action: 'auto-apply',
        fieldId: 'priority',
        before: 'Medium',
        after: 'High',
        reason: 'VPN drops every hour',
      });
      await s.tickets.bury(t.id, at + 1);
      const rows = await sqlDb.db
        .selectFrom('tl_feedback')
        .select(['field_id', 'suggested', 'chosen'])
        .orderBy('field_id')
        .execute();
      expect(rows).toEqual([
        { field_id: 'knowledge', suggested: null, chosen: '77' },
        { field_id: 'priority', suggested: null, chosen: null },
      ]);
      const daily = await s.feedback.dailyCounts(0);
      expect(daily.find((r) => r.fieldId === 'priority')).toMatchObject({ replaced: 1 });
      const audit = await s.audit.query({ issueKey: t.key, limit: 10 });
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: 'auto-apply', before: null, after: null, reason: null });
    });
  });
}
