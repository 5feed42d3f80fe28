import { z } from 'zod';
import type { QueueLoad } from './types';
import { usualOpenLoad } from './usual-load';

/** Open tickets per queue (a team or an assignee), as stored: the SLA sweep's snapshots and the usual load. */
export const QueueCounts = z.array(z.tuple([z.string().max(200), z.number().nonnegative()])).max(100_000);

/** Usual open tickets per team and per assignee, stored with the SLA model. */
export const UsualLoad = z.object({ teams: QueueCounts, assignees: QueueCounts });
export type UsualLoad = z.infer<typeof UsualLoad>;

/** What the queue load reads of a ticket. */
export interface QueueTicket {
  created: number;
  resolved: number | null;
  team: string | null;
  assigneeId: string | null;
}

/** Open tickets now, from the SLA sweep's last snapshots; null where no sweep has finished yet. */
export interface CurrentLoad {
  teams: ReadonlyMap<string, number> | null;
  assignees: ReadonlyMap<string, number> | null;
}

/**
 * Each team's and assignee's usual open load over the last eight weeks, reconstructed from the
 * created and resolved times of the stored tickets (resolved and still open).
 */
export function usualLoadOf(tickets: readonly QueueTicket[], now: number): UsualLoad {
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
  ticket: Pick<QueueTicket, 'team' | 'assigneeId'>,
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
