import type { AdfDocument } from '../../core/ports/jira';
import { textToAdf } from '../../adapters/jira/text-to-adf';
import type { JqlIssue } from './jql';
import { PAUSED_STATUS } from './seed';
import type {
  SeedArticle,
  SeedCustomField,
  SeedLinkType,
  SeedProjectAccess,
  SeedQueue,
  SeedRequestType,
  SeedSecurityLevel,
  SeedServiceDesk,
  SeedSlaGoal,
  SeedTeam,
  SeedUser,
  SiteSeed,
} from './seed';

/** An issue as the emulator keeps it: seed fields plus ADF texts and a change history. */
export interface EmuIssue extends JqlIssue {
  summary: string;
  description: AdfDocument | null;
  issueType: string;
  requestTypeId: string | null;
  components: string[];
  labels: string[];
  category: string | null;
  impact: string | null;
  /** The site's other select fields (`customFields`), by id; absent = none set. */
  custom?: Record<string, string>;
  teamId: string | null;
  organization: string | null;
  resolved: number | null;
  comments: EmuComment[];
  history: EmuHistory[];
  /** Issue security level (`EmulatorSite.securityLevels`); absent or null for none. */
  securityLevelId?: string | null;
  /** JSM's Major incident flag; absent: not flagged. */
  majorIncident?: boolean;
  /** How many times an issue property was set on it (the workbench and tests count app writes). */
  propertyWrites?: number;
}

export interface EmuComment {
  id: string;
  authorId: string;
  body: AdfDocument;
  created: number;
  internal: boolean;
}

export interface EmuChange {
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface EmuHistory {
  id: string;
  authorId: string | null;
  created: number;
  items: EmuChange[];
}

/** "from <outward description> to": `{Duplicate, from: IT-9, to: IT-2}` is "IT-9 duplicates IT-2". */
export interface EmuLink {
  id: string;
  type: SeedLinkType;
  fromKey: string;
  toKey: string;
}

/** Who makes a call: the app itself, or a user of the site. */
export type Actor = { kind: 'app' } | { kind: 'user'; user: SeedUser };

/** What Forge would deliver to the app's trigger. */
export interface IssueEvent {
  eventType:
    | 'avi:jira:created:issue'
    | 'avi:jira:updated:issue'
    | 'avi:jira:commented:issue'
    | 'avi:jira:deleted:issue';
  issue: { id: string; key: string };
  /** The acting user's account id; null when the app itself acted. */
  atlassianId: string | null;
  /** True when the app made the change (a trigger with `ignoreSelf` would not see it). */
  actorIsApp: boolean;
  changelog?: { items: EmuChange[] };
  comment?: { id: string };
}

export type IssueEventListener = (event: IssueEvent) => void;

const STATUS_CATEGORY_OF: Record<string, EmuIssue['statusCategory']> = {
  'Waiting for support': 'new',
  Open: 'new',
  'In Progress': 'indeterminate',
  'Waiting for customer': 'indeterminate',
  Pending: 'indeterminate',
  Resolved: 'done',
  Closed: 'done',
  Canceled: 'done',
};

export const PRIORITY_NAMES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

/**
 * The in-memory Jira site behind the emulator. Everything that changes an issue goes through
 * here, records a history entry and tells the listeners, the way Jira fires its events.
 */
export class EmulatorSite {
  readonly serviceDesks: SeedServiceDesk[];
  readonly requestTypes: SeedRequestType[];
  readonly teams: SeedTeam[];
  readonly users = new Map<string, SeedUser>();
  readonly slaGoals: SeedSlaGoal[];
  readonly queues: SeedQueue[];
  readonly articles: SeedArticle[];
  readonly linkTypes: SeedLinkType[];
  readonly customFields: readonly SeedCustomField[];
  readonly links: EmuLink[] = [];
  /** Browse permission per desk (project key → account ids); a desk not listed is open to all staff. */
  readonly projectAccess = new Map<string, Set<string>>();
  readonly securityLevels = new Map<string, SeedSecurityLevel>();
  private readonly byKey = new Map<string, EmuIssue>();
  private readonly byId = new Map<string, EmuIssue>();
  private readonly listeners = new Set<IssueEventListener>();
  private nextIssueId: number;
  private nextCommentId = 100_000;
  private nextHistoryId = 500_000;
  private nextLinkId = 20_000;

