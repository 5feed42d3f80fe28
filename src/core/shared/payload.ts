import { z } from 'zod';
import { AppError, zodIssues } from './errors';

/** Resolver payloads larger than this are refused before parsing (Forge allows 500 KB). */
export const DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * Parses an untrusted resolver payload: bounded in size first (so a huge string cannot reach a
 * regex), then validated by the schema, unknown keys included. Throws AppError('bad_request') naming each bad path.
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
  maxBytes = DEFAULT_MAX_PAYLOAD_BYTES,
): z.output<S> {
  let size: number;
  try {
    size = payload === undefined ? 0 : Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
  } catch {
    throw new AppError('bad_request', 'Payload is not plain JSON');
  }
  if (size > maxBytes)
    throw new AppError('bad_request', `Payload too large: ${size} bytes, at most ${maxBytes}`);
  // Unknown keys are refused, not silently dropped: a payload is exactly what the contract says.
  // (.strict() keeps the output type; zod's generics just cannot show it through `S`.)
  const strict = (schema instanceof z.ZodObject ? schema.strict() : schema) as S;
  const parsed = strict.safeParse(payload ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'Invalid request', zodIssues(parsed.error));
  return parsed.data;
}

/** The payload of a resolver that takes none: an empty object (or nothing), never extra keys. */
export const NoPayload = z.object({}).strict();
