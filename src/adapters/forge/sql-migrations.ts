import { MIGRATIONS } from '../sql/migrations';
import type { Migration } from '../sql/migrations';

/** The part of `@forge/sql`'s migrationRunner used here. */
export interface ForgeMigrationQueue<R> {
  enqueue(name: string, statement: string): R;
}

/**
 * Enqueues every migration, in order, on Forge's runner (which skips the names it has already
 * applied and records the rest), and returns the runner for `.run()`.
 */
export function enqueueMigrations<R extends ForgeMigrationQueue<R>>(
  runner: R,
  migrations: readonly Migration[] = MIGRATIONS,
): R {
  let r = runner;
  for (const m of migrations) r = r.enqueue(m.name, m.ddl);
  return r;
}
