/**
 * The schema as an ordered list of named DDL statements, one statement each (Forge SQL runs one
 * statement per call and records applied names in its migration runner). The same text runs on
 * TiDB (Forge SQL), MariaDB and SQLite: only types all three accept (VARCHAR, SMALLINT, INT,
 * BIGINT, MEDIUMTEXT), no foreign keys, no defaults on text columns, no AUTO_INCREMENT (keys are
 * ours: Jira ids, names, hashes).
 *
 * Every statement is idempotent (`IF NOT EXISTS`), so a run killed between executing a statement
 * and recording its name simply runs it again. The baseline below is the whole schema as of the
 * first release (the earlier per-change migrations were squashed into it before anything
 * shipped). After it, append entries; never edit, rename or reorder one (see docs/storage.md,
 * "Changing the schema").
 */
export interface Migration {
  name: string;
  ddl: string;
}

const table = (name: string, body: string): Migration => ({
  name: `baseline_${name}`,
  ddl: `CREATE TABLE IF NOT EXISTS ${name} (${body})`,
});
const index = (name: string, on: string): Migration => ({
  name: `baseline_${name}`,
  ddl: `CREATE INDEX IF NOT EXISTS ${name} ON ${on}`,
});

export const BASELINE: readonly Migration[] = [
  table(
    'tl_tickets',
    `id VARCHAR(20) NOT NULL, issue_key VARCHAR(40) NOT NULL, project_key VARCHAR(20) NOT NULL,
     is_open SMALLINT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL,
     resolved_ms BIGINT NULL, doc MEDIUMTEXT NOT NULL, PRIMARY KEY (id)`,
  ),
  index('tl_tickets_key', 'tl_tickets (issue_key)'),
  index('tl_tickets_open', 'tl_tickets (is_open, id)'),
  index('tl_tickets_resolved', 'tl_tickets (resolved_ms, id)'),
  index('tl_tickets_updated', 'tl_tickets (is_open, updated_ms)'),
  /** `claim` marks the rows a bulk index write inserted, to release them in one statement. */
  table(
    'tl_index_docs',
    `ticket_id VARCHAR(20) NOT NULL, rev INT NOT NULL, lock_until BIGINT NOT NULL, digest VARCHAR(64) NOT NULL,
     created_ms BIGINT NULL, project VARCHAR(255) NOT NULL, len_summary INT NOT NULL,
     len_description INT NOT NULL, len_comments INT NOT NULL, facets MEDIUMTEXT NOT NULL,
     signature MEDIUMTEXT NOT NULL, terms MEDIUMTEXT NOT NULL, claim VARCHAR(40) NULL, PRIMARY KEY (ticket_id)`,
  ),
  /**
   * Each posting carries its ticket's field lengths, project and creation time, so the similar
   * search reads postings alone instead of joining every posting row with `tl_index_docs`.
   */
  table(
    'tl_postings',
    `term_hash BIGINT NOT NULL, ticket_id VARCHAR(20) NOT NULL, tf INT NOT NULL, len_summary INT NULL,
     len_description INT NULL, len_comments INT NULL, project VARCHAR(255) NULL, created_ms BIGINT NULL,
     PRIMARY KEY (term_hash, ticket_id)`,
  ),
  table('tl_terms', 'term_hash BIGINT NOT NULL, df INT NOT NULL, PRIMARY KEY (term_hash)'),
  table(
    'tl_index_stats',
    `id INT NOT NULL, documents BIGINT NOT NULL, len_summary BIGINT NOT NULL, len_description BIGINT NOT NULL,
     len_comments BIGINT NOT NULL, PRIMARY KEY (id)`,
  ),
  table(
    'tl_models',
    `name VARCHAR(100) NOT NULL, version INT NOT NULL, format VARCHAR(10) NOT NULL, generation VARCHAR(40) NOT NULL,
     bytes BIGINT NOT NULL, chunks INT NOT NULL, checksum VARCHAR(64) NOT NULL, saved_ms BIGINT NOT NULL,
     PRIMARY KEY (name)`,
  ),
  table(
    'tl_model_chunks',
    `name VARCHAR(100) NOT NULL, generation VARCHAR(40) NOT NULL, seq INT NOT NULL, data MEDIUMTEXT NOT NULL,
     PRIMARY KEY (name, generation, seq)`,
  ),
  /** `rev` is the row's compare-and-set token: every write bumps it. */
  table(
    'tl_suggestions',
    `ticket_id VARCHAR(20) NOT NULL, computed_ms BIGINT NOT NULL, body MEDIUMTEXT NOT NULL,
     rev INT NOT NULL DEFAULT 0, PRIMARY KEY (ticket_id)`,
  ),
  table(
    'tl_feedback',
    `id VARCHAR(40) NOT NULL, at_ms BIGINT NOT NULL, day VARCHAR(10) NOT NULL, ticket_id VARCHAR(20) NOT NULL,
     issue_key VARCHAR(40) NOT NULL, field_id VARCHAR(64) NOT NULL, outcome VARCHAR(20) NOT NULL,
     suggested MEDIUMTEXT NULL, chosen MEDIUMTEXT NULL, actor VARCHAR(128) NOT NULL, PRIMARY KEY (id)`,
  ),
  index('tl_feedback_at', 'tl_feedback (at_ms)'),
  table(
    'tl_audit',
    `id VARCHAR(40) NOT NULL, at_ms BIGINT NOT NULL, actor VARCHAR(128) NOT NULL, issue_key VARCHAR(40) NOT NULL,
     action VARCHAR(40) NOT NULL, field_id VARCHAR(64) NULL, before_value MEDIUMTEXT NULL,
     after_value MEDIUMTEXT NULL, reason MEDIUMTEXT NULL, PRIMARY KEY (id)`,
  ),
  index('tl_audit_issue', 'tl_audit (issue_key, id)'),
  index('tl_audit_action', 'tl_audit (action, id)'),
  table(
    'tl_jobs',
    `kind VARCHAR(40) NOT NULL, revision INT NOT NULL, status MEDIUMTEXT NOT NULL, job_cursor MEDIUMTEXT NULL,
     PRIMARY KEY (kind)`,
  ),
  /** One row per SLA cycle the app predicted, and how it ended (src/adapters/sql/sla-outcome-repo.ts). */
  table(
    'tl_sla_predictions',
    `ticket_id VARCHAR(20) NOT NULL, metric VARCHAR(200) NOT NULL, cycle_start BIGINT NOT NULL,
     issue_key VARCHAR(40) NOT NULL, goal_ms BIGINT NOT NULL, first_elapsed_ms BIGINT NOT NULL,
     first_ms BIGINT NOT NULL, first_ppm INT NOT NULL, first_bin SMALLINT NOT NULL,
     peak_ppm INT NOT NULL, peak_rank SMALLINT NOT NULL, outcome SMALLINT NULL, settled_ms BIGINT NULL,
     PRIMARY KEY (ticket_id, metric, cycle_start)`,
  ),
  index('tl_sla_predictions_settled', 'tl_sla_predictions (settled_ms, ticket_id)'),
];

