import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/adapters/local/sqlite-db';
import { SqlSimilarIndexStore } from '../../src/adapters/sql/index-repo';
import { indexDrift } from '../adapters/sql/index-consistency';

jest.setTimeout(120_000);

const WRITER = join(__dirname, 'fixtures', 'index-writer.ts');

/** Starts the writer on `file` (node itself, so the kill reaches the writing process), lets it write for `ms` after it is ready, then kills it with SIGKILL. */
function writeThenKill(file: string, seed: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(seed)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.once('error', reject);
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`writer ended without the kill (${String(signal)})`)),
    );
  });
}

/**
 * The index after real `kill -9`s mid-write: the start-up repair (what the workbench runs when
 * it opens its file) leaves every term's df and the stats row equal to a recount.
 */
describe('the similar index after SIGKILL mid-write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-index-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has counts equal to a recount once repaired, after each of several kills', async () => {
    const file = join(dir, 'index.db');
    let killedMidWrite = 0;
    for (let round = 0; round < 5; round++) {
      await writeThenKill(file, round + 1, 300 + Math.floor(Math.random() * 900));
      const sqlDb = await openSqlite(file);
      try {
        const index = new SqlSimilarIndexStore(sqlDb);
        const claimed = () =>
          sqlDb.db.selectFrom('tl_index_docs').select('ticket_id').where('lock_until', '<>', 0).execute();
        if ((await claimed()).length > 0) killedMidWrite++;
        await index.repairAfterCrash();
        // Nothing is left claimed for the next writer to wait out, and the counters are right.
        expect(await claimed()).toEqual([]);
        expect(await indexDrift(sqlDb)).toEqual([]);
        expect((await index.stats()).documents).toBeGreaterThan(0);
      } finally {
        await sqlDb.close();
      }
    }
    // The kills did land inside writes (each put is dozens of statements), so the repair was tried.
    expect(killedMidWrite).toBeGreaterThan(0);
  });
});
