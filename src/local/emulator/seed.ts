/**
 * What a Jira Service Management site holds, as plain data: the demo generator produces it, the
 * emulator serves it over Jira's REST API, and the CSV writer exports it like Jira would.
 * Texts are plain; the emulator turns them into ADF. Times are epoch ms.
 */
import type { SiteFieldMap } from '../../adapters/jira/issue-to-ticket';

export type SeedLanguage = 'de' | 'en';

export interface SeedUser {
  accountId: string;
  displayName: string;
  email: string;
  kind: 'agent' | 'admin' | 'customer';
  /** Agents only. */
  teamId: string | null;
  /** Agents only: how many open tickets the agent can carry. */
  capacity: number | null;
  locale: 'de_DE' | 'en_US';
}

export interface SeedServiceDesk {
  id: string;
  projectId: string;
  projectKey: string;
  projectName: string;
}

export interface SeedRequestType {
  id: string;
  serviceDeskId: string;
  name: string;
  description: string;
  issueType: string;
}

export interface SeedTeam {
  id: string;
  name: string;
  projectKey: string;
}

export const SLA_TIME_TO_FIRST_RESPONSE = 'Time to first response';
/** The status in which JSM's default time-to-resolution SLA pauses (its "Pause on" condition). */
export const PAUSED_STATUS = 'Waiting for customer';
export const SLA_TIME_TO_RESOLUTION = 'Time to resolution';

export interface SeedSlaGoal {
  id: string;
  name: typeof SLA_TIME_TO_FIRST_RESPONSE | typeof SLA_TIME_TO_RESOLUTION;
  projectKey: string;
  /** Goal per priority name (`*`: all remaining issues); the clock runs 24/7 in this model. */
  goalMsByPriority: Readonly<Record<string, number>>;
}

export interface SeedQueue {
  id: string;
  serviceDeskId: string;
  name: string;
  jql: string;
}

/** A knowledge-base article: a Confluence page in the space linked to a desk (its project key). */
export interface SeedArticle {
  /** The Confluence page id (digits). */
  id: string;
  projectKey: string;
  language: SeedLanguage;
  title: string;
  /** Plain text; blank lines separate paragraphs, "- " lines make a list. */
  body: string;
  /** Page restriction: only these account ids may read it (absent: everyone with desk access). */
  restrictedTo?: string[];
}

/**
 * Who may browse a desk: the agents and admins in its project roles. A desk without an entry is
 * open to every agent and admin of the site (the demo's default); customers see only their own
 * requests either way.
 */
export interface SeedProjectAccess {
  projectKey: string;
  accountIds: string[];
}

/**
 * An issue security level: an issue that carries it is visible only to the level's members and
 * the issue's reporter, on top of the project's browse permission (as Jira's default scheme).
 */
export interface SeedSecurityLevel {
  id: string;
  name: string;
  projectKey: string;
  memberIds: string[];
}

export interface SeedComment {
  authorId: string;
  body: string;
  created: number;
  /** JSM internal note, not visible to the customer. */
  internal: boolean;
}

export interface SeedLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/**
 * A link as the site holds it: `{type: Duplicate, inwardKey: A, outwardKey: B}` reads
 * "A duplicates B" (A lists B as its outward issue, B lists A as its inward issue). Careful:
 * Jira's create-link body names the sides the other way round (its `outwardIssue` is the
 * "from" issue); the emulator's POST handler translates.
 */
export interface SeedLink {
  type: string;
  inwardKey: string;
  outwardKey: string;
}

export interface SeedTicket {
  id: string;
  key: string;
  projectKey: string;
  language: SeedLanguage;
  summary: string;
  description: string;
  issueType: string;
  requestTypeId: string | null;
  priority: string | null;
  components: string[];
  labels: string[];
  category: string | null;
  /** JSM's Impact (incidents); absent or null when the ticket has none. */
  impact?: string | null;
  /** Values of the site's other select fields (`SiteSeed.customFields`), by field id. */
  custom?: Readonly<Record<string, string>>;
  teamId: string | null;
  assigneeId: string | null;
  reporterId: string;
  organization: string | null;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  resolution: string | null;
  created: number;
  updated: number;
  resolved: number | null;
  comments: SeedComment[];
  /** An issue security level's id (`SiteSeed.securityLevels`); absent or null for none. */
  securityLevelId?: string | null;
  /** Flagged as a major incident (JSM's "Major incident" field); absent: not flagged. */
  majorIncident?: boolean;
}

/** Where the site keeps the values the app maps (a real site has its own ids). */
export const SEED_FIELDS = {
  requestType: 'customfield_10010',
  team: 'customfield_10001',
  organization: 'customfield_10002',
  category: 'customfield_10060',
  impact: 'customfield_10004',
  majorIncident: 'customfield_10070',
} as const;

/** The emulated site's field map for `issueToTicket`, with its Category select mapped. */
export const DEMO_SITE_FIELDS: SiteFieldMap = {
  requestType: SEED_FIELDS.requestType,
  team: SEED_FIELDS.team,
  organization: SEED_FIELDS.organization,
  categories: [SEED_FIELDS.category, SEED_FIELDS.impact],
  majorIncident: SEED_FIELDS.majorIncident,
};

export interface SiteSeed {
  /** The site's "now" when generated; the emulator's clock starts here by default. */
  now: number;
  serviceDesks: SeedServiceDesk[];
  requestTypes: SeedRequestType[];
  teams: SeedTeam[];
  users: SeedUser[];
  slaGoals: SeedSlaGoal[];
  queues: SeedQueue[];
  articles: SeedArticle[];
  linkTypes: SeedLinkType[];
  tickets: SeedTicket[];
  links: SeedLink[];
  /** Single-select custom fields beyond the fixed ones (an export's own categories). */
  customFields?: SeedCustomField[];
  /** Per-desk browse permission; desks not listed are open to all agents and admins. */
  projectAccess?: SeedProjectAccess[];
  securityLevels?: SeedSecurityLevel[];
}

/** A site's own single-select field, e.g. an export's `Custom field (Business Service)`. */
export interface SeedCustomField {
  id: string;
  name: string;
}
