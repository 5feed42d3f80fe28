import { QueueCounts } from '../../engine/sla';
import type { CurrentLoad } from '../../engine/sla';
import type { ModelStore } from '../ports/storage';
import { loadStoredJson } from '../shared/stored-json';
import { OPEN_LOAD_NAME } from '../suggest/compute';
import { OPEN_TEAM_LOAD_NAME } from './sla-sweep';

/** Re-read the snapshots at most this often: the sweep rewrites them once an hour. */
const SNAPSHOT_TTL_MS = 60_000;

/** Reads the sweep's open-load snapshots, cached for a minute per reader. */
export function currentLoadReader(models: ModelStore, now: () => number): () => Promise<CurrentLoad> {
  let cached: { at: number; value: Promise<CurrentLoad> } | null = null;
  return () => {
    const at = now();
    if (cached === null || at - cached.at > SNAPSHOT_TTL_MS || at < cached.at) {
      cached = {
        at,
        value: Promise.all([
          readCounts(models, OPEN_TEAM_LOAD_NAME),
          readCounts(models, OPEN_LOAD_NAME),
        ]).then(([teams, assignees]) => ({ teams, assignees })),
      };
    }
    return cached.value;
  };
}

async function readCounts(models: ModelStore, name: string): Promise<Map<string, number> | null> {
  // A damaged snapshot is rewritten by the next sweep; until then the risk is scored without load.
  const counts = await loadStoredJson(models, name, 1, QueueCounts);
  return counts === null ? null : new Map(counts);
}
