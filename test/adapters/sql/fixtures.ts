import type { Ticket } from '../../../src/core/shared/ticket';
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';

/** A valid ticket with overridable fields; `n` picks the id and key. */
export function ticket(n: number, over: Partial<Ticket> = {}): Ticket {
  return {
    id: String(10000 + n),
    key: `HELP-${n}`,
    projectKey: 'HELP',
    summary: `VPN drops every hour (${n})`,
    description: 'The VPN client disconnects after about an hour on the office network.',
    comments: [],
    issueType: 'Incident',
    requestType: 'Get IT help',
    priority: 'High',
    components: ['Network'],
    labels: [],
    custom: {},
    status: 'Open',
    statusCategory: 'new',
    resolution: null,
    assigneeId: null,
    team: null,
    reporterId: 'acc-1',
    reporterDomain: 'example.com',
    organization: null,
    created: 1_700_000_000_000 + n * 60_000,
    updated: 1_700_000_000_000 + n * 60_000,
    resolved: null,
    links: [],
    ...over,
  };
}

export const resolvedTicket = (n: number, resolvedMs: number, over: Partial<Ticket> = {}): Ticket =>
  ticket(n, {
    status: 'Done',
    statusCategory: 'done',
    resolution: 'Fixed',
    resolved: resolvedMs,
    updated: resolvedMs,
    ...over,
  });

const TABLES = [
  'tl_tickets',
  'tl_index_docs',
  'tl_postings',
  'tl_terms',
  'tl_index_stats',
  'tl_models',
  'tl_model_chunks',
  'tl_suggestions',
  'tl_feedback',
  'tl_audit',
  'tl_jobs',
  'tl_tombstones',
  'tl_leases',
] as const;

/** Empties every app table (the schema stays), so each test starts clean on a shared database. */
export async function clearAll(sqlDb: SqlDatabase): Promise<void> {
  for (const t of TABLES) await sqlDb.db.deleteFrom(t).execute();
}

/** Strings that have broken storage layers before: prototype keys, markup, quotes, emoji, size. */
export const HOSTILE = {
  proto: '__proto__',
  ctor: 'constructor',
  script: '<script>alert("x")</script>',
  quotes: `it's "quoted" \\ back\\slash \\' '' ; DROP TABLE tl_tickets; --`,
  unicode: 'Störung 🚨 – naïve 𝔘𝔫𝔦 \u200b zero-width, RTL \u202e gnp.exe, NUL-free',
  long: 'x'.repeat(4_000) + '🚨'.repeat(1_000) + 'ü'.repeat(4_000),
};
