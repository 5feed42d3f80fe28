import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/local/adapters/sqlite-db';
import { describeIndexCrash } from './index-crash-suite';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'tl-index-crash-'));
const file = join(dir, 'index.db');

describeIndexCrash('SQLite', {
  target: file,
  open: () => openSqlite(file),
  cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
});
