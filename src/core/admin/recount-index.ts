import { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { ModelStore, SimilarIndexStore } from '../ports/storage';
import { loadStoredJson } from '../shared/stored-json';

/** Where an unfinished pass resumes: the last term hash done. */
export const RECOUNT_CURSOR_NAME = 'cursor:index-recount';
/** Forge stops the function at 900 s; stop paging well before and resume on the next run. */
const DEFAULT_BUDGET_MS = 600_000;
const Cursor = z.object({ after: z.number().int() });

/**
 * The weekly repair of the similar index's document frequencies and stats row (drift a crash
 * mid-write can leave; see docs/storage.md): pages through every term until done or the time
 * budget is spent, then saves where it stopped so the next run continues there. Returns
 * whether the pass finished.
 */
export async function recountIndex(
  deps: { index: Pick<SimilarIndexStore, 'recount'>; models: ModelStore; clock: Clock; logger: Logger },
  budgetMs: number = DEFAULT_BUDGET_MS,
): Promise<boolean> {
  const start = deps.clock.now();
  // An unreadable cursor restarts the pass from the first term: slower, never wrong.
  let after = (await loadStoredJson(deps.models, RECOUNT_CURSOR_NAME, 1, Cursor))?.after ?? null;
  let pages = 0;
  do {
    after = (await deps.index.recount(after)).next;
    pages++;
  } while (after !== null && deps.clock.now() - start < budgetMs);
  if (after === null) await deps.models.delete(RECOUNT_CURSOR_NAME);
  else await deps.models.save(RECOUNT_CURSOR_NAME, JSON.stringify({ after }), 1);
  deps.logger.info('similar index recounted', { pages, finished: after === null });
  return after === null;
}
