import { PAUSED_STATUS, SLA_TIME_TO_FIRST_RESPONSE } from './seed';
import type { EmuIssue, EmulatorSite } from './site';
import { jiraDateTime } from './rest-json';

/**
 * The goal for a priority; `*` stands for JSM's "All remaining issues" goal (also for an issue
 * without a priority).
 */
function goalFor(byPriority: Readonly<Record<string, number>>, priority: string | null): number | undefined {
  const own = (key: string) => (Object.hasOwn(byPriority, key) ? byPriority[key] : undefined);
  return (priority === null ? undefined : own(priority)) ?? own('*');
}

/**
 * SLA cycles as JSM reports them, computed from the site's goals and its clock. The model is
 * simpler than JSM's: one cycle per metric and a 24/7 calendar. As in JSM, time spent waiting
 * for the customer is not SLA time for resolution goals: elapsedTime stands still (and
 * `ongoingCycle.paused` is true) while the request is in that status.
 */
export function slaValues(base: string, site: EmulatorSite, issue: EmuIssue): Record<string, unknown>[] {
  const now = site.now();
  const goals = site.slaGoals.filter((g) => g.projectKey === issue.projectKey);
  return goals.flatMap((goal) => {
    const goalMs = goalFor(goal.goalMsByPriority, issue.priority);
    if (goalMs === undefined) return [];
    const start = issue.created;
    const pauses = goal.name !== SLA_TIME_TO_FIRST_RESPONSE;
    const stop = pauses ? issue.resolved : firstResponse(site, issue);
    const clockTime = (until: number): number =>
      Math.max(0, until - start - (pauses ? pausedMs(issue, start, until) : 0));
    const self = { self: `${base}/rest/servicedeskapi/request/${issue.id}/sla/${goal.id}` };
    const breachAt = start + goalMs;
    if (stop !== null) {
      const elapsed = clockTime(stop);
      return [
        {
          id: goal.id,
          name: goal.name,
          _links: self,
          completedCycles: [
            {
              startTime: dateDto(start),
              stopTime: dateDto(stop),
              breachTime: dateDto(breachAt),
              breached: elapsed > goalMs,
              goalDuration: durationDto(goalMs),
              elapsedTime: durationDto(elapsed),
              remainingTime: durationDto(goalMs - elapsed),
            },
          ],
          slaDisplayFormat: 'NEW_SLA_FORMAT',
        },
      ];
    }
    const elapsed = clockTime(now);
    // JSM moves the breach time out by every paused minute: it is when the goal runs out from now.
    const runsOutAt = now + (goalMs - elapsed);
    return [
      {
        id: goal.id,
        name: goal.name,
        _links: self,
        completedCycles: [],
        ongoingCycle: {
          startTime: dateDto(start),
          breachTime: dateDto(runsOutAt),
          breached: elapsed > goalMs,
          paused: pauses && issue.status === PAUSED_STATUS,
          withinCalendarHours: true,
          goalDuration: durationDto(goalMs),
          elapsedTime: durationDto(elapsed),
          remainingTime: durationDto(goalMs - elapsed),
        },
        slaDisplayFormat: 'NEW_SLA_FORMAT',
      },
    ];
  });
}

/**
 * Time in [start, until] the request spent waiting for the customer, from its status history
 * (each status change names the status it went to; the status before the first change is
 * "Waiting for support", which does not pause).
 */
export function pausedMs(issue: Pick<EmuIssue, 'history' | 'status'>, start: number, until: number): number {
  const changes = issue.history
    .flatMap((h) =>
      h.items.filter((c) => c.fieldId === 'status').map((c) => ({ at: h.created, to: c.toString })),
    )
    .sort((a, b) => a.at - b.at);
  let total = 0;
  let pausedSince: number | null = null;
  for (const c of changes) {
    if (c.at > until) break;
    const waiting = c.to === PAUSED_STATUS;
    if (waiting && pausedSince === null) pausedSince = Math.max(start, c.at);
    if (!waiting && pausedSince !== null) {
      total += Math.max(0, c.at - pausedSince);
      pausedSince = null;
    }
  }
  // A request waiting now whose history does not say since when (e.g. imported) pauses from now.
  if (pausedSince !== null) total += Math.max(0, until - pausedSince);
  return total;
}

/** The first public comment by someone other than the reporter: JSM's "first response". */
function firstResponse(site: EmulatorSite, issue: EmuIssue): number | null {
  const c = issue.comments.find(
    (x) => !x.internal && x.authorId !== issue.reporterId && site.users.get(x.authorId)?.kind !== 'customer',
  );
  return c ? c.created : null;
}

function dateDto(ms: number): Record<string, unknown> {
  const iso = new Date(ms).toISOString();
  return {
    epochMillis: ms,
    friendly: friendlyDate(ms),
    iso8601: iso.replace('.000Z', 'Z'),
    jira: jiraDateTime(ms),
  };
}

function durationDto(ms: number): Record<string, unknown> {
  return { millis: ms, friendly: friendlyDuration(ms) };
}

/** `2h 5m`, `-1h 30m`, `3d 4h`: roughly JSM's style. */
export function friendlyDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const parts = [days > 0 ? `${days}d` : '', hours > 0 ? `${hours}h` : '', `${minutes}m`].filter(
    (p) => p !== '',
  );
  return sign + parts.join(' ');
}

function friendlyDate(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const h = d.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  return `${String(d.getUTCDate()).padStart(2, '0')}/${months[d.getUTCMonth()] ?? ''}/${String(d.getUTCFullYear()).slice(2)} ${hh}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}
