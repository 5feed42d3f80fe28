import { SLA_TIME_TO_FIRST_RESPONSE } from './seed';
import type { EmuIssue, EmulatorSite } from './site';
import { jiraDateTime } from './render';

/**
 * SLA cycles as JSM reports them, computed from the site's goals and its clock. The model is
 * simpler than JSM's: one cycle per metric, a 24/7 calendar, and "paused" shown while the
 * request waits for the customer without stopping the clock.
 */
export function slaValues(base: string, site: EmulatorSite, issue: EmuIssue): Record<string, unknown>[] {
  const now = site.now();
  const goals = site.slaGoals.filter((g) => g.projectKey === issue.projectKey);
  return goals.flatMap((goal) => {
    const goalMs = issue.priority === null ? undefined : goal.goalMsByPriority[issue.priority];
    if (goalMs === undefined) return [];
    const start = issue.created;
    const stop = goal.name === SLA_TIME_TO_FIRST_RESPONSE ? firstResponse(site, issue) : issue.resolved;
    const self = { self: `${base}/rest/servicedeskapi/request/${issue.id}/sla/${goal.id}` };
    const breachAt = start + goalMs;
    if (stop !== null) {
      const elapsed = stop - start;
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
    const elapsed = Math.max(0, now - start);
    return [
      {
        id: goal.id,
        name: goal.name,
        _links: self,
        completedCycles: [],
        ongoingCycle: {
          startTime: dateDto(start),
          breachTime: dateDto(breachAt),
          breached: elapsed > goalMs,
          paused: issue.status === 'Waiting for customer' && goal.name !== SLA_TIME_TO_FIRST_RESPONSE,
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
