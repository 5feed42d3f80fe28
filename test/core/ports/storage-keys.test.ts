import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import { STORAGE_KEYS } from '../../../src/core/ports/storage-keys';
import { readStateDoc, writeStateDoc } from '../../../src/core/shared/state-docs';

const docs = Object.values(STORAGE_KEYS);

describe('the storage-keys table', () => {
  it('names every document once, each state document short enough for its row key', () => {
    const names = docs.map((d) => `${d.store}:${d.name}`);
    expect(new Set(names).size).toBe(names.length);
    // tl_jobs.kind is VARCHAR(40) and state rows are kept under "state:<name>".
    for (const d of docs) if (d.store === 'state') expect(`state:${d.name}`.length).toBeLessThanOrEqual(40);
  });

  it('never reuses a moved document’s old model-store name for another document', () => {
    const modelNames = new Set(docs.flatMap((d) => (d.store === 'models' ? [d.name] : [])));
    for (const d of docs)
      if (d.store === 'state' && d.legacy) expect(modelNames.has(d.legacy.name)).toBe(false);
  });
});

describe('a state document that moved out of the model store', () => {
  it('is read from its old row until written, then only from the state store', async () => {
    const db = await openSqlite(':memory:');
    try {
      const storage = createSqlStorage(db);
      const doc = STORAGE_KEYS.openLoad;
      await storage.models.save('snapshot:open-load', JSON.stringify([['agent-a', 3]]), 1);
      expect(await readStateDoc(storage, doc)).toEqual([['agent-a', 3]]);
      expect(await writeStateDoc(storage, doc, [['agent-b', 1]])).toBe(true);
      expect((await storage.models.load('snapshot:open-load', 1)).status).toBe('absent');
      expect(await readStateDoc(storage, doc)).toEqual([['agent-b', 1]]);
      // A second write (the next sweep) replaces it: last writer wins.
      expect(await writeStateDoc(storage, doc, [['agent-c', 2]])).toBe(true);
      expect(await readStateDoc(storage, doc)).toEqual([['agent-c', 2]]);
    } finally {
      await db.close();
    }
  });

  it('reads as absent when neither place holds it, and a damaged one as absent too', async () => {
    const db = await openSqlite(':memory:');
    try {
      const storage = createSqlStorage(db);
      expect(await readStateDoc(storage, STORAGE_KEYS.openTeamLoad)).toBeNull();
      await storage.state.compareAndSet('open-team-load', 0, { not: 'counts' });
      expect(await readStateDoc(storage, STORAGE_KEYS.openTeamLoad)).toBeNull();
    } finally {
      await db.close();
    }
  });
});
