import type { z } from 'zod';
import { InputError } from '../errors';

/**
 * Validates a stored model envelope: a shape error names the first bad path, and a version
 * other than `version` is refused with its own code so the caller can retrain instead.
 */
export function parseStored<T extends { version: number }>(
  schema: z.ZodType<T>,
  json: unknown,
  what: string,
  version: number,
): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      'bad_model',
      `stored ${what} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`,
    );
  }
  if (parsed.data.version !== version) {
    throw new InputError(
      'unknown_model_version',
      `stored ${what} has version ${parsed.data.version}; this build reads ${version}`,
    );
  }
  return parsed.data;
}
