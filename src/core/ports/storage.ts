/**
 * Storage ports: what the use-cases need from persistence, and nothing about how it is kept.
 * Adapters implement them over Forge SQL / KVS in production and SQLite / MariaDB locally
 * (src/adapters/sql). Every method is async; every id is Jira's numeric issue id as a string.
 */
import type { AdminConfig } from '../../contracts/config';
import type {
  AuditEntry,
  AuditQuery,
  FeedbackOutcome,
  FieldMetricsRow,
  JobStatus,
} from '../../contracts/admin';
import type { CandidateFilter, CorpusStats, IndexEntry } from '../../engine/similar/types';
import type { Ticket } from '../shared/ticket';
import type { SlaOutcomeLog } from './sla-outcomes';
import type { StateDocName } from './storage-keys';

/** A page of results and the cursor for the next one (null when there is none). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  /** At most this many items (adapters clamp to a safe maximum). */
  limit: number;
  /** The `next` of the previous page. */
  after?: string | null;
}

/**
 * What an upsert did. `stale`: the stored ticket is as new or newer (its `updated` is not older),
 * so the write was dropped; out-of-order and duplicate events end in the same state. `deleted`:
 * the issue was deleted in Jira (tombstoned), so nothing is stored.
 */
export type UpsertOutcome = 'inserted' | 'updated' | 'stale' | 'deleted';

export interface TicketStore {
  /** Idempotent by id; the ticket with the newer `updated` wins, whatever the arrival order. */
  upsert(ticket: Ticket): Promise<UpsertOutcome>;
  /** The same rule for a batch (backfill): far fewer database requests; outcomes in input order. */
  upsertMany(tickets: readonly Ticket[]): Promise<UpsertOutcome[]>;
  get(id: string): Promise<Ticket | null>;
  /** The stored ticket's `updated`, or null when it is not stored: one small read, no JSON. */
  updatedOf(id: string): Promise<number | null>;
  getByKey(key: string): Promise<Ticket | null>;
  /** The tickets found, in the order of `ids`; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Ticket[]>;
  /** Tickets whose status category is not done, in a stable order. */
  listOpen(page: PageRequest): Promise<Page<Ticket>>;
  /** Resolved tickets with `resolved >= sinceMs` (training data), in a stable order. */
  listResolvedSince(sinceMs: number, page: PageRequest): Promise<Page<Ticket>>;
  /**
   * Tickets created at or after `sinceMs`, newest first (recent incidents). Adapters may narrow
   * the read by `updated >= sinceMs` too: Jira never stamps an issue updated before it was created.
   */
  listCreatedSince(sinceMs: number, page: PageRequest): Promise<Page<Ticket>>;
  count(filter?: { open?: boolean }): Promise<number>;
  /** Removes the ticket and everything derived from it (index entry, suggestions). */
  delete(id: string): Promise<boolean>;
  /**
   * The issue was deleted in Jira: records a tombstone first (so no later write of this id is
   * stored, whatever its `updated`), then removes the ticket, its index entry and suggestions, and
   * clears the field values in its feedback and audit rows (their counts stay). Idempotent.
   */
  bury(id: string, at: number): Promise<void>;
  /** Whether the issue was deleted (tombstoned). */
  isBuried(id: string): Promise<boolean>;
  /**
   * Retention: removes up to `limit` resolved tickets last updated before `cutoffMs`, with their
   * derived data. Open tickets are never purged. Call again while `more` is true.
   */
  purgeOlderThan(cutoffMs: number, limit: number): Promise<{ purged: number; more: boolean }>;
}

/** Postings of one query term: the tickets containing it, with their per-field frequencies. */
export interface TermPostings {
  term: string;
  /** Number of indexed tickets containing the term (over the whole index, before any filter). */
  df: number;
  postings: { id: string; tf: readonly [number, number, number] }[];
}

/** Per-ticket numbers the ranker needs besides the postings. */
export type IndexDocInfo = Omit<IndexEntry, 'terms'>;

/**
 * The similar-ticket index kept in the database: one entry per ticket (see the engine's
 * IndexEntry), plus what BM25F ranking needs (document frequencies, field length sums).
 */
