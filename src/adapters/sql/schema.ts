/**
 * Row types of the app's tables, as Kysely sees them. Times are epoch milliseconds in BIGINT
 * columns (no DATETIME: the three databases disagree on time zones and JSON has no date type);
 * structured values are JSON text validated with zod on read. Every table name starts with
 * `tl_` so the app's tables are easy to tell apart in a shared database.
 */
export interface TicketRow {
  id: string;
  issue_key: string;
  project_key: string;
  /** 1 while the status category is not done. */
  is_open: number;
  created_ms: number;
  updated_ms: number;
  resolved_ms: number | null;
  /** The whole Ticket as JSON. */
  doc: string;
}

export interface IndexDocRow {
  ticket_id: string;
  /** Compare-and-set token: bumped by every writer that claims the row. */
  rev: number;
  /** A writer holds the row until this time (epoch ms); 0 when free. */
  lock_until: number;
  /** Hash of the stored entry, so putting the same entry twice writes nothing. */
  digest: string;
  /** NULL when the creation time is unknown. */
  created_ms: number | null;
  project: string;
  len_summary: number;
  len_description: number;
  len_comments: number;
  /** JSON array of facet strings. */
  facets: string;
  /** MinHash slots as base-36 numbers joined by ",". */
  signature: string;
  /** The entry's terms with their packed frequencies (see index-codec.ts). */
  terms: string;
  /** Set while a bulk write holds the row (its token), NULL otherwise. */
  claim: string | null;
}

export interface PostingRow {
  /** 53-bit hash of the term (exact in a JSON number and a BIGINT). */
  term_hash: number;
  ticket_id: string;
  /** Field frequencies packed as summary << 20 | description << 10 | comments. */
  tf: number;
  /**
   * The ticket's field lengths, project and creation time, copied from its entry so a search
   * reads postings without a join (NULL only on rows a crash left without an entry).
   */
  len_summary: number | null;
  len_description: number | null;
  len_comments: number | null;
  project: string | null;
  created_ms: number | null;
}

export interface TermRow {
  term_hash: number;
  df: number;
}

export interface IndexStatsRow {
  id: number;
  documents: number;
  len_summary: number;
  len_description: number;
  len_comments: number;
}

export interface ModelRow {
  name: string;
  version: number;
  format: string;
  generation: string;
  bytes: number;
  chunks: number;
  checksum: string;
  saved_ms: number;
}

export interface ModelChunkRow {
  name: string;
  generation: string;
  seq: number;
  data: string;
}

export interface SuggestionRow {
  ticket_id: string;
  computed_ms: number;
  body: string;
  /** Compare-and-set token: every write adds one. */
  rev: number;
}

export interface FeedbackRow {
  id: string;
  at_ms: number;
  day: string;
  ticket_id: string;
  issue_key: string;
  field_id: string;
  outcome: string;
  suggested: string | null;
  chosen: string | null;
  actor: string;
}

export interface AuditRow {
  id: string;
  at_ms: number;
  actor: string;
  issue_key: string;
  action: string;
  field_id: string | null;
  before_value: string | null;
  after_value: string | null;
  reason: string | null;
}

export interface JobRow {
  kind: string;
  revision: number;
  status: string;
  job_cursor: string | null;
}

/** A deleted issue: no row of any table may be (re)created for it. */
export interface TombstoneRow {
  ticket_id: string;
  deleted_ms: number;
  /** The stored ticket's `updated` when it was deleted; NULL when it was never stored. */
  last_updated_ms: number | null;
}

/** A named lease: `holder` has it until `until_ms` (wall-clock epoch ms). */
export interface LeaseRow {
  name: string;
  holder: string;
  until_ms: number;
}

export interface MigrationRow {
  name: string;
  applied_ms: number;
}

export interface Database {
  tl_tickets: TicketRow;
  tl_index_docs: IndexDocRow;
  tl_postings: PostingRow;
  tl_terms: TermRow;
  tl_index_stats: IndexStatsRow;
  tl_models: ModelRow;
  tl_model_chunks: ModelChunkRow;
  tl_suggestions: SuggestionRow;
  tl_feedback: FeedbackRow;
  tl_audit: AuditRow;
  tl_jobs: JobRow;
  tl_tombstones: TombstoneRow;
  tl_leases: LeaseRow;
  tl_migrations: MigrationRow;
}
