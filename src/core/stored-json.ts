import type { z } from 'zod';
import type { ModelStore } from './ports/storage';

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
  const text =
    typeof loaded.payload === 'string' ? loaded.payload : Buffer.from(loaded.payload).toString('utf8');
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