  constructor(
    seed: SiteSeed,
    /** The site's clock: fixed in tests, running in the workbench. */
    readonly now: () => number = startingClock(seed.now),
  ) {
    this.serviceDesks = seed.serviceDesks;
    this.requestTypes = seed.requestTypes;
    this.teams = seed.teams;
    for (const u of seed.users) this.users.set(u.accountId, u);
    this.slaGoals = seed.slaGoals;
    this.queues = seed.queues;
    this.articles = seed.articles;
    this.linkTypes = seed.linkTypes;
    this.customFields = seed.customFields ?? [];
    for (const a of seed.projectAccess ?? []) this.setProjectAccess(a);
    for (const l of seed.securityLevels ?? []) this.securityLevels.set(l.id, l);
    let maxId = 10_000;
    for (const t of seed.tickets) {
      const issue: EmuIssue = {
        id: t.id,
        key: t.key,
        projectKey: t.projectKey,
        summary: t.summary,
        description: t.description === '' ? null : textToAdf(t.description),
        issueType: t.issueType,
        requestTypeId: t.requestTypeId,
        priority: t.priority,
        components: [...t.components],
        labels: [...t.labels],
        category: t.category,
        impact: t.impact ?? null,
        ...(t.majorIncident === true ? { majorIncident: true } : {}),
        custom: Object.assign(Object.create(null) as Record<string, string>, t.custom ?? {}),
        teamId: t.teamId,
        assigneeId: t.assigneeId,
        reporterId: t.reporterId,
        organization: t.organization,
        status: t.status,
        statusCategory: t.statusCategory,
        resolution: t.resolution,
        created: t.created,
        updated: t.updated,
        resolved: t.resolved,
        comments: t.comments.map((c) => ({
          id: String(this.nextCommentId++),
          authorId: c.authorId,
          body: textToAdf(c.body),
          created: c.created,
          internal: c.internal,
        })),
        history: [],
        securityLevelId: t.securityLevelId ?? null,
      };
      issue.history = this.seedHistory(issue);
      this.add(issue);
      maxId = Math.max(maxId, Number(t.id));
    }
    this.nextIssueId = maxId + 1;
    for (const l of seed.links) {
      const type = this.linkTypes.find((lt) => lt.name === l.type);
      if (type && this.byKey.has(l.inwardKey) && this.byKey.has(l.outwardKey)) {
        this.links.push({
          id: String(this.nextLinkId++),
          type,
          fromKey: l.inwardKey,
          toKey: l.outwardKey,
        });
      }
    }
  }

  /** Replaces who may browse a desk, as an admin editing the project's roles would. */
  setProjectAccess(access: SeedProjectAccess): void {
    this.projectAccess.set(access.projectKey, new Set(access.accountIds));
  }

