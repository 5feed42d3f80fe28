import { columnIndexes, cell, cells, requireColumn, type Table, parseDate } from '../../engine/data';
import { InputError } from '../../engine/errors';
import type { StatusCategory, Ticket, TicketLink } from '../../core/shared/ticket';

/**
 * A Jira "Export CSV (all fields)" file read as the app's tickets. Jira repeats a column once per
 * value (Component/s, Labels, Comment, links) and names custom fields `Custom field (Name)`.
 * Pure: the caller reads the file (readTable) and passes the Table.
 */
export interface JiraExport {
  tickets: Ticket[];
  /** Custom fields found, by their display name (the key used in `ticket.custom`). */
  customFields: string[];
  /** Which optional columns the export had, for the report's "what we could measure" notes. */
  has: { requestType: boolean; team: boolean; resolved: boolean; comments: boolean; links: boolean };
}

const REQUEST_TYPE_COLUMNS = [
  'Custom field (Request Type)',
  'Request Type',
  'Customer Request Type',
  'Request type',
];
const TEAM_COLUMNS = ['Custom field (Team)', 'Team', 'Assignment group', 'Custom field (Assignment group)'];
const LINK_COLUMN = /^(Inward|Outward) issue link \((.{1,100})\)$/;
const CUSTOM_COLUMN = /^Custom field \((.{1,64})\)$/;
const KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/;

const firstColumn = (table: Table, names: readonly string[]): number[] => {
  for (const name of names) {
    const found = columnIndexes(table, name);
    if (found.length > 0) return found;
  }
  return [];
};

const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

/** `30/Sep/21 17:20;557058:abc;Restarted the VPN gateway` → its parts (Jira's comment cell). */
export function parseCommentCell(value: string): { created: number; author: string; body: string } {
  const first = value.indexOf(';');
  const second = first === -1 ? -1 : value.indexOf(';', first + 1);
  if (second !== -1) {
    const created = parseDate(value.slice(0, first).trim());
    if (!Number.isNaN(created)) {
      return { created, author: value.slice(first + 1, second).trim(), body: value.slice(second + 1).trim() };
    }
  }
  return { created: Number.NaN, author: '', body: value.trim() };
}

function statusCategoryOf(raw: string, resolved: boolean): StatusCategory {
  const s = raw.trim().toLowerCase();
  if (s === 'done' || s === 'complete' || s === 'erledigt' || s === 'fertig') return 'done';
  if (s === 'in progress' || s === 'in arbeit') return 'indeterminate';
  if (s === 'to do' || s === 'new' || s === 'zu erledigen') return 'new';
  return resolved ? 'done' : 'new';
}

