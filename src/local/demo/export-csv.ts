import type { SeedTicket, SiteSeed } from '../emulator/seed';

/**
 * A site as Jira's "Export CSV (all fields)" writes it: one row per issue, multi-valued fields
 * as repeated columns (`Component/s`, `Labels`, `Comment`), dates like `22/Nov/26 2:31 PM`,
 * comments as `date;accountId;body`, custom fields as `Custom field (Name)`.
 */
export const CSV_COLUMNS = {
  summary: 'Summary',
  key: 'Issue key',
  id: 'Issue id',
  issueType: 'Issue Type',
  status: 'Status',
  statusCategory: 'Status Category',
  projectKey: 'Project key',
  projectName: 'Project name',
  priority: 'Priority',
  resolution: 'Resolution',
  assignee: 'Assignee',
  assigneeId: 'Assignee Id',
  reporter: 'Reporter',
  reporterId: 'Reporter Id',
  created: 'Created',
  updated: 'Updated',
  resolved: 'Resolved',
  components: 'Component/s',
  labels: 'Labels',
  description: 'Description',
  requestType: 'Custom field (Request Type)',
  category: 'Custom field (Category)',
  impact: 'Custom field (Impact)',
  team: 'Custom field (Team)',
  organizations: 'Custom field (Organizations)',
  comment: 'Comment',
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `22/Nov/26 2:31 PM` (UTC). */
export function jiraCsvDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()] ?? ''}/${String(d.getUTCFullYear()).slice(2)} ${hour12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function exportCsv(site: SiteSeed): string {
  const maxOf = (f: (t: SeedTicket) => number): number => Math.max(1, ...site.tickets.map(f));
  const nComponents = maxOf((t) => t.components.length);
  const nLabels = maxOf((t) => t.labels.length);
  const nComments = maxOf((t) => t.comments.length);
  const linkTypes = [...new Set(site.links.map((l) => l.type))].sort();
  const linkCounts = new Map<string, number>();
  const inward = new Map<string, string[]>();
  const outward = new Map<string, string[]>();
  for (const l of site.links) {
    // The exporting issue's "Outward issue link (Duplicate)" lists the issues it duplicates.
    push(outward, `${l.inwardKey}|${l.type}`, l.outwardKey);
    push(inward, `${l.outwardKey}|${l.type}`, l.inwardKey);
  }
  for (const type of linkTypes) {
    const count = (m: Map<string, string[]>): number =>
      Math.max(1, ...[...m].filter(([k]) => k.endsWith(`|${type}`)).map(([, v]) => v.length));
    linkCounts.set(`in|${type}`, count(inward));
    linkCounts.set(`out|${type}`, count(outward));
  }
  const C = CSV_COLUMNS;
  const header: string[] = [
    C.summary,
    C.key,
    C.id,
    C.issueType,
    C.status,
    C.statusCategory,
    C.projectKey,
    C.projectName,
    C.priority,
    C.resolution,
    C.assignee,
    C.assigneeId,
    C.reporter,
    C.reporterId,
    C.created,
    C.updated,
    C.resolved,
    ...repeat(C.components, nComponents),
    ...repeat(C.labels, nLabels),
    C.description,
    C.requestType,
    C.category,
    C.impact,
    C.team,
    C.organizations,
    ...linkTypes.flatMap((t) => [
      ...repeat(`Inward issue link (${t})`, linkCounts.get(`in|${t}`) ?? 1),
      ...repeat(`Outward issue link (${t})`, linkCounts.get(`out|${t}`) ?? 1),
    ]),
    ...repeat(C.comment, nComments),
  ];
  const users = new Map(site.users.map((u) => [u.accountId, u]));
  const desks = new Map(site.serviceDesks.map((d) => [d.projectKey, d]));
  const requestTypes = new Map(site.requestTypes.map((r) => [r.id, r]));
  const teams = new Map(site.teams.map((t) => [t.id, t]));
  const lines = [header.map(csvCell).join(',')];
  for (const t of site.tickets) {
    const row: string[] = [
      t.summary,
      t.key,
      t.id,
      t.issueType,
      t.status,
      { new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[t.statusCategory],
      t.projectKey,
      desks.get(t.projectKey)?.projectName ?? '',
      t.priority ?? '',
      t.resolution ?? '',
      t.assigneeId ? (users.get(t.assigneeId)?.displayName ?? '') : '',
      t.assigneeId ?? '',
      users.get(t.reporterId)?.displayName ?? '',
      t.reporterId,
      jiraCsvDate(t.created),
      jiraCsvDate(t.updated),
      t.resolved === null ? '' : jiraCsvDate(t.resolved),
      ...pad(t.components, nComponents),
      ...pad(t.labels, nLabels),
      t.description,
      t.requestTypeId ? (requestTypes.get(t.requestTypeId)?.name ?? '') : '',
      t.category ?? '',
      t.impact ?? '',
      t.teamId ? (teams.get(t.teamId)?.name ?? '') : '',
      t.organization ?? '',
      ...linkTypes.flatMap((type) => [
        ...pad(inward.get(`${t.key}|${type}`) ?? [], linkCounts.get(`in|${type}`) ?? 1),
        ...pad(outward.get(`${t.key}|${type}`) ?? [], linkCounts.get(`out|${type}`) ?? 1),
      ]),
      ...pad(
        t.comments.map((c) => `${jiraCsvDate(c.created)};${c.authorId};${c.body}`),
        nComments,
      ),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function repeat(name: string, n: number): string[] {
  return Array.from({ length: n }, () => name);
}

function pad(values: readonly string[], n: number): string[] {
  return [...values, ...repeat('', n - values.length)].slice(0, n);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}
