import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SuggestionStore } from '../../../src/core/ports/storage';
import { storeComputed, updateSuggestions } from '../../../src/core/suggest/suggestion-update';
import { emptySuggestions, parseStoredSuggestions } from '../../../src/core/suggest/suggestions';
import type { StoredSuggestions } from '../../../src/core/suggest/suggestions';

const TICKET = '10001';

describe('suggestion rows written by compare-and-set (SQLite)', () => {
  let db: SqlDatabase;
  let store: SuggestionStore;
  beforeEach(async () => {
    db = await openSqlite(':memory:');
    store = createSqlStorage(db).suggestions;
  });
  afterEach(() => db.close());

  const read = async (): Promise<StoredSuggestions> => {
    const row = await store.get(TICKET, parseStoredSuggestions);
    if (!row) throw new Error('row missing');
    return row.value;
  };

  /** A store whose first conditional write is preceded by a rival's write to the same row. */
  function withRival(rival: () => Promise<unknown>): SuggestionStore {
    let raced = false;
    return {
      get: store.get.bind(store),
      put: store.put.bind(store),
      delete: store.delete.bind(store),
      async putIfUnchanged(ticketId, value, at, expected) {
        if (!raced) {
          raced = true;
          await rival();
        }
        return store.putIfUnchanged(ticketId, value, at, expected);
      },
    };
  }

  const dismissal = (fieldId: string) => (s: StoredSuggestions) => ({
    ...s,
    decisions: { ...s.decisions, [fieldId]: { state: 'dismissed' as const, value: 'Network', at: 5 } },
  });

  it("keeps a rival's decision when an agent's lands on a row that changed meanwhile", async () => {
    await store.put(TICKET, emptySuggestions(), 1);
    const racing = withRival(() => updateSuggestions(store, TICKET, 2, dismissal('priority')));
    expect(await updateSuggestions(racing, TICKET, 3, dismissal('components'))).toBe(true);
    expect(Object.keys((await read()).decisions).sort()).toEqual(['components', 'priority']);
  });

  it('a recompute carries over a decision recorded while it was computing', async () => {
    await store.put(TICKET, emptySuggestions(), 1);
    const basedOn = (await store.get(TICKET, parseStoredSuggestions))?.revision ?? null;
    // The agent dismisses while the consumer computes from the row it read before.
    await updateSuggestions(store, TICKET, 2, dismissal('priority'));
    const computed = { ...emptySuggestions(), ticketUpdated: 42, language: 'de' as const };
    await storeComputed(store, TICKET, computed, 3, basedOn);
    const row = await read();
    expect(row.ticketUpdated).toBe(42);
    expect(row.language).toBe('de');
    expect(row.decisions.priority?.state).toBe('dismissed');
  });

  it('writes nothing and says so when the ticket has no row, and leaves a row alone on null', async () => {
    expect(await updateSuggestions(store, TICKET, 1, dismissal('priority'))).toBe(false);
    expect(await store.get(TICKET, parseStoredSuggestions)).toBeNull();
    await store.put(TICKET, emptySuggestions(), 1);
    const before = await store.get(TICKET, parseStoredSuggestions);
    expect(await updateSuggestions(store, TICKET, 2, () => null)).toBe(true);
    expect((await store.get(TICKET, parseStoredSuggestions))?.revision).toBe(before?.revision);
  });

  it('a first computation for a ticket without a row stores it', async () => {
    await storeComputed(store, TICKET, { ...emptySuggestions(), ticketUpdated: 7 }, 1, null);
    expect((await read()).ticketUpdated).toBe(7);
  });
});
