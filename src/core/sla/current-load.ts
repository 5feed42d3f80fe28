import type { CurrentLoad } from '../../engine/sla';
import type { Storage } from '../ports/storage';
import { STORAGE_KEYS } from '../ports/storage-keys';
import type { StateDoc } from '../ports/storage-keys';
import { readStateDoc } from '../shared/state-docs';

/** Re-read the snapshots at most this often: the sweep rewrites them once an hour. */
const SNAPSHOT_TTL_MS = 60_000;

/** Reads the sweep's open-load snapshots, cached for a minute per reader. */
export function currentLoadReader(
  storage: Pick<Storage, 'state' | 'models'>,
  now: () => number,
): () => Promise<CurrentLoad> {
  let cached: { at: number; value: Promise<CurrentLoad> } | null = null;
  return () => {
    const at = now();
    if (cached === null || at - cached.at > SNAPSHOT_TTL_MS || at < cached.at) {
      cached = {
        at,
        value: Promise.all([
          readCounts(storage, STORAGE_KEYS.openTeamLoad),
          readCounts(storage, STORAGE_KEYS.openLoad),
        ]).then(([teams, assignees]) => ({ teams, assignees })),
      };
    }
    return cached.value;
  };
}

async function readCounts(
  storage: Pick<Storage, 'state' | 'models'>,
  doc: StateDoc<typeof STORAGE_KEYS.openLoad.schema, 'open-load' | 'open-team-load'>,
): Promise<Map<string, number> | null> {
  // A damaged snapshot is rewritten by the next sweep; until then the risk is scored without load.
  const counts = await readStateDoc(storage, doc);
  return counts === null ? null : new Map(counts);
}
