import { randomUUID } from 'node:crypto';
import type { CoreContext } from './context';
import { AppError } from './errors';

/** Longer than any one action (a few Jira calls); a crashed holder frees the issue after it. */
const LEASE_MS = 20_000;
/** How long an action waits for the issue before it gives up (resolvers have 25 s). */
const WAIT_MS = 12_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an agent action on one issue while holding the issue's lease, so actions on the same
 * issue take turns: each reads the issue after the previous one wrote it, and what it records
 * as "before" is the value it really replaced, not one a concurrent action changed meanwhile.
 */
export async function withIssueLock<T>(
  ctx: CoreContext,
  issueKey: string,
  run: () => Promise<T>,
): Promise<T> {
  const name = `issue-action:${issueKey}`;
  const holder = randomUUID();
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; !(await ctx.storage.leases.tryTake(name, holder, LEASE_MS)); attempt++) {
    if (Date.now() > deadline)
      throw new AppError('rate_limited', 'Another action on this issue is still running; try again.');
    await sleep(Math.min(100, 10 + attempt * 5) * (0.5 + Math.random()));
  }
  try {
    return await run();
  } finally {
    await ctx.storage.leases.release(name, holder);
  }
}
