import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import { recountIndex } from '../../../src/core/admin/recount-index';
import { STORAGE_KEYS } from '../../../src/core/ports/storage-keys';
import { readStateDoc } from '../../../src/core/shared/state-docs';
import { silentLogger } from '../../../src/core/ports/logger';
import { computeIndexEntry, SimilarityIndex } from '../../../src/engine/similar';
import type { TicketDoc } from '../../../src/engine/similar';

const WORDS = 'vpn printer outlook password reset laptop screen network slow disk backup email'.split(' ');

function docs(n: number): TicketDoc[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(700 + i),
    summary: `${WORDS[i % WORDS.length] ?? ''} ${WORDS[(i * 5) % WORDS.length] ?? ''} word${i}`,
    description: `${WORDS[(i * 7) % WORDS.length] ?? ''} issue number${i}`,
    comments: [],
    createdMs: 1_700_000_000_000 + i * 60_000,
    project: 'IT',
    components: [],
  }));
}

describe('weekly index recount', () => {
  let db: SqlDatabase;
  let storage: SqlStorage;
  const memory = new SimilarityIndex();
  beforeEach(async () => {
    db = await openSqlite(':memory:');
    storage = createSqlStorage(db);
    for (const d of docs(40)) {
      memory.add(d);
      await storage.index.put(computeIndexEntry(d));
    }
    // The drift a crash mid-write can leave behind.
    await db.db.updateTable('tl_terms').set({ df: 999 }).execute();
    await db.db.updateTable('tl_index_stats').set({ documents: 3 }).execute();
  });
  afterEach(() => db.close());

  const cursor = () => readStateDoc(storage, STORAGE_KEYS.indexRecount);
  const LEGACY = 'cursor:index-recount';

  const expectRepaired = async () => {
    expect(await storage.index.stats()).toEqual(memory.stats());
    const dfs = await storage.index.documentFrequencies(WORDS);
    for (const w of WORDS) expect(dfs.get(w)).toBe(memory.documentFrequency(w));
  };

  it('repairs document frequencies and stats in one run', async () => {
    const finished = await recountIndex({
      index: storage.index,
      storage,
      clock: { now: () => 0 },
      logger: silentLogger,
    });
    expect(finished).toBe(true);
    await expectRepaired();
    expect(await cursor()).toBeNull();
  });

  it('stops when its time is up and the next run continues where it stopped', async () => {
    let t = 0;
    const clock = { now: () => (t += 1_000) };
    const pages: (number | null)[] = [];
    // Small pages, so the pass takes several.
    const index = {
      recount: (after: number | null) => {
        pages.push(after);
        return storage.index.recount(after, 10);
      },
    };
    const deps = { index, storage, clock, logger: silentLogger };
    expect(await recountIndex(deps, 1)).toBe(false);
    expect(pages).toEqual([null]);
    expect(await cursor()).not.toBeNull();
    let runs = 1;
    while (!(await recountIndex(deps, 1))) runs++;
    expect(runs).toBeGreaterThan(2);
    // Each run resumed after the previous one: the pass started from the beginning only once.
    expect(pages.filter((p) => p === null)).toHaveLength(1);
    await expectRepaired();
  });

  it('an unreadable cursor restarts the pass instead of failing', async () => {
    await storage.state.compareAndSet('index-recount', 0, { after: 'nonsense' });
    const deps = { index: storage.index, storage, clock: { now: () => 0 }, logger: silentLogger };
    expect(await recountIndex(deps)).toBe(true);
    await expectRepaired();
  });

  it('an unreadable cursor under the old model-store key restarts the pass too', async () => {
    await storage.models.save(LEGACY, '{"after": "nonsense"', 1);
    const deps = {
      index: storage.index,
      storage,
      clock: { now: () => 0 },
      logger: silentLogger,
    };
    expect(await recountIndex(deps)).toBe(true);
    await expectRepaired();
  });

  it('an install upgraded from before the state store resumes from the cursor it kept in the model store', async () => {
    const pages: (number | null)[] = [];
    const index = {
      recount: (after: number | null) => {
        pages.push(after);
        return storage.index.recount(after, 10);
      },
    };
    let t = 0;
    const deps = { index, storage, clock: { now: () => (t += 1_000) }, logger: silentLogger };
    // Where an older version stopped: one page in.
    const first = await storage.index.recount(null, 10);
    expect(first.next).not.toBeNull();
    await storage.models.save(LEGACY, JSON.stringify({ after: first.next }), 1);
    expect(await cursor()).toEqual({ after: first.next });
    expect(await recountIndex(deps, 1)).toBe(false);
    expect(pages).toEqual([first.next]);
    // Written in its new place, the old row is gone: it can never be read back.
    expect((await storage.models.load(LEGACY, 1)).status).toBe('absent');
    expect(await storage.state.get('index-recount')).not.toBeNull();
    while (!(await recountIndex(deps, 1)));
    expect(pages.filter((p) => p === null)).toHaveLength(0);
    expect(await cursor()).toBeNull();
    await expectRepaired();
  });
});
