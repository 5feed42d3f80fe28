import { ZodError } from 'zod';
import type { ErrorCode, ResolverError } from '../../contracts/common';
import { InputError } from '../../engine/errors';
import { isJiraError } from '../ports/jira';
import type { JiraErrorKind } from '../ports/jira';
import { RetryLaterError } from '../ports/queue';

/** A refusal the use-case decided on (not found, not allowed, not ready), with a reason to show. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

const JIRA_CODES: Record<JiraErrorKind, ErrorCode> = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  bad_request: 'bad_request',
  rate_limited: 'rate_limited',
  upstream: 'upstream_error',
  bad_response: 'upstream_error',
};

export function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues
    .slice(0, 50)
    .map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Every failure the UI can see, as the envelope's error; unexpected ones never leak internals. */
export function toResolverError(error: unknown): ResolverError {
  if (error instanceof AppError) {
    return error.issues
      ? { code: error.code, message: error.message, issues: error.issues }
      : { code: error.code, message: error.message };
  }
  if (isJiraError(error)) return { code: JIRA_CODES[error.kind], message: error.message };
  if (error instanceof ZodError)
    return { code: 'bad_request', message: 'Invalid request', issues: zodIssues(error) };
  if (error instanceof InputError) return { code: 'bad_request', message: error.message };
  if (error instanceof RetryLaterError) return { code: 'rate_limited', message: error.message };
  return { code: 'internal', message: 'Something went wrong; the app logged the details.' };
}

/**
 * Whether a consumer should try the same work again later rather than give up on it: rate limits,
 * 5xx and timeouts, and a garbled 2xx body (a proxy hiccup far more often than a Jira change).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof RetryLaterError) return true;
  return (
    isJiraError(error) &&
    (error.kind === 'rate_limited' || error.kind === 'upstream' || error.kind === 'bad_response')
  );
}