/**
 * Changes after the baseline, in order: `CREATE TABLE IF NOT EXISTS`, `CREATE INDEX IF NOT
 * EXISTS` or `ALTER TABLE … ADD COLUMN IF NOT EXISTS …` (nullable or with a default), one
 * statement each, named `NNN_what` with the next number.
 */
export const CHANGES: readonly Migration[] = [
  /**
   * A deleted issue's id, when the delete was seen and the last stored `updated`: every
   * write path refuses a tombstoned id, so a stale write cannot bring the ticket back.
   */
  {
    name: '001_tombstones',
    ddl: `CREATE TABLE IF NOT EXISTS tl_tombstones (ticket_id VARCHAR(20) NOT NULL, deleted_ms BIGINT NOT NULL,
     last_updated_ms BIGINT NULL, PRIMARY KEY (ticket_id))`,
  },
  /** Short named leases (an agent action holds its issue's), taken and released compare-and-set. */
  {
    name: '002_leases',
    ddl: `CREATE TABLE IF NOT EXISTS tl_leases (name VARCHAR(100) NOT NULL, holder VARCHAR(40) NOT NULL,
     until_ms BIGINT NOT NULL, PRIMARY KEY (name))`,
  },
];

export const MIGRATIONS: readonly Migration[] = [...BASELINE, ...CHANGES];

/** The name whose presence in the ledger means the schema is current. */
export const LATEST_MIGRATION: string = MIGRATIONS[MIGRATIONS.length - 1]?.name ?? '';
