import {
  SLA_TIME_TO_FIRST_RESPONSE,
  SLA_TIME_TO_RESOLUTION,
  type SeedServiceDesk,
  type SeedSlaGoal,
} from '../emulator/seed';
import { DESKS } from './catalog';
import { HOUR } from './random';

/** Each desk's configuration: SLA goals and queues (articles: ./knowledge). */

const RESOLUTION_GOAL_HOURS: Record<string, number> = {
  Lowest: 240,
  Low: 120,
  Medium: 72,
  High: 24,
  Highest: 8,
};
const RESPONSE_GOAL_HOURS: Record<string, number> = { Lowest: 48, Low: 24, Medium: 8, High: 4, Highest: 1 };

export function slaGoals(): SeedSlaGoal[] {
  const goals: SeedSlaGoal[] = [];
  let id = 1;
  for (const desk of DESKS) {
    const byPriority = (hours: Record<string, number>): Record<string, number> =>
      Object.fromEntries(Object.entries(hours).map(([p, h]) => [p, h * HOUR]));
    goals.push({
      id: String(id++),
      name: SLA_TIME_TO_FIRST_RESPONSE,
      projectKey: desk.key,
      goalMsByPriority: byPriority(RESPONSE_GOAL_HOURS),
    });
    goals.push({
      id: String(id++),
      name: SLA_TIME_TO_RESOLUTION,
      projectKey: desk.key,
      goalMsByPriority: byPriority(RESOLUTION_GOAL_HOURS),
    });
  }
  return goals;
}

export function queuesFor(
  desk: SeedServiceDesk,
): { id: string; serviceDeskId: string; name: string; jql: string }[] {
  const k = desk.projectKey;
  const base = Number(desk.id) * 10;
  return [
    {
      id: String(base + 1),
      serviceDeskId: desk.id,
      name: 'All open',
      jql: `project = ${k} AND statusCategory != Done ORDER BY created ASC`,
    },
    {
      id: String(base + 2),
      serviceDeskId: desk.id,
      name: 'Unassigned',
      jql: `project = ${k} AND statusCategory != Done AND assignee is EMPTY ORDER BY created ASC`,
    },
    {
      id: String(base + 3),
      serviceDeskId: desk.id,
      name: 'Recently resolved',
      jql: `project = ${k} AND statusCategory = Done ORDER BY updated DESC`,
    },
  ];
}
