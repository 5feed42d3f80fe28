import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SqlDatabase } from '../../src/adapters/sql/dialect';
import { SqlSimilarIndexStore } from '../../src/adapters/sql/index-repo';
import { indexDrift } from '../adapters/sql/index-consistency';

const WRITER = join(__dirname, 'fixtures', 'index-writer.ts');

/** Starts the writer on `target` (node itself, so the kill reaches the writing process), lets it write for `ms` after it is ready, then kills it with SIGKILL. */
function writeThenKill(target: string, seed: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, target, String(seed)], {
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

export interface CrashTarget {
  /** What the writer process is given: a SQLite file, or `mariadb:<database>`. */
  target: string;
  open(): Promise<SqlDatabase>;
  /** After the last round (drop the database, remove the file). */
  cleanup(): Promise<void>;
}

/**
 * The index after real `kill -9`s mid-write: the start-up repair (what the workbench runs when
 * it opens its file) leaves every term's df and the stats row equal to a recount. The repair is
 * the SQL repository's, so it holds on every database the repository runs on.
 */
export function describeIndexCrash(name: string, t: CrashTarget): void {
  describe(`the similar index after SIGKILL mid-write (${name})`, () => {
    afterAll(() => t.cleanup());

    it('has counts equal to a recount once repaired, after each of several kills', async () => {
      let killedMidWrite = 0;
      for (let round = 0; round < 5; round++) {
        await writeThenKill(t.target, round + 1, 300 + Math.floor(Math.random() * 900));
        const sqlDb = await t.open();
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
}
