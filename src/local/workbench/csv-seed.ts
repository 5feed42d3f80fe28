import type { Ticket } from '../../core/shared/ticket';
import type {
  SeedLink,
  SeedCustomField,
  SeedLinkType,
  SeedRequestType,
  SeedTeam,
  SeedTicket,
  SeedUser,
  SiteSeed,
} from '../emulator/seed';
import type { JiraExport } from '../readiness/jira-export';

/** Jira Cloud's default link types, so links from the export keep their names. */
const LINK_TYPES: SeedLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '10004', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
];

export const CSV_ADMIN: SeedUser = {
  accountId: 'workbench-admin',
  displayName: 'Workbench Admin',
  email: 'admin@workbench.invalid',
  kind: 'admin',
  teamId: null,
  capacity: null,
  locale: 'en_US',
};

/** A stable id for a name from the export (display names or account ids; both become ids here). */
function idMaker(prefix: string) {
  const ids = new Map<string, string>();
  return {
    ids,
    of(name: string): string {
      let id = ids.get(name);
      if (id === undefined) {
        id = `${prefix}${ids.size + 1}`;
        ids.set(name, id);
      }
      return id;
    },
  };
}

const mostCommon = (values: readonly string[]): string | null => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

/** A ticket's values of the mapped custom fields, by site field id (the first of several values). */
function customValues(
  ticket: Ticket,
  fields: readonly (SeedCustomField & { exportName: string })[],
): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const f of fields) {
    if (!Object.prototype.hasOwnProperty.call(ticket.custom, f.exportName)) continue;
    const raw = ticket.custom[f.exportName];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value !== undefined && value !== '') out[f.id] = value;
  }
  return out;
}

/**
 * A user's own Jira export as an emulator site: one service desk per project, request types and
 * teams by name, people from Assignee/Reporter, links from the link columns. `now` is the
 * export's latest time, so ticket ages and SLA clocks read as they did on export day.
 */
export function exportToSeed(
  exported: JiraExport,
  now: number,
  /** The export's custom fields the site serves as select fields (`ticket.custom` is keyed by name). */
  customFields: readonly (SeedCustomField & { exportName: string })[] = [],
): SiteSeed {
  const tickets = exported.tickets.filter((t) => Number.isFinite(t.created));
  const projects = [...new Set(tickets.map((t) => t.projectKey))].sort();
  const serviceDesks = projects.map((key, i) => ({
    id: String(i + 1),
    projectId: String(10_000 + i),
    projectKey: key,
    projectName: key,
  }));
  const deskOf = new Map(serviceDesks.map((d) => [d.projectKey, d]));

  const requestTypes: SeedRequestType[] = [];
  const requestTypeId = new Map<string, string>();
  const teams: SeedTeam[] = [];
  const teamId = new Map<string, string>();
  for (const t of tickets) {
    const desk = deskOf.get(t.projectKey);
    if (desk === undefined) continue;
    if (t.requestType !== null && !requestTypeId.has(`${desk.id}|${t.requestType}`)) {
      const id = String(100 + requestTypes.length);
      requestTypeId.set(`${desk.id}|${t.requestType}`, id);
      requestTypes.push({
        id,
        serviceDeskId: desk.id,
        name: t.requestType,
        description: '',
        issueType: t.issueType || 'Service Request',
      });
    }
    if (t.team !== null && !teamId.has(t.team)) {
      const id = `team-${teams.length + 1}`;
      teamId.set(t.team, id);
      teams.push({ id, name: t.team, projectKey: t.projectKey });
    }
  }

  const people = idMaker('csv-user-');
  const agentTeams = new Map<string, string[]>();
  for (const t of tickets) {
    if (t.assigneeId !== null) {
      people.of(t.assigneeId);
      if (t.team !== null) agentTeams.set(t.assigneeId, [...(agentTeams.get(t.assigneeId) ?? []), t.team]);
    }
  }
  const agentNames = new Set(people.ids.keys());
  for (const t of tickets) if (t.reporterId !== null) people.of(t.reporterId);
  const fallbackReporter = people.of('Unknown reporter');
  const users: SeedUser[] = [
    CSV_ADMIN,
    ...[...people.ids.entries()].map(([name, accountId]): SeedUser => {
      const team = mostCommon(agentTeams.get(name) ?? []);
      return {
        accountId,
        displayName: name,
        email: `${accountId}@workbench.invalid`,
        kind: agentNames.has(name) ? 'agent' : 'customer',
        teamId: team === null ? null : (teamId.get(team) ?? null),
        capacity: null,
        locale: 'en_US',
      };
    }),
  ];

  const seedTickets: SeedTicket[] = tickets.map((t: Ticket) => {
    const desk = deskOf.get(t.projectKey);
    return {
      id: t.id,
      key: t.key,
      projectKey: t.projectKey,
      language: 'en',
      summary: t.summary,
      description: t.description,
      issueType: t.issueType || 'Service Request',
      requestTypeId:
        t.requestType === null || desk === undefined
          ? null
          : (requestTypeId.get(`${desk.id}|${t.requestType}`) ?? null),
      priority: t.priority,
      components: t.components,
      labels: t.labels.map((l) => l.replace(/\s+/g, '_')),
      category: null,
      custom: customValues(t, customFields),
      teamId: t.team === null ? null : (teamId.get(t.team) ?? null),
      assigneeId: t.assigneeId === null ? null : people.of(t.assigneeId),
      reporterId: t.reporterId === null ? fallbackReporter : people.of(t.reporterId),
      organization: t.organization,
      status: t.status || (t.statusCategory === 'done' ? 'Resolved' : 'Open'),
      statusCategory: t.statusCategory,
      resolution: t.resolution,
      created: t.created,
      updated: Number.isFinite(t.updated) ? t.updated : t.created,
      resolved: t.resolved,
      comments: t.comments.map((c) => ({
        authorId: c.author === '' ? fallbackReporter : people.of(c.author),
        body: c.body,
        created: Number.isFinite(c.created) ? c.created : t.created,
        internal: c.internal,
      })),
    };
  });

  const keys = new Set(seedTickets.map((t) => t.key));
  const seen = new Set<string>();
  const links: SeedLink[] = [];
  for (const t of tickets) {
    for (const l of t.links) {
      if (!keys.has(l.key)) continue;
      // "A duplicates B": A lists B as outward, B lists A as inward; both rows describe one link.
      const link =
        l.direction === 'outward'
          ? { type: l.type, inwardKey: t.key, outwardKey: l.key }
          : { type: l.type, inwardKey: l.key, outwardKey: t.key };
      const id = `${link.type}|${link.inwardKey}|${link.outwardKey}`;
      if (seen.has(id)) continue;
      seen.add(id);
      links.push(link);
    }
  }
  const linkTypes = [...LINK_TYPES];
  for (const l of links) {
    if (!linkTypes.some((lt) => lt.name === l.type))
      linkTypes.push({
        id: String(10_100 + linkTypes.length),
        name: l.type,
        inward: l.type,
        outward: l.type,
      });
  }
  return {
    now,
    serviceDesks,
    requestTypes,
    teams,
    users,
    slaGoals: [],
    queues: [],
    articles: [],
    linkTypes,
    tickets: seedTickets,
    links,
    customFields: customFields.map((f) => ({ id: f.id, name: f.name })),
  };
}
