/**
 * The database schema's state as the use-cases see it. Forge SQL's schema can lag the code
 * (a minor deploy fires no upgrade event, and DDL is rate-limited), so work that needs the
 * current schema asks first, and migrations run in bounded batches from the queue consumer.
 */
export interface SchemaPort {
  /** Whether the newest migration is recorded: one plain SELECT, never a DDL call. */
  isCurrent(): Promise<boolean>;
  /**
   * Applies the next batch of pending migrations, small enough for the DDL rate limit, and
   * returns how many ran and how many are still pending.
   */
  migrateBatch(): Promise<{ applied: number; remaining: number }>;
}

/** A schema migrated before the app was built (SQLite and MariaDB migrate when opened). */
export const migratedSchema: SchemaPort = {
  isCurrent: () => Promise.resolve(true),
  migrateBatch: () => Promise.resolve({ applied: 0, remaining: 0 }),
};
