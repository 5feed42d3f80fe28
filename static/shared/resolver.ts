import { invoke } from '@forge/bridge';
import type { ResolverError, ResolverResult } from '@contracts/common';
import type { ResolverKey } from '@contracts/resolvers';

/**
 * Calls a resolver and always answers with the contract's envelope: a thrown bridge error, an
 * HTTP failure or a malformed answer become `{ ok: false }` with a message a person can read.
 */
export async function callResolver<T>(
  key: ResolverKey,
  payload: Record<string, unknown>,
): Promise<ResolverResult<T>> {
  try {
    const answer: unknown = await invoke(key, payload);
    if (isEnvelope(answer)) return answer as ResolverResult<T>;
    return failure('internal', `Unexpected answer from ${key}.`);
  } catch (error) {
    const message =
      error instanceof Error && error.message.trim() !== '' ? error.message.trim() : String(error);
    return failure('internal', message);
  }
}

function isEnvelope(value: unknown): value is { ok: boolean } {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const ok = value.ok;
  if (ok === true) return 'data' in value;
  if (ok === false) {
    const error = (value as { error?: unknown }).error;
    return (
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { message?: unknown }).message === 'string'
    );
  }
  return false;
}

function failure(code: ResolverError['code'], message: string): { ok: false; error: ResolverError } {
  return { ok: false, error: { code, message } };
}
