/**
 * The resolver dispatch: each key of the contract table (src/contracts/resolvers.ts) served by
 * its use-case. A handler checks the caller (portal customers are refused everywhere, admin keys
 * need a Jira administrator), parses the payload with the key's input schema (size first, unknown
 * keys refused) and answers the envelope; the use-case's return type must be the key's output.
 */
import { RESOLVER_CONTRACTS, RESOLVER_KEYS } from '../contracts/resolvers';
import type { ResolverContract, ResolverKey, ResolverOutput, ResolverRequest } from '../contracts/resolvers';
import type { ResolverResult } from '../contracts/common';
import { requireAdmin } from '../core/admin/config';
import type { CoreContext } from '../core/shared/context';
import { toResolverError } from '../core/shared/errors';
import { parsePayload } from '../core/shared/payload';
import { isConsentError } from '../core/ports/jira';
import type { ResolverContext, ResolverHandler, ResolverHandlers } from './types';

/** The use-case behind one key: its parsed input in, the contract's output out. */
export type ResolverWork<K extends ResolverKey> = (
  ctx: CoreContext,
  input: ResolverRequest<K>,
  accountId: string,
) => Promise<ResolverOutput<K>>;

export type ResolverTable = { [K in ResolverKey]: ResolverWork<K> };

/**
 * Answers are parsed with the output schema under test (and where TRIAGE_LENS_CHECK_ANSWERS=1):
 * a use-case that drifts from its contract fails there, not in a user's panel. Production skips
 * it, a panel answer being the hot path.
 */
const checkAnswers = process.env.NODE_ENV === 'test' || process.env.TRIAGE_LENS_CHECK_ANSWERS === '1';

function handlerFor<K extends ResolverKey>(
  ctx: CoreContext,
  key: K,
  work: ResolverWork<K>,
): ResolverHandler<K> {
  const contract: ResolverContract = RESOLVER_CONTRACTS[key];
  return async (payload: unknown, context: ResolverContext): Promise<ResolverResult<ResolverOutput<K>>> => {
    try {
      // Every resolver: a portal customer gets a refusal, never agent content.
      await ctx.viewers.requireAgent(context.accountId);
      if (contract.access === 'admin') await requireAdmin(ctx, context.accountId);
      // Parsed only once the caller may use the key: a refusal says nothing about the payload.
      // The key's own schema parsed it: its output is the key's request, which TypeScript cannot
      // follow through the generic key.
      const input = parsePayload(contract.input, payload, contract.maxPayloadBytes) as ResolverRequest<K>;
      const data = await work(ctx, input, context.accountId);
      if (checkAnswers) {
        const checked = contract.output.safeParse(data);
        if (!checked.success)
          throw new Error(`${key} answered outside its contract: ${checked.error.message}`);
      }
      return { ok: true, data };
    } catch (error) {
      // Forge turns this one into its "Allow access" prompt: it must leave the function as is.
      if (isConsentError(error)) throw error;
      const resolverError = toResolverError(error);
      if (resolverError.code === 'internal')
        ctx.logger.error('resolver failed', { error: String(error).slice(0, 300) });
      return { ok: false, error: resolverError };
    }
  };
}

export function resolverHandlers(ctx: CoreContext, table: ResolverTable): ResolverHandlers {
  // One entry per key; TypeScript cannot follow a key through a loop to its own handler type.
  return Object.fromEntries(
    RESOLVER_KEYS.map((key) => [key, handlerFor(ctx, key, table[key] as ResolverWork<typeof key>)]),
  ) as ResolverHandlers;
}
