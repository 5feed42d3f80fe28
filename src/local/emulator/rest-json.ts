import { canSee, readsInternalComments } from './permissions';
import type { SeedUser } from './seed';
import { SEED_FIELDS } from './seed';
import {
  APP_ACCOUNT_ID,
  statusId,
  type EmuComment,
  type Actor,
  type EmuIssue,
  type EmuLink,
  type EmulatorSite,
} from './site';

/** Jira's JSON shapes for the emulator's data: what the REST API answers, field by field. */

/** `2026-11-22T14:31:00.000+0000`, the way Jira writes date-times. */
export function jiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function userJson(
  base: string,
  user: SeedUser | undefined,
  accountId: string,
  withEmail: boolean,
): Record<string, unknown> {
  if (accountId === APP_ACCOUNT_ID) {
    return {
      self: `${base}/rest/api/3/user?accountId=${accountId}`,
      accountId,
      accountType: 'app',
      active: true,
      displayName: 'Triage Lens',
      timeZone: 'UTC',
    };
  }
  const out: Record<string, unknown> = {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    accountType: user?.kind === 'customer' ? 'customer' : 'atlassian',
    active: user !== undefined,
    displayName: user?.displayName ?? 'Former user',
    timeZone: 'Europe/Berlin',
  };
  if (withEmail && user) out.emailAddress = user.email;
  return out;
}