export interface SimilarIndexStore {
  /** Stores or replaces the ticket's entry; the same entry twice is a no-op. */
  put(entry: IndexEntry): Promise<void>;
  /** `put` for a batch (backfill): new tickets in a few multi-row statements. */
  putMany(entries: readonly IndexEntry[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  stats(): Promise<CorpusStats>;
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /**
   * Postings for the query terms, restricted to tickets passing `filter`. `maxPerTerm` bounds
   * each list (a term in more tickets than that is returned with an empty list and its df).
   */
  postings(terms: readonly string[], filter: CandidateFilter, maxPerTerm: number): Promise<TermPostings[]>;
  /** Lengths, facets, signature, project and creation time of these tickets. */
  docs(ids: readonly string[]): Promise<Map<string, IndexDocInfo>>;
  /** Full stored entries (terms included), e.g. to rebuild an in-memory index. */
  entries(ids: readonly string[]): Promise<IndexEntry[]>;
  /**
   * Recomputes the document frequencies of one page of terms (and the corpus stats on the first
   * page) from what is stored: repairs the drift a crash mid-write can leave. Resumable: call
   * again with `next` until it is null.
   */
  recount(after: number | null, pageSize?: number): Promise<{ next: number | null }>;
}

export type ModelPayload = Uint8Array | string;

/** The result of loading a model: callers rebuild on anything but `ok`. */
export type ModelLoad =
  /** `stamp` names the stored generation: it changes whenever the model is saved again. */
  | { status: 'ok'; payload: ModelPayload; version: number; savedAt: number; stamp: string }
  | { status: 'absent' }
  /** Stored by another format version: rebuild, then save over it. */
  | { status: 'old-version'; found: number; expected: number }
  /** A chunk is missing, truncated or fails its checksum. */
  | { status: 'corrupt'; reason: string };

export interface ModelStore {
  /** Saves a model under `name`, split into chunks that fit a row and a request. */
  save(name: string, payload: ModelPayload, version: number): Promise<{ bytes: number; chunks: number }>;
  load(name: string, expectedVersion: number): Promise<ModelLoad>;
  /**
   * The stamp a `load` would report now (format version and generation), or null when absent:
   * one small read, so a model kept in memory can be checked without loading it again.
   */
  stamp(name: string): Promise<string | null>;
  delete(name: string): Promise<void>;
}

/** Latest computed suggestions per issue, as an opaque JSON value validated by the caller's schema. */
export interface SuggestionStore {
  /** Writes the row whatever it holds (the consumer's recompute owns it). */
  put(ticketId: string, value: unknown, computedAt: number): Promise<void>;
  /**
   * `null` when absent, or when the stored JSON no longer passes `parse` (treated as absent).
   * `revision` changes on every write: the token for `putIfUnchanged`.
   */
  get<T>(
    ticketId: string,
    parse: (value: unknown) => T,
  ): Promise<{ value: T; computedAt: number; revision: number } | null>;
  /**
   * Writes only if the row still has `expectedRevision` (null: only if there is no row yet).
   * False when another writer got there first; nothing is written then.
   */
  putIfUnchanged(
    ticketId: string,
    value: unknown,
    computedAt: number,
    expectedRevision: number | null,
  ): Promise<boolean>;
  delete(ticketIds: readonly string[]): Promise<void>;
}

export interface FeedbackEvent {
  at: number;
  ticketId: string;
  issueKey: string;
  fieldId: string;
  outcome: FeedbackOutcome;
  suggested: string | null;
  chosen: string | null;
  actor: string;
}

/** Feedback on knowledge articles: `knowledge` rows say helped / did not help, `knowledgeShare` rows a share. */
export const ARTICLE_FEEDBACK_FIELD = 'knowledge';
export const ARTICLE_SHARE_FIELD = 'knowledgeShare';

export interface ArticleFeedbackRow {
  at: number;
  ticketId: string;
  fieldId: typeof ARTICLE_FEEDBACK_FIELD | typeof ARTICLE_SHARE_FIELD;
  /** The article's page id. */
  pageId: string;
  outcome: FeedbackOutcome;
  actor: string;
}

export interface FeedbackLog {
  /** Returns the new row's id (a decision keeps it, so an undo can retract the row). */
  append(event: FeedbackEvent): Promise<string>;
  /** Removes one row: the agent took the decision back, so the metrics no longer count it. */
  retract(id: string): Promise<void>;
  /** Feedback on articles, newest first, at most `limit` rows (the article evidence reads these). */
  articleFeedback(limit: number): Promise<ArticleFeedbackRow[]>;
  /** Per UTC day (YYYY-MM-DD) and field: counts per outcome, days ascending, from `sinceMs`. */
  dailyCounts(sinceMs: number): Promise<FieldMetricsRow[]>;
  /** One field's decisions since `sinceMs`, newest first, at most `limit` (the drift watch reads these). */
  recentDecisions(fieldId: string, sinceMs: number, limit: number): Promise<FeedbackEvent[]>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at: number };

export interface AuditLog {
  /** Returns the new entry's id. */
  append(entry: NewAuditEntry): Promise<string>;
  /** Newest first; `before` is the `next` cursor of the previous page (an entry id). */
  query(q: AuditQuery): Promise<Page<AuditEntry>>;
}

export type JobKind = JobStatus['kind'];

/** A job's persisted state: its public status plus the private checkpoint it resumes from. */
export interface JobRecord {
  status: JobStatus;
  /** Opaque resume point (e.g. a search cursor), null at start. */
  cursor: string | null;
  /** Increases on every write; the compare-and-set token. */
  revision: number;
}

export interface JobStateStore {
  get(kind: JobKind): Promise<JobRecord | null>;
  /**
   * Writes `next` only if the stored revision still equals `expectedRevision` (0 = no record
   * yet). Returns the new record, or null when another worker got there first.
   */
  compareAndSet(
    kind: JobKind,
    expectedRevision: number,
    next: Omit<JobRecord, 'revision'>,
  ): Promise<JobRecord | null>;
}

/** The state documents by name, with their schemas, in the storage-keys table. */
export type { StateDocName } from './storage-keys';

/**
 * Small JSON documents (at most STATE_DOC_MAX_BYTES), written compare-and-set like job records,
 * so two admins acting at once cannot silently undo each other.
 */
export interface StateDocStore {
  /** The stored JSON (null when its text no longer parses) and its revision; null when never written. */
  get(name: StateDocName): Promise<{ value: unknown; revision: number } | null>;
  /**
   * Writes `value` only if the stored revision is still `expectedRevision` (0 = not written yet).
   * Returns the new revision, or null when another writer got there first.
   */
  compareAndSet(name: StateDocName, expectedRevision: number, value: unknown): Promise<number | null>;
}

/** A state document's largest JSON text: one row, far inside Forge SQL's 1 MiB per request. */
export const STATE_DOC_MAX_BYTES = 512 * 1024;

export interface ConfigStore {
  /** The stored configuration, or DEFAULT_CONFIG when none was saved (or it no longer validates). */
  load(): Promise<AdminConfig>;
  save(config: AdminConfig): Promise<void>;
}

/**
 * Short named leases between concurrent invocations (wall-clock time: they are about live
 * processes). A holder that crashed frees its lease when it runs out.
 */
export interface LeaseStore {
  /** Takes the lease for `ttlMs` unless another holder's is still running; true when taken. */
  tryTake(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives it back (only the holder's own). */
  release(name: string, holder: string): Promise<void>;
}

/** Everything the use-cases persist in the app's database, from one adapter. */
export interface Storage {
  tickets: TicketStore;
  index: SimilarIndexStore;
  models: ModelStore;
  suggestions: SuggestionStore;
  feedback: FeedbackLog;
  audit: AuditLog;
  jobs: JobStateStore;
  /** Small named documents, e.g. the problem candidates an admin dismissed. */
  state: StateDocStore;
  /** SLA cycles the app predicted and how they ended (the admin's SLA metrics). */
  slaOutcomes: SlaOutcomeLog;
  leases: LeaseStore;
}