  onIssueEvent(listener: IssueEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  issue(idOrKey: string): EmuIssue | undefined {
    return this.byKey.get(idOrKey.toUpperCase()) ?? this.byId.get(idOrKey);
  }

  /** All issues, in creation order. */
  allIssues(): EmuIssue[] {
    return [...this.byId.values()];
  }

  linksOf(key: string): EmuLink[] {
    return this.links.filter((l) => l.fromKey === key || l.toKey === key);
  }

  /** Removes an issue (and its links), as a deletion or a move to another site would. */
  deleteIssue(key: string): boolean {
    const issue = this.issue(key);
    if (!issue) return false;
    this.byKey.delete(issue.key);
    this.byId.delete(issue.id);
    for (let i = this.links.length - 1; i >= 0; i--) {
      const l = this.links[i];
      if (l && (l.fromKey === issue.key || l.toKey === issue.key)) this.links.splice(i, 1);
    }
    return true;
  }

  /** Deletes an issue as Jira's delete route does, telling listeners (`avi:jira:deleted:issue`). */
  deleteIssueAs(key: string, actor: Actor): boolean {
    const issue = this.issue(key);
    if (!issue || !this.deleteIssue(key)) return false;
    this.emit({
      eventType: 'avi:jira:deleted:issue',
      issue: { id: issue.id, key: issue.key },
      ...actorFields(actor),
    });
    return true;
  }

  createIssue(
    input: Omit<
      EmuIssue,
      'id' | 'key' | 'created' | 'updated' | 'comments' | 'history' | 'statusCategory' | 'resolved'
    >,
    actor: Actor,
  ): EmuIssue {
    const now = this.now();
    const number =
      1 +
      Math.max(
        0,
        ...this.allIssues()
          .filter((i) => i.projectKey === input.projectKey)
          .map((i) => keyNumber(i.key)),
      );
    const issue: EmuIssue = {
      ...input,
      id: String(this.nextIssueId++),
      key: `${input.projectKey}-${number}`,
      statusCategory: statusCategoryOf(input.status),
      created: now,
      updated: now,
      resolved: null,
      comments: [],
      history: [],
    };
    this.add(issue);
    this.emit({
      eventType: 'avi:jira:created:issue',
      issue: { id: issue.id, key: issue.key },
      ...actorFields(actor),
    });
    return issue;
  }

  /** Applies changes (already validated) and records them; no event when nothing changed. */
  updateIssue(issue: EmuIssue, changes: EmuChange[], apply: (issue: EmuIssue) => void, actor: Actor): void {
    apply(issue);
    if (changes.length === 0) return;
    issue.statusCategory = statusCategoryOf(issue.status);
    issue.updated = Math.max(issue.updated, this.now());
    issue.history.push({
      id: String(this.nextHistoryId++),
      authorId: actor.kind === 'user' ? actor.user.accountId : null,
      created: issue.updated,
      items: changes,
    });
    this.emit({
      eventType: 'avi:jira:updated:issue',
      issue: { id: issue.id, key: issue.key },
      ...actorFields(actor),
      changelog: { items: changes },
    });
  }

  addComment(issue: EmuIssue, body: AdfDocument, internal: boolean, actor: Actor): EmuComment {
    const comment: EmuComment = {
      id: String(this.nextCommentId++),
      authorId: actor.kind === 'user' ? actor.user.accountId : APP_ACCOUNT_ID,
      body,
      created: this.now(),
      internal,
    };
    issue.comments.push(comment);
    issue.updated = Math.max(issue.updated, comment.created);
    this.emit({
      eventType: 'avi:jira:commented:issue',
      issue: { id: issue.id, key: issue.key },
      ...actorFields(actor),
      comment: { id: comment.id },
    });
    return comment;
  }

  /** Adds a link unless the same one exists; tells listeners both issues changed. */
  /** "from <outward description> to", e.g. from duplicates to. */
  addLink(type: SeedLinkType, from: EmuIssue, to: EmuIssue, actor: Actor): void {
    const exists = this.links.some(
      (l) => l.type.id === type.id && l.fromKey === from.key && l.toKey === to.key,
    );
    if (exists) return;
    this.links.push({ id: String(this.nextLinkId++), type, fromKey: from.key, toKey: to.key });
    for (const [issue, other] of [
      [from, to],
      [to, from],
    ] as const) {
      this.updateIssue(
        issue,
        [
          {
            fieldId: 'issuelinks',
            from: null,
            fromString: null,
            to: other.key,
            toString: `${type.name} ${other.key}`,
          },
        ],
        () => undefined,
        actor,
      );
    }
  }

  private add(issue: EmuIssue): void {
    this.byKey.set(issue.key, issue);
    this.byId.set(issue.id, issue);
  }

  private emit(event: IssueEvent): void {
    for (const listener of this.listeners) {
      // A listener's failure must not break the REST call that caused the event.
      try {
        listener(event);
      } catch {
        /* ignored on purpose */
      }
    }
  }

  /** The status and assignee changes a seeded ticket went through, for the changelog API. */
  private seedHistory(issue: EmuIssue): EmuHistory[] {
    const history: EmuHistory[] = [];
    const firstAgentComment = issue.comments.find((c) => c.authorId === issue.assigneeId);
    const repliedStatus = issue.status === PAUSED_STATUS ? PAUSED_STATUS : 'In Progress';
    if (issue.assigneeId !== null && firstAgentComment) {
      history.push({
        id: String(this.nextHistoryId++),
        authorId: issue.assigneeId,
        created: firstAgentComment.created,
        items: [
          {
            fieldId: 'assignee',
            from: null,
            fromString: null,
            to: issue.assigneeId,
            toString: this.users.get(issue.assigneeId)?.displayName ?? null,
          },
          // The agent's first reply either asked the customer something or took the work on.
          {
            fieldId: 'status',
            from: '10001',
            fromString: 'Waiting for support',
            to: statusId(repliedStatus),
            toString: repliedStatus,
          },
        ],
      });
    }
    if (issue.resolved !== null) {
      history.push({
        id: String(this.nextHistoryId++),
        authorId: issue.assigneeId,
        created: issue.resolved,
        items: [
          {
            fieldId: 'status',
            from: '10002',
            fromString: 'In Progress',
            to: statusId(issue.status),
            toString: issue.status,
          },
          { fieldId: 'resolution', from: null, fromString: null, to: '1', toString: issue.resolution },
        ],
      });
    }
    return history;
  }
}

/** The account id the app comments and edits under (Forge apps have one too). */
export const APP_ACCOUNT_ID = '557058:triage-lens-app';

export function statusCategoryOf(status: string): EmuIssue['statusCategory'] {
  return STATUS_CATEGORY_OF[status] ?? 'new';
}

export function statusId(status: string): string {
  const known = Object.keys(STATUS_CATEGORY_OF).indexOf(status);
  return String(10001 + (known === -1 ? 99 : known));
}

export function knownStatuses(): string[] {
  return Object.keys(STATUS_CATEGORY_OF);
}

function keyNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

function actorFields(actor: Actor): { atlassianId: string | null; actorIsApp: boolean } {
  return actor.kind === 'app'
    ? { atlassianId: null, actorIsApp: true }
    : { atlassianId: actor.user.accountId, actorIsApp: false };
}

/** A clock that starts at the seed's "now" and runs in real time from there. */
export function startingClock(start: number): () => number {
  const realStart = Date.now();
  return () => start + (Date.now() - realStart);
}
