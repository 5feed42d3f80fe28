import { JiraError } from '../../../src/core/ports/jira';
import type { RetryEnv } from '../../../src/adapters/jira/retry';

/** The JiraError a call fails with; fails the test if it succeeds or throws something else. */
export async function jiraFailure(p: Promise<unknown>): Promise<JiraError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof JiraError) return e;
    throw e;
  }
  throw new Error('expected a JiraError');
}

/** A retry environment with a virtual clock: sleeps return at once and advance the clock. */
export function fakeRetryEnv(): RetryEnv & { sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}
