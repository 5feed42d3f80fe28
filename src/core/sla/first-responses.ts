import { metricKindOf } from '../../engine/sla';
import type { CoreContext } from '../shared/context';
import { isTransient } from '../shared/errors';
import type { FirstResponseSample } from '../ports/engines';
import { loadStoredJson } from '../shared/stored-json';
import { MAX_FIRST_RESPONSES, STORAGE_KEYS } from '../ports/storage-keys';
import type { Ticket } from '../shared/ticket';

/**
 * JSM's completed first-response cycles, kept for the time-to-first-response estimate. Neither
 * issue events nor searches carry SLA cycles, so training reads `GET
 * /rest/servicedeskapi/request/{key}/sla` for resolved tickets it has not read yet (a bounded
 * number per run, newest first) and keeps what it found, so the history grows run by run.
 */
const { name: FIRST_RESPONSES_NAME, version: VERSION, schema: Samples } = STORAGE_KEYS.slaFirstResponses;
/** Tickets whose SLA one training reads at most (one Jira request each). */
export const READ_PER_TRAINING = 300;
const MAX_KEPT = MAX_FIRST_RESPONSES;
const PARALLEL = 6;

const sampleOf = (t: Ticket, ms: number | null): FirstResponseSample => ({
  ticketId: t.id,
  ms,
  priority: t.priority,
  type: t.requestType ?? t.issueType,
});

/** The kept samples plus those read now for `tickets` not read before; saved when anything was read. */
export async function collectFirstResponses(
  ctx: CoreContext,
  tickets: readonly Ticket[],
): Promise<FirstResponseSample[]> {
  const kept = (await loadStoredJson(ctx.storage.models, FIRST_RESPONSES_NAME, VERSION, Samples)) ?? [];
  const known = new Set(kept.map((s) => s.ticketId));
  const unread = tickets
    .filter((t) => t.resolved !== null && !known.has(t.id))
    .sort((a, b) => (b.resolved ?? 0) - (a.resolved ?? 0))
    .slice(0, READ_PER_TRAINING);
  const read: FirstResponseSample[] = [];
  let failures = 0;
  const jira = ctx.jira.asApp();
  for (let i = 0; i < unread.length; i += PARALLEL) {
    await Promise.all(
      unread.slice(i, i + PARALLEL).map(async (t) => {
        try {
          const metrics = await jira.getSla(t.key);
          const cycles = metrics
            .filter((m) => metricKindOf(m.name) === 'first-response')
            .flatMap((m) => m.completedCycles);
          // One sample per ticket: its first completed cycle is the first response.
          const first = [...cycles].sort((a, b) => a.startTime - b.startTime)[0];
          read.push(sampleOf(t, first ? first.elapsedTime : null));
        } catch (error) {
          // A request JSM has no SLA for is noted as such; a passing failure is read next time.
          if (isTransient(error)) failures++;
          else read.push(sampleOf(t, null));
        }
      }),
    );
  }
  if (failures > 0) ctx.logger.warn('first-response cycles not read for some tickets', { failures });
  const all = [...read, ...kept].slice(0, MAX_KEPT);
  if (read.length > 0) await ctx.storage.models.save(FIRST_RESPONSES_NAME, JSON.stringify(all), VERSION);
  return all;
}
