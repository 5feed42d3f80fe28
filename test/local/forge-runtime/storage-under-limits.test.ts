import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatedPlatform, migrateFully } from '../../../src/local/forge-runtime/installation';
import type { EmulatedPlatform } from '../../../src/local/forge-runtime/installation';
import { describeStorage } from '../../adapters/sql/storage-suite';

/**
 * The whole repository suite on Forge SQL as the limits runtime emulates it: schema only through
 * the migration runner, BIGINT answered as strings, every statement checked against the limits.
 */
const dir = mkdtempSync(join(tmpdir(), 'tl-forge-sql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let platform: EmulatedPlatform | null = null;
let n = 0;

describeStorage('SQLite under Forge SQL limits', {
  async open() {
    platform = emulatedPlatform({ sqlitePath: join(dir, `store-${++n}.db`), start: 1_700_000_000_000 });
    await migrateFully(platform);
    return platform.sql.sqlDb;
  },
  async close(sqlDb) {
    await sqlDb.close();
    expect(platform?.monitor.details ?? []).toEqual([]);
  },
});
