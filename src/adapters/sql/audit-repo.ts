import { AuditQuery } from '../../contracts/admin';
import type { AuditEntry } from '../../contracts/admin';
import type { AuditLog, NewAuditEntry, Page } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num, slices } from './dialect';
import { timeOrderedId } from './log-ids';

/** What the app did and why (auto-applied fields, links, config changes), newest first. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly sqlDb: SqlDatabase) {}

  /** A deleted issue: what was done stays on record (who, when, which field), the values go. */
  async clearValues(issueKeys: readonly string[]): Promise<void> {
    for (const part of slices(issueKeys, this.sqlDb.maxParams)) {
      await this.sqlDb.db
        .updateTable('tl_audit')
        .set({ before_value: null, after_value: null, reason: null })
        .where('issue_key', 'in', part)
        .execute();
    }
  }

  async append(e: NewAuditEntry): Promise<string> {
    const id = timeOrderedId(e.at);
    await this.sqlDb.db
      .insertInto('tl_audit')
      .values({
        id,
        at_ms: e.at,
        actor: e.actor,
        issue_key: e.issueKey,
        action: e.action,
        field_id: e.fieldId,
        before_value: e.before,
        after_value: e.after,
        reason: e.reason,
      })
      .execute();
    return id;
  }

  async query(input: AuditQuery): Promise<Page<AuditEntry>> {
    const q = AuditQuery.parse(input);
    let sel = this.sqlDb.db.selectFrom('tl_audit').selectAll();
    if (q.issueKey !== undefined) sel = sel.where('issue_key', '=', q.issueKey);
    if (q.action !== undefined) sel = sel.where('action', '=', q.action);
    if (q.before !== undefined) sel = sel.where('id', '<', q.before);
    const rows = await sel
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        at: new Date(num(r.at_ms)).toISOString(),
        actor: r.actor,
        issueKey: r.issue_key,
        action: r.action,
        fieldId: r.field_id,
        before: r.before_value,
        after: r.after_value,
        reason: r.reason,
      })),
      next: rows.length > q.limit && last !== undefined ? last.id : null,
    };
  }
}
