import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SimilarIndexStore, Storage } from '../ports/storage';
import { STORAGE_KEYS } from '../ports/storage-keys';
import { readStateDoc, writeStateDoc } from '../shared/state-docs';

/** Forge stops the function at 900 s; stop paging well before and resume on the next run. */
const DEFAULT_BUDGET_MS = 600_000;

/**
 * The weekly repair of the similar index's document frequencies and stats row (drift a crash
 * mid-write can leave; see docs/storage.md): pages through every term until done or the time
 * budget is spent, then saves where it stopped (the `index-recount` state document) so the next
 * run continues there. Returns whether the pass finished.
 */
export async function recountIndex(
  deps: {
    index: Pick<SimilarIndexStore, 'recount'>;
    storage: Pick<Storage, 'state' | 'models'>;
    clock: Clock;
    logger: Logger;
  },
  budgetMs: number = DEFAULT_BUDGET_MS,
): Promise<boolean> {
  const start = deps.clock.now();
  // An unreadable cursor restarts the pass from the first term: slower, never wrong.
  let after = (await readStateDoc(deps.storage, STORAGE_KEYS.indexRecount))?.after ?? null;
  let pages = 0;
  do {
    after = (await deps.index.recount(after)).next;
    pages++;
  } while (after !== null && deps.clock.now() - start < budgetMs);
  await writeStateDoc(deps.storage, STORAGE_KEYS.indexRecount, after === null ? null : { after });
  deps.logger.info('similar index recounted', { pages, finished: after === null });
  return after === null;
}
