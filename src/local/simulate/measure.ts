import BetterSqlite3 from 'better-sqlite3';
import type { EmulatorSite } from '../emulator/site';

/** Read-only figures straight from the installation's database file, outside any invocation. */
export class StoreProbe {
  private readonly db: BetterSqlite3.Database;

  constructor(path: string) {
    this.db = new BetterSqlite3(path, { readonly: true, fileMustExist: false });
  }

  private hasTable(name: string): boolean {
    return (
      this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
    );
  }

  /** A job's status, or null before the tables or the job exist. */
  job(kind: string): { state?: string; processed?: number; finishedAt?: string | null } | null {
    if (!this.hasTable('tl_jobs')) return null;
    const row = this.db.prepare('SELECT status FROM tl_jobs WHERE kind = ?').get(kind) as
      { status: string } | undefined;
    return row ? (JSON.parse(row.status) as { state?: string; processed?: number }) : null;
  }

  storedTickets(): number {
    if (!this.hasTable('tl_tickets')) return 0;
    return (this.db.prepare('SELECT COUNT(*) AS n FROM tl_tickets').get() as { n: number }).n;
  }

  /** Rows that hold the same issue twice: tickets by key, index documents by ticket, suggestions. */
  duplicateRows(): number {
    if (!this.hasTable('tl_tickets')) return 0;
    const one = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    return (
      one('SELECT COUNT(*) - COUNT(DISTINCT issue_key) AS n FROM tl_tickets') +
      one('SELECT COUNT(*) - COUNT(DISTINCT ticket_id) AS n FROM tl_index_docs') +
      one(
        'SELECT COUNT(*) AS n FROM tl_index_docs d WHERE NOT EXISTS (SELECT 1 FROM tl_tickets t WHERE t.id = d.ticket_id)',
      )
    );
  }

  /** Terms whose stored document frequency is not the number of their postings. */
  indexDriftTerms(): number {
    if (!this.hasTable('tl_terms')) return 0;
    const wrong = this.db
      .prepare(
        'SELECT COUNT(*) AS n FROM tl_terms t WHERE t.df <> (SELECT COUNT(*) FROM tl_postings p WHERE p.term_hash = t.term_hash)',
      )
      .get() as { n: number };
    const missing = this.db
      .prepare(
        'SELECT COUNT(DISTINCT p.term_hash) AS n FROM tl_postings p WHERE NOT EXISTS (SELECT 1 FROM tl_terms t WHERE t.term_hash = p.term_hash)',
      )
      .get() as { n: number };
    return wrong.n + missing.n;
  }

  /**
   * Issues whose stored copy is older than Jira's: an event (a bulk edit, a new issue) that
   * never reached the store. Only issues the store holds, or should hold, are asked about.
   */
  staleIssues(site: EmulatorSite, expectedIds: ReadonlySet<string>): number {
    if (!this.hasTable('tl_tickets')) return expectedIds.size;
    const stmt = this.db.prepare('SELECT doc FROM tl_tickets WHERE id = ?');
    let stale = 0;
    for (const issue of site.allIssues()) {
      if (!expectedIds.has(issue.id)) continue;
      const row = stmt.get(issue.id) as { doc: string } | undefined;
      if (row === undefined) continue; // counted by stored_tickets ≠ expected_stored
      const doc = JSON.parse(row.doc) as { summary?: string };
      if (doc.summary !== issue.summary) stale++;
    }
    return stale;
  }

  close(): void {
    this.db.close();
  }
}

/** The 99th percentile of a list of durations (0 for none). */
export function p99(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}