/** Reads tickets from a Jira CSV export; InputError (naming the column) when it is not one. */
export function readJiraExport(table: Table): JiraExport {
  if (table.rows.length === 0) throw new InputError('empty_input', 'the export has a header but no tickets');
  const summary = requireColumn(table, 'Summary');
  const key = requireColumn(table, 'Issue key');
  // A missing column reads as -1, and cell(row, -1) as '': optional columns need no special case.
  const col = (name: string) => columnIndexes(table, name)[0] ?? -1;
  const c = {
    id: col('Issue id'),
    issueType: col('Issue Type'),
    status: col('Status'),
    priority: col('Priority'),
    resolution: col('Resolution'),
    assignee: col('Assignee'),
    reporter: col('Reporter'),
    created: col('Created'),
    updated: col('Updated'),
    resolved: col('Resolved'),
    description: col('Description'),
    project: col('Project key'),
    statusCategory: col('Status Category'),
  };
  const text = (row: readonly string[], index: number, max: number) => clip(cell(row, index).trim(), max);
  const components = columnIndexes(table, 'Component/s');
  const labels = columnIndexes(table, 'Labels');
  const comments = columnIndexes(table, 'Comment');
  const requestType = firstColumn(table, REQUEST_TYPE_COLUMNS);
  const team = firstColumn(table, TEAM_COLUMNS);
  const mapped = new Set([...REQUEST_TYPE_COLUMNS, ...TEAM_COLUMNS]);
  const custom = new Map<string, number[]>();
  const links: { index: number; direction: 'inward' | 'outward'; type: string }[] = [];
  table.header.forEach((h, i) => {
    const name = h.trim();
    const link = LINK_COLUMN.exec(name);
    if (link !== null)
      links.push({
        index: i,
        direction: link[1] === 'Inward' ? 'inward' : 'outward',
        type: link[2] as string,
      });
    const cf = CUSTOM_COLUMN.exec(name);
    if (cf !== null && !mapped.has(name))
      custom.set(cf[1] as string, [...(custom.get(cf[1] as string) ?? []), i]);
  });

  const seen = new Set<string>();
  const tickets: Ticket[] = [];
  table.rows.forEach((row, r) => {
    const k = cell(row, key).trim();
    if (!KEY.test(k))
      throw new InputError('bad_value', `row ${r + 2}: "Issue key" is not a Jira issue key: ${clip(k, 40)}`);
    if (seen.has(k)) throw new InputError('bad_value', `row ${r + 2}: issue ${k} appears twice`);
    seen.add(k);
    const rawId = cell(row, c.id).trim();
    const createdAt = parseDate(cell(row, c.created));
    const resolvedAt = parseDate(cell(row, c.resolved));
    const res = cell(row, c.resolution).trim();
    const isResolved = !Number.isNaN(resolvedAt) || (res !== '' && res !== 'Unresolved');
    const customValues: Record<string, string | string[]> = Object.create(null) as Record<
      string,
      string | string[]
    >;
    for (const [name, indexes] of custom) {
      const values = cells(row, indexes).map((v) => clip(v, 255));
      if (values.length === 1) customValues[name] = values[0] as string;
      else if (values.length > 1) customValues[name] = values.slice(0, 50);
    }
    const ticketLinks: TicketLink[] = links.flatMap((l) => {
      const other = cell(row, l.index).trim();
      return KEY.test(other) ? [{ key: other, type: l.type, direction: l.direction }] : [];
    });
    tickets.push({
      id: /^\d{1,18}$/.test(rawId) ? rawId : String(100_000 + r),
      key: k,
      projectKey: text(row, c.project, 20) || k.replace(/-\d+$/, ''),
      summary: clip(cell(row, summary), 1000),
      description: clip(cell(row, c.description), 100_000),
      comments: cells(row, comments)
        .slice(-50)
        .map((c) => {
          const parsed = parseCommentCell(c);
          return {
            author: clip(parsed.author, 200),
            body: clip(parsed.body, 20_000),
            created: parsed.created,
            internal: false,
          };
        }),
      issueType: text(row, c.issueType, 100),
      requestType: clip(cells(row, requestType)[0] ?? '', 200) || null,
      priority: text(row, c.priority, 100) || null,
      components: cells(row, components)
        .slice(0, 50)
        .map((v) => clip(v, 255)),
      labels: cells(row, labels)
        .slice(0, 100)
        .map((v) => clip(v, 255)),
      custom: customValues,
      status: text(row, c.status, 100),
      statusCategory: statusCategoryOf(cell(row, c.statusCategory), isResolved),
      resolution: res === '' || res === 'Unresolved' ? null : clip(res, 200),
      assigneeId: text(row, c.assignee, 128) || null,
      team: clip(cells(row, team)[0] ?? '', 200) || null,
      reporterId: text(row, c.reporter, 128) || null,
      reporterDomain: null,
      organization: null,
      created: createdAt,
      updated: c.updated === -1 ? createdAt : parseDate(cell(row, c.updated)),
      resolved: Number.isNaN(resolvedAt) ? null : resolvedAt,
      links: ticketLinks.slice(0, 200),
    });
  });
  return {
    tickets,
    customFields: [...custom.keys()],
    has: {
      requestType: requestType.length > 0,
      team: team.length > 0,
      resolved: c.resolved !== -1,
      comments: comments.length > 0,
      links: links.length > 0,
    },
  };
}
