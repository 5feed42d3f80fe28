/**
 * The recent clusters the outage banner looks a ticket up in, kept between panel opens. Re-
 * clustering the last window of tickets on every open was most of the panel's CPU (about 140 ms
 * of ~150 at 100,000 tickets, docs/benchmarks.md); the clusters change only when a recent
 * ticket, the admin's N and T or the dismissals do, so they are stored in a state document under
 * a fingerprint of those and recomputed when it differs, or when they are older than
 * CLUSTERS_FRESH_MS, so tickets leaving the window and problem tickets changing state show within
 * that time.
 */
import { createHash } from 'node:crypto';
import type { DismissalState, RecurringCluster } from '../../engine/recurring';
import type { CoreContext } from '../shared/context';
import { STATE_DOC_MAX_BYTES } from '../ports/storage';
import { STORAGE_KEYS } from '../ports/storage-keys';
import { clusterTickets } from '../problems/problem-candidates';
import type { Ticket } from '../shared/ticket';

export const CLUSTERS_FRESH_MS = 5 * 60_000;
const DOC = STORAGE_KEYS.outageClusters.name;

const StoredClusters = STORAGE_KEYS.outageClusters.schema;

function fingerprintOf(
  recent: readonly Ticket[],
  windowHours: number,
  minTickets: number,
  dismissed: DismissalState,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([windowHours, minTickets, dismissed]));
  for (const t of [...recent].sort((a, b) => (a.id < b.id ? -1 : 1))) hash.update(`|${t.id}:${t.updated}`);
  return hash.digest('hex');
}

/** The clusters of `recent` (the window's tickets), from the store when nothing they rest on changed. */
export async function recentClusters(
  ctx: CoreContext,
  recent: readonly Ticket[],
  now: number,
  windowHours: number,
  dismissed: DismissalState,
): Promise<RecurringCluster[]> {
  const config = await ctx.config();
  const fingerprint = fingerprintOf(recent, windowHours, config.recurring.minTickets, dismissed);
  const doc = await ctx.storage.state.get(DOC);
  const stored = StoredClusters.safeParse(doc?.value);
  if (
    stored.success &&
    stored.data.fingerprint === fingerprint &&
    now >= stored.data.computedAt &&
    now - stored.data.computedAt < CLUSTERS_FRESH_MS
  )
    return stored.data.clusters;
  const clusters = await clusterTickets(ctx, recent, now, windowHours, dismissed);
  const value = { fingerprint, computedAt: now, clusters };
  // Too large to keep (or out of the schema's bounds) is computed each time, as before.
  if (StoredClusters.safeParse(value).success && JSON.stringify(value).length * 3 <= STATE_DOC_MAX_BYTES)
    // A lost race is fine: the other writer stored clusters as current as these.
    await ctx.storage.state.compareAndSet(DOC, doc?.revision ?? 0, value);
  return clusters;
}
