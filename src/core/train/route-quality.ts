import type { AdminConfig } from '../../contracts/config';
import type { HiddenRouteKind, RoutingSuggestion } from '../../contracts/panel';
import type { CoreContext } from '../shared/context';
import type { RouteModelId } from './route-models';

/**
 * Below this held-back top-1 accuracy a kind of routing suggestion is wrong more often than
 * right on this site: shown by default it teaches agents to ignore the section, so it is left
 * out unless the admin asks for it.
 */
export const WEAK_ROUTE_ACCURACY = 0.5;

const KINDS: readonly { kind: HiddenRouteKind['kind']; model: RouteModelId }[] = [
  { kind: 'team', model: 'route:team' },
  { kind: 'assignee', model: 'route:assignee' },
];

/** The kinds whose learned model measured below WEAK_ROUTE_ACCURACY at its last training. */
export async function weakRouteKinds(ctx: CoreContext): Promise<HiddenRouteKind[]> {
  const measured = await Promise.all(
    KINDS.map(async ({ kind, model }) => ({ kind, quality: await ctx.models.quality(model) })),
  );
  return measured.flatMap(({ kind, quality }) =>
    quality !== null && quality.examples > 0 && quality.accuracy < WEAK_ROUTE_ACCURACY
      ? [{ kind, accuracy: quality.accuracy }]
      : [],
  );
}

/**
 * The routing an agent sees: weak kinds left out and named (so the panel can say why), unless
 * the admin shows them or a rule decided the route (a rule is the admin's own decision).
 */
export function withoutWeakKinds(
  routing: RoutingSuggestion,
  weak: readonly HiddenRouteKind[],
  config: AdminConfig,
): RoutingSuggestion {
  if (weak.length === 0 || config.routing.showWeak || routing.decidedByRule !== undefined) return routing;
  const hides = (kind: HiddenRouteKind['kind']) => weak.some((w) => w.kind === kind);
  return {
    ...routing,
    teams: hides('team') ? [] : routing.teams,
    assignees: hides('assignee') ? [] : routing.assignees,
    hidden: [...weak],
  };
}
