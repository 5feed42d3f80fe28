import type { SlaRisk } from '../../contracts/panel';
import type { CoreContext } from '../shared/context';
import type { SlaMetric } from '../ports/jira';
import type { PendingCycle, SlaCycleKey } from '../ports/sla-outcomes';
import type { Ticket } from '../shared/ticket';

/** Tickets no longer open whose pending cycles one sweep settles at most (the rest next hour). */
const CLOSED_PER_SWEEP = 300;
/** Settled cycles are kept this long: the metrics look back at most a year. */
const KEEP_SETTLED_MS = 400 * 86_400_000;

const keyOf = (k: SlaCycleKey): string => `${k.metricName}\u0000${k.cycleStart}`;

/** Cycles of the ticket whose outcome JSM already knows: completed ones, and running ones past their goal. */
function outcomes(ticketId: string, metrics: readonly SlaMetric[]): Map<string, boolean> {
  const known = new Map<string, boolean>();
  for (const m of metrics) {
    for (const c of m.completedCycles)
      known.set(keyOf({ ticketId, metricName: m.name, cycleStart: c.startTime }), c.breached);
    const running = m.ongoingCycle;
    // A breach cannot be undone, so a running cycle past its goal is settled now.
    if (running?.breached === true)
      known.set(keyOf({ ticketId, metricName: m.name, cycleStart: running.startTime }), true);
  }
  return known;
}

/**
 * Records what the sweep just read for one ticket: the outcome of every pending cycle that
 * ended (or breached), and the risk of the running cycle it scored as a prediction (readings
 * of an already breached cycle are observations, not predictions, and are not recorded).
 */
export async function observeSla(
  ctx: CoreContext,
  ticket: Ticket,
  metrics: readonly SlaMetric[],
  risk: SlaRisk | null,
  pending: readonly PendingCycle[],
  now: number,
): Promise<void> {
  const known = outcomes(ticket.id, metrics);
  for (const p of pending) {
    const breached = known.get(keyOf(p));
    if (breached !== undefined) await ctx.storage.slaOutcomes.settle(p, breached, now);
  }
  // Readings without a modelled probability (still learning, a prior) are not predictions either.
  if (risk === null || risk.probability === null || risk.band === null || risk.band === 'breached') return;
  const cycle = metrics.find((m) => m.name === risk.metricName)?.ongoingCycle;
  if (!cycle) return;
  const key = { ticketId: ticket.id, metricName: risk.metricName, cycleStart: cycle.startTime };
  const before = pending.find((p) => keyOf(p) === keyOf(key));
  // Only a first reading or a higher band writes: most hourly readings change nothing stored.
  if (before && BAND_RANK[before.peakBand] >= BAND_RANK[risk.band]) return;
  await ctx.storage.slaOutcomes.record({
    ...key,
    issueKey: ticket.key,
    at: now,
    probability: risk.probability,
    band: risk.band,
    goalMs: risk.goalMs,
    elapsedMs: risk.elapsedMs,
  });
}

const BAND_RANK = { 'on-track': 0, 'at-risk': 1, 'likely-breach': 2 } as const;

/**
 * Settles the pending cycles of tickets that left the open list (resolved, or deleted) since
 * their last reading: their cycles completed where the sweep no longer looks. A cycle Jira no
 * longer reports, or a ticket that is gone, is dropped: its outcome can never be read. Also
 * purges cycles settled more than ~13 months ago.
 */
export async function settleClosedCycles(ctx: CoreContext, now: number): Promise<number> {
  const jira = ctx.jira.asApp();
  let settled = 0;
  let after: string | null = null;
  let seen = 0;
  while (seen < CLOSED_PER_SWEEP) {
    const ids = await ctx.storage.slaOutcomes.pendingClosed(100, after);
    if (ids.length === 0) break;
    after = ids[ids.length - 1] ?? null;
    seen += ids.length;
    const pending = await ctx.storage.slaOutcomes.pending(ids);
    for (const id of ids) {
      const cycles = pending.filter((p) => p.ticketId === id);
      const ticket = await ctx.storage.tickets.get(id);
      if (ticket === null) {
        await ctx.storage.slaOutcomes.drop(cycles);
        continue;
      }
      let metrics: SlaMetric[];
      try {
        metrics = await jira.getSla(ticket.key);
      } catch (error) {
        ctx.logger.warn('sla outcome not read', { issueKey: ticket.key, error: String(error).slice(0, 200) });
        continue;
      }
      const known = outcomes(id, metrics);
      const gone: SlaCycleKey[] = [];
      for (const c of cycles) {
        const breached = known.get(keyOf(c));
        if (breached === undefined) {
          // Still running on a resolved ticket (e.g. reopened since) is read again next sweep.
          const running = metrics.some(
            (m) => m.name === c.metricName && m.ongoingCycle?.startTime === c.cycleStart,
          );
          if (!running) gone.push(c);
        } else if (await ctx.storage.slaOutcomes.settle(c, breached, now)) settled++;
      }
      await ctx.storage.slaOutcomes.drop(gone);
    }
  }
  await ctx.storage.slaOutcomes.purgeSettledBefore(now - KEEP_SETTLED_MS, 1000);
  return settled;
}
