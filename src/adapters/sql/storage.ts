import type { Storage } from '../../core/ports/storage';
import { SqlAuditLog } from './audit-repo';
import type { SqlDatabase } from './dialect';
import { SqlFeedbackLog } from './feedback-repo';
import { SqlSimilarIndexStore } from './index-repo';
import { SqlJobStateStore } from './job-repo';
import { SqlLeaseStore } from './lease-repo';
import { SqlModelStore } from './model-repo';
import { SqlSlaOutcomeLog } from './sla-outcome-repo';
import { SqlStateDocStore } from './state-repo';
import { SqlSuggestionStore } from './suggestion-repo';
import { SqlTicketStore } from './ticket-repo';

/** The SQL implementation of every storage port, over one migrated database of any flavour. */
export interface SqlStorage extends Storage {
  index: SqlSimilarIndexStore;
}

export function createSqlStorage(sqlDb: SqlDatabase, now: () => number = Date.now): SqlStorage {
  const index = new SqlSimilarIndexStore(sqlDb, now);
  const suggestions = new SqlSuggestionStore(sqlDb);
  const feedback = new SqlFeedbackLog(sqlDb);
  const audit = new SqlAuditLog(sqlDb);
  const derived = {
    async removeDerived(ids: readonly string[]) {
      await index.remove(ids);
      await suggestions.delete(ids);
    },
    async clearLogText(id: string, issueKeys: readonly string[]) {
      const keys = await feedback.clearValues(id);
      await audit.clearValues([...new Set([...issueKeys, ...keys])]);
    },
  };
  return {
    tickets: new SqlTicketStore(sqlDb, derived),
    index,
    models: new SqlModelStore(sqlDb, now),
    suggestions,
    feedback,
    audit,
    jobs: new SqlJobStateStore(sqlDb),
    state: new SqlStateDocStore(sqlDb),
    slaOutcomes: new SqlSlaOutcomeLog(sqlDb),
    leases: new SqlLeaseStore(sqlDb),
  };
}
