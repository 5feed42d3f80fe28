import type { ModelStore } from '../ports/storage';

/** The stored stamp is re-read at most this often: a sweep scores hundreds of tickets a run. */
const STAMP_TTL_MS = 5_000;

export interface StampedValue<T> {
  get(): Promise<T | null>;
  /** What this process just saved: kept without reloading it (its stamp is read on next get). */
  set(value: T | null): T | null;
}

/**
 * A value loaded from the model store, reloaded whenever the stored row's stamp changes (a
 * training in another process) and known absent while there is no row.
 */
export function stampedValue<T>(
  models: ModelStore,
  name: string,
  now: () => number,
  load: () => Promise<T | null>,
): StampedValue<T> {
  let cached: { stamp: string | null; checkedAt: number; value: Promise<T | null> } | null = null;
  let pinned: T | null | undefined;
  return {
    async get(): Promise<T | null> {
      const at = now();
      if (cached !== null && at - cached.checkedAt < STAMP_TTL_MS && at >= cached.checkedAt)
        return cached.value;
      const stamp = await models.stamp(name);
      if (cached === null || cached.stamp !== stamp) {
        const value =
          stamp === null ? Promise.resolve(null) : pinned !== undefined ? Promise.resolve(pinned) : load();
        pinned = undefined;
        cached = { stamp, checkedAt: at, value };
      } else cached = { ...cached, checkedAt: at };
      return cached.value;
    },
    set(value: T | null): T | null {
      pinned = value;
      cached = null;
      return value;
    },
  };
}
