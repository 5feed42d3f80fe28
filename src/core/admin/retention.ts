import type { CoreContext } from '../shared/context';

const BATCH = 500;
/** Batches per daily run; a backlog larger than this is worked off over the following days. */
const MAX_BATCHES = 200;

/**
 * Keeps the store inside the admin's retention window: resolved tickets last updated before it
 * are removed with their index entries and suggestions (open tickets are never purged). The
 * feedback and audit logs are kept: they hold no ticket text.
 */
export async function applyRetention(ctx: CoreContext): Promise<number> {
  const { retentionDays } = await ctx.config();
  if (retentionDays === 0) return 0;
  const cutoff = ctx.clock.now() - retentionDays * 86_400_000;
  let purged = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await ctx.storage.tickets.purgeOlderThan(cutoff, BATCH);
    purged += batch.purged;
    if (!batch.more) break;
  }
  if (purged > 0) ctx.logger.info('retention purged resolved tickets', { purged, retentionDays });
  return purged;
}
