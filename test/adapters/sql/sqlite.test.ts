import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { describeStorage } from './storage-suite';

const dir = mkdtempSync(join(tmpdir(), 'tl-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorage('SQLite', {
  open: () => openSqlite(join(dir, 'store.db')),
  close: (db) => db.close(),
});
