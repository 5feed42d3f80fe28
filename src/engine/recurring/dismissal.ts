import { z } from 'zod';
import { InputError } from '../errors';

/** A cluster an agent dismissed ("not a problem"): remembered so it does not come back. */
const dismissalSchema = z.object({
  key: z.string().min(1).max(200),
  memberIds: z.array(z.string().min(1).max(200)).max(10_000),
  atMs: z.number().finite(),
});

export const dismissalStateSchema = z.object({
  kind: z.literal('triage-lens/recurring-dismissals'),
  version: z.literal(1),
  dismissed: z.array(dismissalSchema).max(10_000),
});

export type DismissalState = z.infer<typeof dismissalStateSchema>;

export const emptyDismissals = (): DismissalState => ({
  kind: 'triage-lens/recurring-dismissals',
  version: 1,
  dismissed: [],
});

/** Validates stored dismissal state (JSON from KVS); a bad value is an InputError naming the path. */
export function parseDismissals(data: unknown): DismissalState {
  const parsed = dismissalStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      'bad_model',
      `recurring dismissals malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** New state with the cluster dismissed (replacing an earlier dismissal of the same key). */
export function dismissCluster(
  state: DismissalState,
  cluster: { key: string; memberIds: readonly string[] },
  nowMs: number,
): DismissalState {
  return {
    ...state,
    dismissed: [
      ...state.dismissed.filter((d) => d.key !== cluster.key),
      { key: cluster.key, memberIds: [...cluster.memberIds], atMs: nowMs },
    ],
  };
}

/** New state without dismissals older than `maxAgeDays` (keeps stored state bounded). */
export function expireDismissals(state: DismissalState, nowMs: number, maxAgeDays: number): DismissalState {
  return { ...state, dismissed: state.dismissed.filter((d) => nowMs - d.atMs <= maxAgeDays * 86_400_000) };
}

/**
 * A cluster stays hidden while it is the dismissed one: same key, or at least half of its
 * members were in a dismissed cluster. Once it has more than doubled with new tickets it shows
 * again: the incident is recurring harder than when someone judged it.
 */
export function isDismissed(
  state: DismissalState,
  cluster: { key: string; memberIds: readonly string[] },
): boolean {
  for (const d of state.dismissed) {
    const before = new Set(d.memberIds);
    const overlap = cluster.memberIds.filter((id) => before.has(id)).length;
    if (overlap * 2 >= cluster.memberIds.length) return true;
    if (d.key === cluster.key && cluster.memberIds.length <= 2 * d.memberIds.length) return true;
  }
  return false;
}
