import type { RoutingSuggestion } from '../../contracts/panel';
import type { CoreContext } from './context';

/**
 * The routing section with people named as Jira shows them to the reader (the engine knows only
 * account ids). One bulk lookup per panel, as the reader, so Jira's privacy settings apply; a
 * person Jira does not name, or a failed lookup, keeps the account id rather than failing the
 * section. Names are never stored: they change, and they are the reader's view.
 */
export async function withDisplayNames(
  ctx: CoreContext,
  accountId: string,
  routing: RoutingSuggestion,
): Promise<RoutingSuggestion> {
  if (routing.assignees.length === 0) return routing;
  let names: Map<string, string>;
  try {
    const users = await ctx.jira.asUser(accountId).bulkGetUsers(routing.assignees.map((a) => a.accountId));
    names = new Map(
      users.filter((u) => u.displayName.trim() !== '').map((u) => [u.accountId, u.displayName]),
    );
  } catch (error) {
    ctx.logger.warn('assignees shown by account id: names unavailable', {
      error: String(error).slice(0, 200),
    });
    return routing;
  }
  return {
    ...routing,
    assignees: routing.assignees.map((a) => ({ ...a, name: names.get(a.accountId) ?? a.accountId })),
  };
}
