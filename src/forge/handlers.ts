import Resolver from '@forge/resolver';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import type { App } from '../app/types';
import { RESOLVER_KEYS } from '../contracts/resolvers';
import type { RovoAction } from '../contracts/rovo';
import { RetryLaterError } from '../core/ports/queue';

/**
 * A queue event is redelivered until it succeeds or its 24 h retention window ends (the
 * "at most 4 retries" rule is product-event triggers'). The app treats a delivery as the last
 * only when the window has less than this left: a longer Jira wait fits in another delivery.
 */
export const FINAL_ATTEMPT_WINDOW_MS = 30 * 60_000;

interface ResolverRequest {
  payload?: unknown;
  context: { accountId?: string; extension?: { issue?: { key?: unknown } } };
}

interface AsyncEventLike {
  body?: unknown;
  retryContext?: { retryCount?: number; retentionWindow?: { remainingTimeMs?: number } };
}

/**
 * The Forge entry points as functions of an app factory; src/forge/index.ts passes the real
 * one, the tests a local one. Each builds its app per invocation; only the model cache of
 * src/app/index.ts is kept between invocations.
 */
export function forgeHandlers(appFor: () => App) {
  const resolver = new Resolver();
  // One definition per key of the contract table.
  for (const key of RESOLVER_KEYS) {
    resolver.define(key, async (request: ResolverRequest) => {
      const accountId = request.context.accountId;
      if (typeof accountId !== 'string' || accountId === '') {
        return { ok: false, error: { code: 'unauthenticated', message: 'No user is signed in.' } };
      }
      const issueKey = request.context.extension?.issue?.key;
      return appFor().resolvers[key](request.payload, {
        accountId,
        ...(typeof issueKey === 'string' ? { issueKey } : {}),
      });
    });
  }

  /**
   * A Rovo action: Rovo passes the inputs (with `context.jira.issueKey` in an issue view) and the
   * invocation's user as `principal`; the answer is the data, or `{error}` in words for the agent.
   */
  const rovoAction =
    (action: RovoAction) =>
    async (payload: unknown, context?: { principal?: { accountId?: unknown } }): Promise<unknown> => {
      const accountId = context?.principal?.accountId;
      if (typeof accountId !== 'string' || accountId === '') return { error: 'No user is signed in.' };
      const result = await appFor().rovo[action](payload, accountId);
      return result.ok ? result.data : { error: result.error.message };
    };

  return {
    resolver: resolver.getDefinitions(),
    rovoFindSimilar: rovoAction('findSimilar'),
    rovoExplainSlaRisk: rovoAction('explainSlaRisk'),
    rovoSuggestTriage: rovoAction('suggestTriage'),
    rovoProblemCandidates: rovoAction('problemCandidates'),
    issueEvent: async (event: unknown): Promise<void> => {
      await appFor().handleIssueEvent(event);
    },
    /** One function for both lifecycle events: an upgrade only migrates, an install also backfills. */
    installed: async (event: { eventType?: unknown }): Promise<void> => {
      const app = appFor();
      if (event.eventType === 'avi:forge:upgraded:app') await app.handleUpgraded();
      else await app.handleInstalled();
    },
    /** A RetryLaterError becomes Forge's InvocationError, which schedules the retry. */
    consume: async (event: AsyncEventLike): Promise<InvocationError | undefined> => {
      const remaining = event.retryContext?.retentionWindow?.remainingTimeMs;
      const finalAttempt = typeof remaining === 'number' && remaining < FINAL_ATTEMPT_WINDOW_MS;
      try {
        await appFor().consume(event.body, { finalAttempt });
        return undefined;
      } catch (error) {
        if (error instanceof RetryLaterError) {
          return new InvocationError({
            retryAfter: Math.min(900, Math.max(1, Math.round(error.retryAfterSeconds))),
            retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
          });
        }
        throw error;
      }
    },
    slaSweep: (): Promise<void> => appFor().scheduled.slaSweep(),
    retrain: (): Promise<void> => appFor().scheduled.retrain(),
    migrate: (): Promise<void> => appFor().scheduled.migrate(),
    recount: (): Promise<void> => appFor().scheduled.recount(),
  };
}
