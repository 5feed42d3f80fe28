/**
 * The schema as an ordered list of named DDL statements, one statement each (Forge SQL runs one
 * statement per call and records applied names in its migration runner). The same text runs on
 * TiDB (Forge SQL), MariaDB and SQLite: only types all three accept (VARCHAR, SMALLINT, INT,
 * BIGINT, MEDIUMTEXT), no foreign keys, no defaults on text columns, no AUTO_INCREMENT (keys are
 * ours: Jira ids, names, hashes). Append new entries; never edit or reorder applied ones.
 */
export interface Migration {
  name: string;
  ddl: string;
}

const table = (name: string, body: string): string => `CREATE TABLE ${name} (${body})`;

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '001_tickets',
    ddl: table(
      'tl_tickets',
      `id VARCHAR(20) NOT NULL, issue_key VARCHAR(40) NOT NULL, project_key VARCHAR(20) NOT NULL,
       is_open SMALLINT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL,
       resolved_ms BIGINT NULL, doc MEDIUMTEXT NOT NULL, PRIMARY KEY (id)`,
    ),
  },
  { name: '002_tickets_key', ddl: 'CREATE INDEX tl_tickets_key ON tl_tickets (issue_key)' },
  { name: '003_tickets_open', ddl: 'CREATE INDEX tl_tickets_open ON tl_tickets (is_open, id)' },
  { name: '004_tickets_resolved', ddl: 'CREATE INDEX tl_tickets_resolved ON tl_tickets (resolved_ms, id)' },
  { name: '005_tickets_updated', ddl: 'CREATE INDEX tl_tickets_updated ON tl_tickets (is_open, updated_ms)' },
  {
    name: '006_index_docs',
    ddl: table(
      'tl_index_docs',
      `ticket_id VARCHAR(20) NOT NULL, rev INT NOT NULL, lock_until BIGINT NOT NULL, digest VARCHAR(64) NOT NULL,
       created_ms BIGINT NULL, project VARCHAR(255) NOT NULL, len_summary INT NOT NULL,
       len_description INT NOT NULL, len_comments INT NOT NULL, facets MEDIUMTEXT NOT NULL,
       signature MEDIUMTEXT NOT NULL, terms MEDIUMTEXT NOT NULL, PRIMARY KEY (ticket_id)`,
    ),
  },
  {
    name: '007_postings',
    ddl: table(
      'tl_postings',
      'term_hash BIGINT NOT NULL, ticket_id VARCHAR(20) NOT NULL, tf INT NOT NULL, PRIMARY KEY (term_hash, ticket_id)',
    ),
  },
  {
    name: '008_terms',
    ddl: table('tl_terms', 'term_hash BIGINT NOT NULL, df INT NOT NULL, PRIMARY KEY (term_hash)'),
  },
  {
    name: '009_index_stats',
    ddl: table(
      'tl_index_stats',
      `id INT NOT NULL, documents BIGINT NOT NULL, len_summary BIGINT NOT NULL, len_description BIGINT NOT NULL,
       len_comments BIGINT NOT NULL, PRIMARY KEY (id)`,
    ),
  },
  {
    name: '010_models',
    ddl: table(
      'tl_models',
      `name VARCHAR(100) NOT NULL, version INT NOT NULL, format VARCHAR(10) NOT NULL, generation VARCHAR(40) NOT NULL,
       bytes BIGINT NOT NULL, chunks INT NOT NULL, checksum VARCHAR(64) NOT NULL, saved_ms BIGINT NOT NULL,
       PRIMARY KEY (name)`,
    ),
  },
  {
    name: '011_model_chunks',
    ddl: table(
      'tl_model_chunks',
      `name VARCHAR(100) NOT NULL, generation VARCHAR(40) NOT NULL, seq INT NOT NULL, data MEDIUMTEXT NOT NULL,
       PRIMARY KEY (name, generation, seq)`,
    ),
  },
  {
    name: '012_suggestions',
    ddl: table(
      'tl_suggestions',
      'ticket_id VARCHAR(20) NOT NULL, computed_ms BIGINT NOT NULL, body MEDIUMTEXT NOT NULL, PRIMARY KEY (ticket_id)',
    ),
  },
  {
    name: '013_feedback',
    ddl: table(
      'tl_feedback',
      `id VARCHAR(40) NOT NULL, at_ms BIGINT NOT NULL, day VARCHAR(10) NOT NULL, ticket_id VARCHAR(20) NOT NULL,
       issue_key VARCHAR(40) NOT NULL, field_id VARCHAR(64) NOT NULL, outcome VARCHAR(20) NOT NULL,
       suggested MEDIUMTEXT NULL, chosen MEDIUMTEXT NULL, actor VARCHAR(128) NOT NULL, PRIMARY KEY (id)`,
    ),
  },
  { name: '014_feedback_at', ddl: 'CREATE INDEX tl_feedback_at ON tl_feedback (at_ms)' },
  {
    name: '015_audit',
    ddl: table(
      'tl_audit',
      `id VARCHAR(40) NOT NULL, at_ms BIGINT NOT NULL, actor VARCHAR(128) NOT NULL, issue_key VARCHAR(40) NOT NULL,
       action VARCHAR(40) NOT NULL, field_id VARCHAR(64) NULL, before_value MEDIUMTEXT NULL,
       after_value MEDIUMTEXT NULL, reason MEDIUMTEXT NULL, PRIMARY KEY (id)`,
    ),
  },
  { name: '016_audit_issue', ddl: 'CREATE INDEX tl_audit_issue ON tl_audit (issue_key, id)' },
  { name: '017_audit_action', ddl: 'CREATE INDEX tl_audit_action ON tl_audit (action, id)' },
  {
    name: '018_jobs',
    ddl: table(
      'tl_jobs',
      'kind VARCHAR(40) NOT NULL, revision INT NOT NULL, status MEDIUMTEXT NOT NULL, job_cursor MEDIUMTEXT NULL, PRIMARY KEY (kind)',
    ),
  },
  /** Bulk indexing marks the rows it inserted with a token, to release them in one statement. */
  { name: '019_index_docs_claim', ddl: 'ALTER TABLE tl_index_docs ADD COLUMN claim VARCHAR(40) NULL' },
  /** One row per SLA cycle the app predicted, and how it ended (src/adapters/sql/sla-outcome-repo.ts). */
  {
    name: '027_sla_predictions',
    ddl: table(
      'tl_sla_predictions',
      `ticket_id VARCHAR(20) NOT NULL, metric VARCHAR(200) NOT NULL, cycle_start BIGINT NOT NULL,
       issue_key VARCHAR(40) NOT NULL, goal_ms BIGINT NOT NULL, first_elapsed_ms BIGINT NOT NULL,
       first_ms BIGINT NOT NULL, first_ppm INT NOT NULL, first_bin SMALLINT NOT NULL,
       peak_ppm INT NOT NULL, peak_rank SMALLINT NOT NULL, outcome SMALLINT NULL, settled_ms BIGINT NULL,
       PRIMARY KEY (ticket_id, metric, cycle_start)`,
    ),
  },
  {
    name: '028_sla_predictions_settled',
    ddl: 'CREATE INDEX tl_sla_predictions_settled ON tl_sla_predictions (settled_ms, ticket_id)',
  },
  /** Compare-and-set token of a suggestions row: every write bumps it. */
  { name: '029_suggestions_rev', ddl: 'ALTER TABLE tl_suggestions ADD COLUMN rev INT NOT NULL DEFAULT 0' },
  /**
   * Each posting carries its ticket's field lengths, project and creation time, so the similar
   * search reads postings alone instead of joining every posting row with `tl_index_docs`.
   */
  { name: '030_postings_len_summary', ddl: 'ALTER TABLE tl_postings ADD COLUMN len_summary INT NULL' },
  {
    name: '031_postings_len_description',
    ddl: 'ALTER TABLE tl_postings ADD COLUMN len_description INT NULL',
  },
  { name: '032_postings_len_comments', ddl: 'ALTER TABLE tl_postings ADD COLUMN len_comments INT NULL' },
  { name: '033_postings_project', ddl: 'ALTER TABLE tl_postings ADD COLUMN project VARCHAR(255) NULL' },
  { name: '034_postings_created', ddl: 'ALTER TABLE tl_postings ADD COLUMN created_ms BIGINT NULL' },
  /** Postings written before 030 take their entry's values (correlated subqueries: all three run them). */
  {
    name: '035_postings_fill',
    ddl: `UPDATE tl_postings SET
       len_summary = (SELECT d.len_summary FROM tl_index_docs d WHERE d.ticket_id = tl_postings.ticket_id),
       len_description = (SELECT d.len_description FROM tl_index_docs d WHERE d.ticket_id = tl_postings.ticket_id),
       len_comments = (SELECT d.len_comments FROM tl_index_docs d WHERE d.ticket_id = tl_postings.ticket_id),
       project = (SELECT d.project FROM tl_index_docs d WHERE d.ticket_id = tl_postings.ticket_id),
       created_ms = (SELECT d.created_ms FROM tl_index_docs d WHERE d.ticket_id = tl_postings.ticket_id)
       WHERE len_summary IS NULL`,
  },
];
