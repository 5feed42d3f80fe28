import { z } from 'zod';
import type { JiraIssue } from '../../core/ports/jira';
import { Ticket, type TicketLink } from '../../core/shared/ticket';
import { clipText } from '../../core/shared/clip-text';
import { JiraDateTime } from './schemas';

/** Which of a site's custom fields hold what; ids differ per site (read them from the admin config). */
export interface SiteFieldMap {
  /** JSM "Customer Request Type" (often customfield_10010). */
  requestType: string | null;
  /** Atlassian Team field or an assignment-group select. */
  team: string | null;
  /** JSM Organizations. */
  organization: string | null;
  /** Other category fields the admin maps (select, multi-select, text). */
  categories: readonly string[];
  /** JSM's "Major incident" field on incidents (Premium and Enterprise sites). */
  majorIncident: string | null;
}

export const DEFAULT_SITE_FIELDS: SiteFieldMap = {
  requestType: 'customfield_10010',
  team: 'customfield_10001',
  organization: 'customfield_10002',
  categories: [],
  majorIncident: 'customfield_10070',
};

export interface IssueToTicketOptions {
  fields: SiteFieldMap;
  /** ADF (or a legacy plain string) to plain text: the text pipeline's converter. */
  adfToText(doc: unknown, maxChars?: number): string;
}

/** The standard fields `issueToTicket` reads, plus the site's mapped ones: ask Jira for these. */
export function ticketFieldIds(map: SiteFieldMap): string[] {
  const standard = [
    'project',
    'summary',
    'description',
    'comment',
    'issuetype',
    'priority',
    'components',
    'labels',
    'status',
    'resolution',
    'resolutiondate',
    'assignee',
    'reporter',
    'created',
    'updated',
    'issuelinks',
  ];
  const custom = [map.requestType, map.team, map.organization, map.majorIncident, ...map.categories].filter(
    (f): f is string => f !== null,
  );
  return [...new Set([...standard, ...custom])];
}

const Named = z.object({ name: z.string() });
const Account = z.object({ accountId: z.string().max(128), emailAddress: z.string().optional() });

const StandardFields = z.object({
  project: z.object({ key: z.string() }),
  summary: z.string().default(''),
  description: z.unknown().optional(),
  comment: z
    .object({
      comments: z
        .array(
          z.object({
            author: z
              .object({ accountId: z.string().optional(), displayName: z.string().optional() })
              .nullish(),
            body: z.unknown(),
            created: JiraDateTime,
            jsdPublic: z.boolean().optional(),
          }),
        )
        .default([]),
    })
    .nullish(),
  issuetype: Named,
  priority: Named.nullish(),
  components: z.array(Named).nullish(),
  labels: z.array(z.string()).nullish(),
  status: z.object({
    name: z.string(),
    statusCategory: z.object({ key: z.string() }).optional(),
  }),
  resolution: Named.nullish(),
  resolutiondate: JiraDateTime.nullish(),
  assignee: Account.nullish(),
  reporter: Account.nullish(),
  created: JiraDateTime,
  updated: JiraDateTime,
  issuelinks: z
    .array(
      z.object({
        type: z.object({ name: z.string() }),
        inwardIssue: z.object({ key: z.string() }).optional(),
        outwardIssue: z.object({ key: z.string() }).optional(),
      }),
    )
    .nullish(),
});

const MAX_COMMENTS = 20;
/** Characters of a description kept (the rest is cut, on a character boundary). */
export const MAX_DESCRIPTION = 100_000;
const MAX_COMMENT = 20_000;

/**
 * Jira's issue JSON as the app's Ticket: plain text, option names, times in ms. The reporter's
 * address is reduced to its domain. Throws a zod error naming the field when the issue lacks
 * what every Jira issue has (project, issue type, status, dates).
 */
