import type { z } from 'zod';

/**
 * Reads a JSON text column through a zod schema. A row that is not valid JSON or no longer
 * matches the schema (written by another build, edited by hand) yields null: callers treat it
 * as absent and recompute, instead of passing garbage on.
 */
export function readJson<S extends z.ZodType>(text: string, schema: S): z.infer<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
