import { migrationRunner } from '@forge/sql';
import { MIGRATIONS } from '../adapters/sql/migrations';

/**
 * Applies the schema through Forge's migration runner, which records applied names itself, so
 * the hourly scheduled run is a no-op once the schema is current. One statement per migration.
 */
export async function runForgeMigrations(): Promise<string[]> {
  let runner = migrationRunner;
  for (const m of MIGRATIONS) runner = runner.enqueue(m.name, m.ddl);
  return runner.run();
}