export function issueToTicket(issue: JiraIssue, options: IssueToTicketOptions): Ticket {
  const f = StandardFields.parse(issue.fields);
  const custom: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const id of options.fields.categories) {
    const value = optionValue(issue.fields[id]);
    if (value !== null) custom[id] = value;
  }
  const comments = (f.comment?.comments ?? []).slice(-MAX_COMMENTS).map((c) => ({
    author: (c.author?.accountId ?? '').slice(0, 200),
    body: clipText(options.adfToText(c.body, MAX_COMMENT), MAX_COMMENT),
    created: c.created,
    internal: c.jsdPublic === false,
  }));
  const links = (f.issuelinks ?? []).flatMap((l): TicketLink[] => {
    if (l.outwardIssue) return [{ key: l.outwardIssue.key, type: l.type.name, direction: 'outward' }];
    if (l.inwardIssue) return [{ key: l.inwardIssue.key, type: l.type.name, direction: 'inward' }];
    return [];
  });
  return Ticket.parse({
    id: issue.id,
    key: issue.key,
    projectKey: f.project.key,
    summary: clipText(f.summary, 1000),
    description:
      f.description == null
        ? ''
        : clipText(options.adfToText(f.description, MAX_DESCRIPTION), MAX_DESCRIPTION),
    comments,
    issueType: f.issuetype.name,
    requestType: requestTypeName(fieldOf(issue, options.fields.requestType)),
    priority: f.priority?.name ?? null,
    components: (f.components ?? []).map((c) => c.name),
    labels: f.labels ?? [],
    custom,
    status: f.status.name,
    statusCategory: statusCategory(f.status.statusCategory?.key),
    resolution: f.resolution?.name ?? null,
    assigneeId: f.assignee?.accountId ?? null,
    team: single(optionValue(fieldOf(issue, options.fields.team))),
    teamId: atlassianTeamId(fieldOf(issue, options.fields.team)),
    reporterId: f.reporter?.accountId ?? null,
    reporterDomain: emailDomain(f.reporter?.emailAddress),
    organization: single(optionValue(fieldOf(issue, options.fields.organization))),
    created: f.created,
    updated: f.updated,
    resolved: f.resolutiondate ?? null,
    links: links.slice(0, 200),
    ...(isMajorIncident(fieldOf(issue, options.fields.majorIncident)) ? { majorIncident: true } : {}),
  });
}

/**
 * Whether JSM's "Major incident" field says so. The sources at hand give the flag as a boolean
 * (the JSM Incident API) and the field's empty value as null, not the set value's JSON shape, so
 * `true` and a text naming it ("MAJOR_INCIDENT", an option "Major incident") count; anything
 * else, such as an unrelated field at a wrongly mapped id, does not.
 */
export function isMajorIncident(value: unknown): boolean {
  if (value === true || value === 'true') return true;
  const text = single(optionValue(value));
  return text !== null && /major/i.test(text);
}

function fieldOf(issue: JiraIssue, id: string | null): unknown {
  return id === null ? undefined : issue.fields[id];
}

function statusCategory(key: string | undefined): 'new' | 'indeterminate' | 'done' {
  return key === 'done' || key === 'indeterminate' ? key : 'new';
}

/** Jira's Team field reads as `{id, name, title, …}`; a select-like team field has no such id. */
function atlassianTeamId(value: unknown): string | null {
  const parsed = z.object({ id: z.string().min(1).max(200), name: z.string() }).safeParse(value);
  return parsed.success ? parsed.data.id : null;
}

/** JSM's request type field value: `{requestType: {name}}`. */
function requestTypeName(value: unknown): string | null {
  const parsed = z.object({ requestType: z.object({ name: z.string().max(200) }) }).safeParse(value);
  return parsed.success ? parsed.data.requestType.name : null;
}

const OptionLike = z.union([
  z.string(),
  z.object({ value: z.string() }),
  z.object({ name: z.string() }),
  z.object({ title: z.string() }),
]);

function optionText(v: z.infer<typeof OptionLike>): string {
  if (typeof v === 'string') return v;
  if ('value' in v) return v.value;
  if ('name' in v) return v.name;
  return v.title;
}

/** A select / multi-select / team / organization value as option name(s); null when empty. */
function optionValue(value: unknown): string | string[] | null {
  if (value == null) return null;
  if (Array.isArray(value)) {
    const names = value.flatMap((v) => {
      const p = OptionLike.safeParse(v);
      return p.success ? [optionText(p.data).slice(0, 255)] : [];
    });
    return names.length > 0 ? names.slice(0, 50) : null;
  }
  const p = OptionLike.safeParse(value);
  return p.success ? optionText(p.data).slice(0, 255) : null;
}

function single(value: string | string[] | null): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** `Jane.Doe@Example.COM` → `example.com`; anything not shaped like an address → null. */
export function emailDomain(address: string | undefined): string | null {
  if (address === undefined) return null;
  const match = /^[^@\s]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$/.exec(address.trim());
  return match?.[1] ? match[1].toLowerCase().slice(0, 255) : null;
}
