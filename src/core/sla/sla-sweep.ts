import { z } from 'zod';
import type { CoreContext } from '../shared/context';
import { syncInsights } from '../suggest/insights';
import { idleStatus } from '../shared/jobs';
import { InputError } from '../../engine/errors';
import { STORAGE_KEYS } from '../ports/storage-keys';
import type { StateDoc } from '../ports/storage-keys';
import { writeStateDoc } from '../shared/state-docs';
import { observeSla, settleClosedCycles } from './sla-outcomes';
import { emptySuggestions, parseStoredSuggestions } from '../suggest/suggestions';

const PAGE = 100;
/** Pages per run; a larger backlog continues in the queue consumer from the saved cursor. */
const PAGES_PER_RUN = 20;

const Counts = z.array(z.tuple([z.string().max(200), z.number().int().nonnegative()])).max(100_000);

const SweepCursor = z.object({
  page: z.string().max(200).nullable(),
  /** Open tickets per assignee counted so far (routing's load snapshot). */
  load: Counts,
  /** Open tickets per team counted so far (the SLA engine's queue load); absent in older cursors. */
  teams: Counts.default([]),
  flagged: z.number().int().nonnegative(),
});
type SweepCursor = z.infer<typeof SweepCursor>;

/**
 * JSM sends no SLA events, so this re-scores every open ticket from its SLA clock, marks those
 * whose breach risk crossed the admin's threshold (once per crossing, with an audit entry),
 * records each cycle's prediction and outcome for the admin's metrics, and counts open tickets
 * per assignee (routing) and per team (the SLA engine's queue load). Returns true when the
 * sweep finished.
 */
export async function slaSweep(ctx: CoreContext, startCursor: string | null): Promise<boolean> {
  const config = await ctx.config();
  const record = await ctx.storage.jobs.get('sla-sweep');
  let cursor: SweepCursor = { page: null, load: [], teams: [], flagged: 0 };
  if (startCursor !== null && record?.cursor) {
    const parsed = SweepCursor.safeParse(safeJson(record.cursor));
    if (parsed.success && parsed.data.page === startCursor) cursor = parsed.data;
  }
  const startedAt =
    startCursor === null ? new Date(ctx.clock.now()).toISOString() : (record?.status.startedAt ?? null);
  const load = new Map(cursor.load);
  const teams = new Map(cursor.teams);
  let processed = startCursor === null ? 0 : (record?.status.processed ?? 0);
  const jira = ctx.jira.asApp();
  for (let i = 0; i < PAGES_PER_RUN; i++) {
    const page = await ctx.storage.tickets.listOpen({ limit: PAGE, after: cursor.page });
    const pending = await ctx.storage.slaOutcomes.pending(page.items.map((t) => t.id));
    for (const ticket of page.items) {
      if (ticket.assigneeId) load.set(ticket.assigneeId, (load.get(ticket.assigneeId) ?? 0) + 1);
      if (ticket.team) teams.set(ticket.team, (teams.get(ticket.team) ?? 0) + 1);
      const now = ctx.clock.now();
      let risk;
      try {
        const metrics = await jira.getSla(ticket.key);
        risk = await ctx.engines.sla.score(ticket, metrics);
        const mine = pending.filter((p) => p.ticketId === ticket.id);
        await observeSla(ctx, ticket, metrics, risk, mine, now);
      } catch (error) {
        ctx.logger.warn('sla sweep skipped a ticket', {
          issueKey: ticket.key,
          error: String(error).slice(0, 200),
        });
        continue;
      }
      const row = await ctx.storage.suggestions.get(ticket.id, parseStoredSuggestions);
      const stored = row?.value ?? emptySuggestions();
      // Only a modelled probability can cross the threshold: a clock read against a prior cannot.
      const probability = risk?.probability ?? null;
      const crossed = probability !== null && probability >= config.sla.riskThreshold;
      if (crossed && !stored.slaFlagged) {
        cursor.flagged++;
        await ctx.storage.audit.append({
          at: now,
          actor: 'app:triage-lens',
          issueKey: ticket.key,
          action: 'sla-risk',
          fieldId: null,
          before: null,
          after: risk?.band ?? null,
          reason: `breach probability ${probability?.toFixed(2) ?? '?'} ≥ ${config.sla.riskThreshold}`,
        });
      }
      const next = { ...stored, sla: risk ? { risk, at: now } : null, slaFlagged: crossed };
      // A row never computed has no suggestions to publish yet; the first ingest writes them.
      if (row) next.insightsDigest = await syncInsights(ctx, ticket, next);
      await ctx.storage.suggestions.put(ticket.id, next, now);
      processed++;
    }
    cursor = { ...cursor, page: page.next };
    if (page.next === null) break;
  }
  const done = cursor.page === null;
  if (done) {
    await saveSnapshot(ctx, STORAGE_KEYS.openLoad, [...load]);
    await saveSnapshot(ctx, STORAGE_KEYS.openTeamLoad, [...teams]);
    await settleClosedCycles(ctx, ctx.clock.now());
  }
  const current = await ctx.storage.jobs.get('sla-sweep');
  await ctx.storage.jobs.compareAndSet('sla-sweep', current?.revision ?? 0, {
    status: {
      ...idleStatus('sla-sweep'),
      state: done ? 'done' : 'running',
      processed,
      startedAt,
      finishedAt: done ? new Date(ctx.clock.now()).toISOString() : null,
    },
    cursor: JSON.stringify({ ...cursor, load: [...load], teams: [...teams] }),
  });
  if (!done) await ctx.queue.push([{ kind: 'sla-sweep', cursor: cursor.page }]);
  return done;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * One open-load snapshot, for routing and the SLA risk until the next finished sweep. One too
 * large for a state document (a site with many thousands of queues) is not refreshed: the
 * previous one stands, and the sweep itself still finishes.
 */
async function saveSnapshot(
  ctx: CoreContext,
  doc: StateDoc<typeof STORAGE_KEYS.openLoad.schema, 'open-load' | 'open-team-load'>,
  counts: [string, number][],
): Promise<void> {
  try {
    await writeStateDoc(ctx.storage, doc, counts);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.logger.warn('open-load snapshot too large to store', { snapshot: doc.name, queues: counts.length });
  }
}
