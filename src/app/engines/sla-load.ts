import { z } from 'zod';
import { usualOpenLoad } from '../../engine/sla';
import type { QueueLoad } from '../../engine/sla';
import { OPEN_LOAD_NAME } from '../../core/suggest/compute';
import { OPEN_TEAM_LOAD_NAME } from '../../core/sla/sla-sweep';
import type { ModelStore } from '../../core/ports/storage';
import { loadStoredJson } from '../../core/shared/stored-json';
import type { Ticket } from '../../core/shared/ticket';

const Counts = z.array(z.tuple([z.string().max(200), z.number().nonnegative()])).max(100_000);

/** Usual open tickets per team and per assignee, stored with the SLA model. */
export const UsualLoad = z.object({ teams: Counts, assignees: Counts });
export type UsualLoad = z.infer<typeof UsualLoad>;

/** Open tickets now, from the SLA sweep's last snapshots; null where no sweep has finished yet. */
export interface CurrentLoad {
  teams: ReadonlyMap<string, number> | null;
  assignees: ReadonlyMap<string, number> | null;
}

/** Re-read the snapshots at most this often: the sweep rewrites them once an hour. */
const SNAPSHOT_TTL_MS = 60_000;

/**
 * Each team's and assignee's usual open load over the last eight weeks, reconstructed from the
 * created and resolved times of the stored tickets (resolved and still open).
 */
export function usualLoadOf(
  tickets: readonly Pick<Ticket, 'created' | 'resolved' | 'team' | 'assigneeId'>[],
  now: number,
): UsualLoad {
  const by = (queueOf: (t: (typeof tickets)[number]) => string | null): [string, number][] => {
    const stays = tickets.flatMap((t) => {
      const queue = queueOf(t);
      return queue === null ? [] : [{ keys: [queue], created: t.created, resolved: t.resolved }];
    });
    return [...usualOpenLoad(stays, { now })];
  };
  return { teams: by((t) => t.team), assignees: by((t) => t.assigneeId) };
}

/** The engine's load input for one ticket: only the halves with both a current and a usual count. */
export function queueLoadOf(
  ticket: Pick<Ticket, 'team' | 'assigneeId'>,
  usual: { teams: ReadonlyMap<string, number>; assignees: ReadonlyMap<string, number> },
  current: CurrentLoad,
): QueueLoad {
  const pick = (
    key: string | null,
    now: ReadonlyMap<string, number> | null,
    usualOf: ReadonlyMap<string, number>,
  ) => {
    if (key === null || now === null) return null;
    const typical = usualOf.get(key);
    // A snapshot lists only queues with open tickets: absent means none were open at the sweep.
    return typical === undefined ? null : { open: now.get(key) ?? 0, usual: typical };
  };
  const team = pick(ticket.team, current.teams, usual.teams);
  const assignee = pick(ticket.assigneeId, current.assignees, usual.assignees);
  return {
    ...(team ? { teamOpen: team.open, teamUsualOpen: team.usual } : {}),
    ...(assignee ? { assigneeOpen: assignee.open, assigneeUsualOpen: assignee.usual } : {}),
  };
}

/** Reads the sweep's open-load snapshots, cached for a minute per engine. */
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
  const counts = await loadStoredJson(models, name, 1, Counts);
  return counts === null ? null : new Map(counts);
}
