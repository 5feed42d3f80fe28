import type { SuggestionStore } from '../ports/storage';
import type { StoredSuggestions } from './suggestions';
import { parseStoredSuggestions } from './suggestions';

/** Rivals on one row are a consumer, the SLA sweep and an agent or two: a few rounds settle it. */
const MAX_ROUNDS = 5;

/**
 * Read-modify-write of a ticket's suggestions row by compare-and-set: `change` is applied to
 * the row as it is now, and re-applied to a fresher copy when another writer got in between,
 * so nobody's write silently undoes another's (an agent's decision, a recompute, an SLA reading).
 * `change` returns null to leave the row as it is. False when no row exists or the rivals kept
 * winning (the caller decides whether that matters).
 */
export async function updateSuggestions(
  store: SuggestionStore,
  ticketId: string,
  at: number,
  change: (current: StoredSuggestions) => StoredSuggestions | null,
): Promise<boolean> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await store.get(ticketId, parseStoredSuggestions);
    if (!row) return false;
    const next = change(structuredClone(row.value));
    if (next === null) return true;
    if (await store.putIfUnchanged(ticketId, next, at, row.revision)) return true;
  }
  return false;
}

/**
 * Stores freshly computed suggestions that were derived from the row at `basedOn` (null: none).
 * When a rival wrote meanwhile, the agents' decisions on the newer row are carried over, because
 * a decision is never recomputed; everything else is the new computation.
 */
export async function storeComputed(
  store: SuggestionStore,
  ticketId: string,
  computed: StoredSuggestions,
  at: number,
  basedOn: number | null,
): Promise<void> {
  let expected = basedOn;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (await store.putIfUnchanged(ticketId, computed, at, expected)) return;
    const row = await store.get(ticketId, parseStoredSuggestions);
    computed = { ...computed, decisions: { ...computed.decisions, ...(row?.value.decisions ?? {}) } };
    expected = row?.revision ?? null;
  }
  // Still racing after several rounds: the computation is as good as any rival's, so it lands.
  await store.put(ticketId, computed, at);
}
