import {
  ReleaseState,
  type FieldReleases,
  type ReleaseEvent,
  type ReleasePolicy,
} from '../../contracts/governance';
import { AppError } from '../shared/errors';
import type { CoreContext } from '../shared/context';
import { STORAGE_KEYS } from '../ports/storage-keys';

const DOC = STORAGE_KEYS.modelReleases.name;
/** Promoted versions kept besides the current one, for rollback. */
export const KEEP_PREVIOUS = 3;
const HISTORY = 300;
const ATTEMPTS = 5;

export const EMPTY_RELEASES: ReleaseState = { policies: {}, approverGroup: null, fields: {}, history: [] };
export const EMPTY_FIELD: FieldReleases = {
  current: null,
  previous: [],
  pending: null,
  pendingComparison: null,
};

export async function readReleases(ctx: CoreContext): Promise<{ state: ReleaseState; revision: number }> {
  const stored = await ctx.storage.state.get(DOC);
  if (stored === null) return { state: EMPTY_RELEASES, revision: 0 };
  const parsed = ReleaseState.safeParse(stored.value);
  // A damaged document starts over (the audit log keeps every earlier decision).
  return { state: parsed.success ? parsed.data : EMPTY_RELEASES, revision: stored.revision };
}

export function policyOf(state: ReleaseState, fieldId: string): ReleasePolicy {
  return Object.hasOwn(state.policies, fieldId) ? (state.policies[fieldId] ?? 'auto') : 'auto';
}

export function fieldOf(state: ReleaseState, fieldId: string): FieldReleases {
  return Object.hasOwn(state.fields, fieldId) ? (state.fields[fieldId] ?? EMPTY_FIELD) : EMPTY_FIELD;
}

/** The state with one field's releases replaced and `events` put first in the history. */
export function withField(
  state: ReleaseState,
  fieldId: string,
  field: FieldReleases,
  events: readonly ReleaseEvent[],
): ReleaseState {
  return {
    ...state,
    fields: { ...state.fields, [fieldId]: field },
    history: [...events, ...state.history].slice(0, HISTORY),
  };
}

/**
 * Read, change, write compare-and-set, retried when another writer got there first. `change`
 * may run more than once; it returns the next state, or null to write nothing.
 */
export async function updateReleases<T>(
  ctx: CoreContext,
  change: (state: ReleaseState) => { next: ReleaseState | null; result: T },
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { state, revision } = await readReleases(ctx);
    const { next, result } = change(state);
    if (next === null) return result;
    if ((await ctx.storage.state.compareAndSet(DOC, revision, next)) !== null) return result;
  }
  throw new AppError('bad_request', 'The model releases changed meanwhile: try again.');
}
