import fc from 'fast-check';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay } from '../../../src/adapters/jira/retry';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('99999999999', now)).toBeNull();
  });
});

describe('retryDelay', () => {
  it('honours Retry-After, adding at most 20 % jitter', () => {
    expect(retryDelay(1, 10_000, DEFAULT_RETRY_POLICY, () => 0)).toBe(10_000);
    expect(retryDelay(1, 10_000, DEFAULT_RETRY_POLICY, () => 0.999)).toBeLessThan(12_000);
  });

  it('backs off exponentially with jitter inside [ceiling/2, ceiling], capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (attempt, r) => {
          const ceiling = Math.min(
            DEFAULT_RETRY_POLICY.maxDelayMs,
            DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1),
          );
          const d = retryDelay(attempt, null, DEFAULT_RETRY_POLICY, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(d).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('grows between attempts on average', () => {
    const mid = (attempt: number): number => retryDelay(attempt, null, DEFAULT_RETRY_POLICY, () => 0.5);
    expect(mid(2)).toBeGreaterThan(mid(1));
    expect(mid(3)).toBeGreaterThan(mid(2));
  });
});