export function commentJson(
  base: string,
  site: EmulatorSite,
  issue: EmuIssue,
  c: EmuComment,
): Record<string, unknown> {
  const author = userJson(base, site.users.get(c.authorId), c.authorId, false);
  return {
    self: `${base}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author,
    body: c.body,
    updateAuthor: author,
    created: jiraDateTime(c.created),
    updated: jiraDateTime(c.created),
    jsdPublic: !c.internal,
  };
}

const STATUS_CATEGORY_JSON = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

const PRIORITY_IDS: Record<string, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };
const ISSUE_TYPE_IDS: Record<string, string> = {
  'Service Request': '10100',
  Incident: '10101',
  'Service Request with Approvals': '10102',
  Problem: '10103',
  Change: '10104',
  Task: '10105',
};

export function issueTypeId(name: string): string {
  return ISSUE_TYPE_IDS[name] ?? '10199';
}

export function priorityId(name: string): string | undefined {
  return PRIORITY_IDS[name];
}

function linkJson(
  base: string,
  site: EmulatorSite,
  issue: EmuIssue,
  link: EmuLink,
  actor: Actor,
): Record<string, unknown> | null {
  const otherKey = link.fromKey === issue.key ? link.toKey : link.fromKey;
  const other = site.issue(otherKey);
  // Jira leaves out links to issues the caller may not see (their summary would leak).
  if (!other || !canSee(site, actor, other)) return null;
  const ref = {
    id: other.id,
    key: other.key,
    self: `${base}/rest/api/3/issue/${other.id}`,
    fields: { summary: other.summary, status: statusJson(base, other) },
  };
  const type = {
    id: link.type.id,
    name: link.type.name,
    inward: link.type.inward,
    outward: link.type.outward,
    self: `${base}/rest/api/3/issueLinkType/${link.type.id}`,
  };
  // "A duplicates B": A lists B as its outward issue ("duplicates"), B lists A as inward.
  return link.fromKey === issue.key
    ? { id: link.id, self: `${base}/rest/api/3/issueLink/${link.id}`, type, outwardIssue: ref }
    : { id: link.id, self: `${base}/rest/api/3/issueLink/${link.id}`, type, inwardIssue: ref };
}

function statusJson(base: string, issue: EmuIssue): Record<string, unknown> {
  const id = statusId(issue.status);
  return {
    self: `${base}/rest/api/3/status/${id}`,
    id,
    name: issue.status,
    statusCategory: STATUS_CATEGORY_JSON[issue.statusCategory],
  };
}

/** Every field the emulator knows, as Jira renders it for this caller. */
export function allFields(
  base: string,
  site: EmulatorSite,
  issue: EmuIssue,
  actor: Actor,
): Record<string, unknown> {
  const project = site.serviceDesks.find((d) => d.projectKey === issue.projectKey);
  const requestType = site.requestTypes.find((r) => r.id === issue.requestTypeId);
  const team = site.teams.find((t) => t.id === issue.teamId);
  const users = (id: string | null, withEmail: boolean): Record<string, unknown> | null =>
    id === null ? null : userJson(base, site.users.get(id), id, withEmail);
  const internalToo = readsInternalComments(site, actor, issue);
  const visibleComments = issue.comments.filter((c) => internalToo || !c.internal);
  return {
    summary: issue.summary,
    description: issue.description,
    project: {
      self: `${base}/rest/api/3/project/${project?.projectId ?? '0'}`,
      id: project?.projectId ?? '0',
      key: issue.projectKey,
      name: project?.projectName ?? issue.projectKey,
    },
    issuetype: {
      self: `${base}/rest/api/3/issuetype/${issueTypeId(issue.issueType)}`,
      id: issueTypeId(issue.issueType),
      name: issue.issueType,
      subtask: false,
    },
    priority:
      issue.priority === null
        ? null
        : {
            self: `${base}/rest/api/3/priority/${PRIORITY_IDS[issue.priority] ?? '3'}`,
            id: PRIORITY_IDS[issue.priority] ?? '3',
            name: issue.priority,
          },
    components: issue.components.map((name, i) => ({
      self: `${base}/rest/api/3/component/${componentId(issue.projectKey, name, i)}`,
      id: componentId(issue.projectKey, name, i),
      name,
    })),
    labels: issue.labels,
    status: statusJson(base, issue),
    resolution:
      issue.resolution === null
        ? null
        : { self: `${base}/rest/api/3/resolution/1`, id: '1', name: issue.resolution },
    resolutiondate: issue.resolved === null ? null : jiraDateTime(issue.resolved),
    assignee: users(issue.assigneeId, false),
    reporter: users(issue.reporterId, true),
    created: jiraDateTime(issue.created),
    updated: jiraDateTime(issue.updated),
    issuelinks: site.linksOf(issue.key).flatMap((l) => {
      const json = linkJson(base, site, issue, l, actor);
      return json ? [json] : [];
    }),
    comment: {
      comments: visibleComments.map((c) => commentJson(base, site, issue, c)),
      self: `${base}/rest/api/3/issue/${issue.id}/comment`,
      maxResults: visibleComments.length,
      total: visibleComments.length,
      startAt: 0,
    },
    [SEED_FIELDS.requestType]: requestType
      ? {
          _links: {
            self: `${base}/rest/servicedeskapi/servicedesk/${requestType.serviceDeskId}/requesttype/${requestType.id}`,
          },
          requestType: {
            id: requestType.id,
            name: requestType.name,
            description: requestType.description,
            issueTypeId: issueTypeId(requestType.issueType),
            serviceDeskId: requestType.serviceDeskId,
          },
          currentStatus: {
            status: issue.status,
            statusCategory: STATUS_CATEGORY_JSON[issue.statusCategory].key.toUpperCase(),
          },
        }
      : null,
    [SEED_FIELDS.team]: team ? { id: team.id, name: team.name, title: team.name } : null,
    [SEED_FIELDS.organization]:
      issue.organization === null
        ? []
        : [{ id: String(orgId(issue.organization)), name: issue.organization }],
    [SEED_FIELDS.category]: optionJson(base, issue.category),
    [SEED_FIELDS.impact]: optionJson(base, issue.impact),
    // The value JSM's Major incident field is emulated with when set; null when not.
    [SEED_FIELDS.majorIncident]: issue.majorIncident === true ? 'MAJOR_INCIDENT' : null,
    ...Object.fromEntries(site.customFields.map((f) => [f.id, optionJson(base, customOption(issue, f.id))])),
  };
}

/** An issue's value of one of the site's own select fields. */
export function customOption(issue: EmuIssue, fieldId: string): string | null {
  return issue.custom !== undefined && Object.prototype.hasOwnProperty.call(issue.custom, fieldId)
    ? (issue.custom[fieldId] ?? null)
    : null;
}

/** A select field's value: `{self, value, id}`, or null when unset. */
function optionJson(base: string, value: string | null): Record<string, unknown> | null {
  if (value === null) return null;
  const id = String(orgId(value));
  return { self: `${base}/rest/api/3/customFieldOption/${id}`, value, id };
}

/** Only the fields asked for (`*all` / `*navigable` / absent: all), like Jira's `fields` parameter. */
export function issueJson(
  base: string,
  site: EmulatorSite,
  issue: EmuIssue,
  fields: readonly string[] | null,
  actor: Actor,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog',
    id: issue.id,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (fields !== null && fields.length === 0) return out;
  const all = allFields(base, site, issue, actor);
  const wantsAll = fields === null || fields.includes('*all') || fields.includes('*navigable');
  const excluded = new Set((fields ?? []).filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  const picked: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    if ((wantsAll || fields.includes(k)) && !excluded.has(k)) picked[k] = v;
  }
  out.fields = picked;
  return out;
}

function componentId(projectKey: string, name: string, _i: number): string {
  return String(10000 + (hash(`${projectKey}/${name}`) % 90000));
}

function orgId(name: string): number {
  return 1 + (hash(name) % 9999);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
