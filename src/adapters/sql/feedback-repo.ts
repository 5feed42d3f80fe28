import { FeedbackOutcome, type FieldMetricsRow } from '../../contracts/admin';
import { ARTICLE_FEEDBACK_FIELD, ARTICLE_SHARE_FIELD } from '../../core/ports/storage';
import type { ArticleFeedbackRow, FeedbackEvent, FeedbackLog } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num } from './dialect';
import { timeOrderedId, utcDay } from './log-ids';

const COLUMN: Record<FeedbackEvent['outcome'], 'accepted' | 'replaced' | 'dismissed' | 'autoApplied'> = {
  accepted: 'accepted',
  replaced: 'replaced',
  dismissed: 'dismissed',
  'auto-applied': 'autoApplied',
};

/** Agents' decisions on suggestions, one row each, counted per day and field for the metrics page. */
export class SqlFeedbackLog implements FeedbackLog {
  constructor(private readonly sqlDb: SqlDatabase) {}

  async append(e: FeedbackEvent): Promise<string> {
    const id = timeOrderedId(e.at);
    await this.sqlDb.db
      .insertInto('tl_feedback')
      .values({
        id,
        at_ms: e.at,
        day: utcDay(e.at),
        ticket_id: e.ticketId,
        issue_key: e.issueKey,
        field_id: e.fieldId,
        outcome: e.outcome,
        suggested: e.suggested,
        chosen: e.chosen,
        actor: e.actor,
      })
      .execute();
    return id;
  }

  /**
   * A deleted issue: its decisions stay counted (the metrics), but the values suggested and
   * chosen are cleared. Article rows keep theirs: a page id, no ticket text. Returns the issue
   * keys the rows were filed under (the audit is cleared by key).
   */
  async clearValues(ticketId: string): Promise<string[]> {
    const { db } = this.sqlDb;
    const keys = await db
      .selectFrom('tl_feedback')
      .select('issue_key')
      .distinct()
      .where('ticket_id', '=', ticketId)
      .execute();
    await db
      .updateTable('tl_feedback')
      .set({ suggested: null, chosen: null })
      .where('ticket_id', '=', ticketId)
      .where('field_id', 'not in', [ARTICLE_FEEDBACK_FIELD, ARTICLE_SHARE_FIELD])
      .execute();
    return keys.map((k) => k.issue_key);
  }

  async retract(id: string): Promise<void> {
    await this.sqlDb.db.deleteFrom('tl_feedback').where('id', '=', id).execute();
  }

  async articleFeedback(limit: number): Promise<ArticleFeedbackRow[]> {
    const rows = await this.sqlDb.db
      .selectFrom('tl_feedback')
      .select(['at_ms', 'ticket_id', 'field_id', 'outcome', 'chosen', 'actor'])
      .where('field_id', 'in', [ARTICLE_FEEDBACK_FIELD, ARTICLE_SHARE_FIELD])
      .orderBy('at_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(10_000, Math.floor(limit))))
      .execute();
    return rows.flatMap((r): ArticleFeedbackRow[] => {
      const outcome = FeedbackOutcome.safeParse(r.outcome);
      if (r.chosen === null || !/^\d{1,18}$/.test(r.chosen) || !outcome.success) return [];
      return [
        {
          at: num(r.at_ms),
          ticketId: r.ticket_id,
          fieldId: r.field_id === ARTICLE_SHARE_FIELD ? ARTICLE_SHARE_FIELD : ARTICLE_FEEDBACK_FIELD,
          pageId: r.chosen,
          outcome: outcome.data,
          actor: r.actor,
        },
      ];
    });
  }

  async recentDecisions(fieldId: string, sinceMs: number, limit: number): Promise<FeedbackEvent[]> {
    const rows = await this.sqlDb.db
      .selectFrom('tl_feedback')
      .select(['at_ms', 'ticket_id', 'issue_key', 'field_id', 'outcome', 'suggested', 'chosen', 'actor'])
      .where('field_id', '=', fieldId)
      .where('at_ms', '>=', sinceMs)
      .orderBy('at_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(5_000, Math.floor(limit))))
      .execute();
    return rows.flatMap((r): FeedbackEvent[] => {
      const outcome = FeedbackOutcome.safeParse(r.outcome);
      if (!outcome.success) return [];
      return [
        {
          at: num(r.at_ms),
          ticketId: r.ticket_id,
          issueKey: r.issue_key,
          fieldId: r.field_id,
          outcome: outcome.data,
          suggested: r.suggested,
          chosen: r.chosen,
          actor: r.actor,
        },
      ];
    });
  }

  async dailyCounts(sinceMs: number): Promise<FieldMetricsRow[]> {
    const rows = await this.sqlDb.db
      .selectFrom('tl_feedback')
      .select(['day', 'field_id', 'outcome', (eb) => eb.fn.countAll().as('n')])
      .where('at_ms', '>=', sinceMs)
      .groupBy(['day', 'field_id', 'outcome'])
      .execute();
    const byKey = new Map<string, FieldMetricsRow>();
    for (const r of rows) {
      if (!Object.hasOwn(COLUMN, r.outcome)) continue;
      const column = COLUMN[r.outcome as FeedbackEvent['outcome']];
      const key = `${r.day}\u0000${r.field_id}`;
      const row = byKey.get(key) ?? {
        day: r.day,
        fieldId: r.field_id,
        accepted: 0,
        replaced: 0,
        dismissed: 0,
        autoApplied: 0,
      };
      row[column] += num(r.n);
      byKey.set(key, row);
    }
    return [...byKey.values()].sort((a, b) =>
      a.day < b.day ? -1 : a.day > b.day ? 1 : a.fieldId < b.fieldId ? -1 : a.fieldId > b.fieldId ? 1 : 0,
    );
  }
}
