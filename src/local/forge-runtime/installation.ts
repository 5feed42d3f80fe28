import { forgeSchema } from '../../adapters/forge/sql-migrations';
import type { SchemaPort } from '../../core/ports/schema';
import { InvocationRuntime } from './invocations';
import { openEmulatedForgeSql } from './limited-sql';
import type { EmulatedForgeSql, SqlCostModel } from './limited-sql';
import { emulatedMigrationRunner } from './migration-runner';
import { LimitMonitor } from './monitor';
import { SimClock } from './sim-clock';

/** One emulated Forge installation's platform: clock, limits, invocation runtime and SQL. */
export interface EmulatedPlatform {
  clock: SimClock;
  monitor: LimitMonitor;
  runtime: InvocationRuntime;
  sql: EmulatedForgeSql;
  /** The schema through `@forge/sql`'s own runner, as the app's Forge build uses it. */
  schema(): SchemaPort;
}

export function emulatedPlatform(options: {
  sqlitePath: string;
  start: number;
  quotaBytes?: number;
  cost?: SqlCostModel;
}): EmulatedPlatform {
  const clock = new SimClock(options.start);
  const monitor = new LimitMonitor(clock);
  const runtime = new InvocationRuntime(clock, monitor);
  const sql = openEmulatedForgeSql(options.sqlitePath, {
    monitor,
    clock,
    runtime,
    ...(options.quotaBytes !== undefined ? { quotaBytes: options.quotaBytes } : {}),
    ...(options.cost !== undefined ? { cost: options.cost } : {}),
  });
  return {
    clock,
    monitor,
    runtime,
    sql,
    schema: () => forgeSchema(sql.ddl.client, emulatedMigrationRunner(sql.ddl)),
  };
}

/** Applies the whole schema batch by batch, a simulated minute apart (tests, the simulation's start). */
export async function migrateFully(platform: EmulatedPlatform): Promise<void> {
  for (;;) {
    const { remaining } = await platform.schema().migrateBatch();
    if (remaining === 0) return;
    platform.clock.advance(60_000);
  }
}
