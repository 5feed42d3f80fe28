import type { z } from 'zod';
import type { ModelLoad, ModelStore } from '../ports/storage';

/** The JSON of a loaded row, or null when absent, damaged or of another version. */
export function jsonOf(loaded: ModelLoad): unknown {
  if (loaded.status !== 'ok') return null;
  try {
    const text =
      typeof loaded.payload === 'string' ? loaded.payload : Buffer.from(loaded.payload).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * A small JSON value kept in the model store (a snapshot, a cursor, a model's parameters), or
 * null when it is absent, of another version, damaged, or no longer matches `schema`: callers
 * then carry on without it and the next writer replaces it.
 */
export async function loadStoredJson<T extends z.ZodTypeAny>(
  models: ModelStore,
  name: string,
  version: number,
  schema: T,
): Promise<z.infer<T> | null> {
  const loaded = await models.load(name, version);
  if (loaded.status !== 'ok') return null;
  const parsed = schema.safeParse(jsonOf(loaded));
  return parsed.success ? parsed.data : null;
}
