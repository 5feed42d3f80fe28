/**
 * Workload replay on the UCI log: test incidents arrive in opened_at order and each assignment
 * policy picks an agent; an agent's simulated open load rises on assignment and falls at the
 * incident's real resolution time. Compares the router (team from the model, assignee by
 * expertise and load) with round-robin and "fewest open tickets", on team accuracy, on picking
 * the agent who really resolved it, and on load imbalance (max / mean open per agent).
 */
import type { Agent, ClassVote } from '../../src/engine/route';
import { rankAssignees } from '../../src/engine/route';

export interface ReplayIncident {
  openedAt: number;
  /** Real resolution time; Infinity when never resolved in the log. */
  resolvedAt: number;
  finalGroup: string;
  finalAssignee: string;
  category: string;
  teamVotes: readonly ClassVote[];
}

export interface ReplayAgent {
  id: string;
  teams: string[];
  /** The team this agent resolved most for in training. */
  homeTeam: string;
  solvedByCategory: Map<string, number>;
}

export interface PolicyResult {
  policy: string;
  teamAccuracy: number;
  assigneeHit: number;
  /** Mean over arrivals of (max open / mean open) across all agents. */
  imbalance: number;
  /** Share of incidents left to the team queue (chosen team has no agent). */
  unassigned: number;
}

type Chooser = (inc: ReplayIncident, open: Map<string, number>) => { team: string; agent: string | null };

function replay(
  policy: string,
  incidents: readonly ReplayIncident[],
  agents: readonly ReplayAgent[],
  choose: Chooser,
): PolicyResult {
  const open = new Map(agents.map((a) => [a.id, 0]));
  // Pending resolutions, kept sorted by time (small enough for a sorted array).
  const pending: { at: number; agent: string }[] = [];
  let teamHits = 0;
  let agentHits = 0;
  let unassigned = 0;
  let imbalanceSum = 0;
  for (const inc of incidents) {
    while (pending.length > 0 && (pending[0] as { at: number }).at <= inc.openedAt) {
      const done = pending.shift() as { at: number; agent: string };
      open.set(done.agent, (open.get(done.agent) ?? 1) - 1);
    }
    const { team, agent } = choose(inc, open);
    if (team === inc.finalGroup) teamHits++;
    if (agent === null) unassigned++;
    else {
      if (agent === inc.finalAssignee) agentHits++;
      open.set(agent, (open.get(agent) ?? 0) + 1);
      if (Number.isFinite(inc.resolvedAt)) {
        const at = inc.resolvedAt;
        let i = pending.length;
        while (i > 0 && (pending[i - 1] as { at: number }).at > at) i--;
        pending.splice(i, 0, { at, agent });
      }
    }
    let max = 0;
    let sum = 0;
    for (const v of open.values()) {
      max = Math.max(max, v);
      sum += v;
    }
    imbalanceSum += sum === 0 ? 1 : max / (sum / open.size);
  }
  const n = incidents.length;
  return {
    policy,
    teamAccuracy: teamHits / n,
    assigneeHit: agentHits / n,
    imbalance: imbalanceSum / n,
    unassigned: unassigned / n,
  };
}

const fewest = (ids: readonly string[], open: Map<string, number>): string | null => {
  let best: string | null = null;
  for (const id of ids) if (best === null || (open.get(id) ?? 0) < (open.get(best) ?? 0)) best = id;
  return best;
};

export function runWorkloadReplay(
  incidents: readonly ReplayIncident[],
  agents: readonly ReplayAgent[],
  today: string,
): PolicyResult[] {
  const ids = agents.map((a) => a.id);
  const home = new Map(agents.map((a) => [a.id, a.homeTeam]));
  const members = new Map<string, string[]>();
  for (const a of agents) for (const t of a.teams) members.set(t, [...(members.get(t) ?? []), a.id]);
  const byId = new Map(agents.map((a) => [a.id, a]));
  const topTeam = (inc: ReplayIncident): string => inc.teamVotes[0]?.label ?? '';
  let rr = 0;
  const rrByTeam = new Map<string, number>();
  const results: PolicyResult[] = [];
  results.push(
    replay('round-robin (all agents)', incidents, agents, () => {
      const agent = ids[rr++ % ids.length] as string;
      return { team: home.get(agent) ?? '', agent };
    }),
  );
  results.push(
    replay('fewest open (all agents)', incidents, agents, (_inc, open) => {
      const agent = fewest(ids, open) as string;
      return { team: home.get(agent) ?? '', agent };
    }),
  );
  results.push(
    replay('model team + round-robin in team', incidents, agents, (inc) => {
      const team = topTeam(inc);
      const list = members.get(team) ?? [];
      if (list.length === 0) return { team, agent: null };
      const k = rrByTeam.get(team) ?? 0;
      rrByTeam.set(team, k + 1);
      return { team, agent: list[k % list.length] as string };
    }),
  );
  results.push(
    replay('model team + fewest open in team', incidents, agents, (inc, open) => {
      const team = topTeam(inc);
      return { team, agent: fewest(members.get(team) ?? [], open) };
    }),
  );
  for (const loadWeight of [0.5, 2]) {
    results.push(
      replay(`router (model team + expertise − ${loadWeight} × load)`, incidents, agents, (inc, open) => {
        const team = topTeam(inc);
        const pool: Agent[] = (members.get(team) ?? []).map((id) => {
          const a = byId.get(id) as ReplayAgent;
          return {
            id,
            name: id,
            teams: a.teams,
            active: true,
            openLoad: open.get(id) ?? 0,
            solvedByCategory: a.solvedByCategory,
          };
        });
        const ranked = rankAssignees({ team, agents: pool, category: inc.category, today }, { loadWeight });
        return { team, agent: ranked[0]?.id ?? null };
      }),
    );
  }
  return results;
}
