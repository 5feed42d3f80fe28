/**
 * When and how long to wait before retrying a Jira call. Jira Cloud answers 429 with a
 * `Retry-After` header (seconds) under its rate limits and sometimes 5xx under load; both are
 * retried a bounded number of times with jittered exponential backoff so that many functions
 * retrying at once do not hit Jira in step.
 */
export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap on one backoff wait (a server's Retry-After is honoured as given). */
  maxDelayMs: number;
  /** No retry is started if it would wait past this much time since the first try. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 400,
  maxDelayMs: 15_000,
  // Below the 25 s a resolver or trigger has (src/core/shared/platform-limits.ts): a longer wait is the
  // queue's job (RetryLaterError, InvocationError), not a sleep inside the invocation.
  maxTotalMs: 15_000,
};

/** Clock, sleep and jitter source: injected so tests run instantly and deterministically. */
export interface RetryEnv {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const realRetryEnv: RetryEnv = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d{1,7}$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its weekday and month; anything else (negative, huge numbers) is noise.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before retry number `attempt` (1 = first retry). With a Retry-After the server's
 * wait is honoured plus up to 20 % jitter; otherwise "full jitter" exponential backoff.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  policy: RetryPolicy,
  random: () => number,
): number {
  // Not capped: retrying before the server's Retry-After only earns another 429. The caller
  // gives up instead when the wait would exceed its total budget.
  if (retryAfterMs !== null) return retryAfterMs + Math.floor(retryAfterMs * 0.2 * random());
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + (ceiling / 2) * random());
}
