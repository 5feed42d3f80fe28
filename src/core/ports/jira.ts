/**
 * The port through which use-cases talk to Jira and Jira Service Management. Two adapters
 * implement it: Forge (`requestJira` as user or app) and local (HTTP to the JSM emulator).
 * Both parse every response with zod and retry 429/5xx; what reaches the core is either a
 * validated value below or a `JiraError`.
 *
 * Turning a `JiraIssue` into the app's `Ticket` is `issueToTicket` in src/adapters/jira.
 */

/** An issue as Jira returns it: the requested fields, unvalidated until mapped to a Ticket. */
export interface JiraIssue {
  id: string;
  key: string;
  fields: Readonly<Record<string, unknown>>;
}

/** An Atlassian Document Format document (the shape Jira stores descriptions and comments in). */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: readonly AdfNode[];
}

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Readonly<Record<string, unknown>>;
  marks?: readonly { type: string; attrs?: Readonly<Record<string, unknown>> }[];
  content?: readonly AdfNode[];
}

export interface SearchIssuesRequest {
  /** Must be bounded (Jira answers 400 to JQL without a restriction, e.g. a bare ORDER BY). */
  jql: string;
  fields: readonly string[];
  /** The opaque token from the previous page; absent for the first page. */
  nextPageToken?: string;
  /** Jira's default is 50; up to 5,000 when only ids/keys are asked for. */
  maxResults?: number;
}

export interface SearchIssuesPage {
  issues: JiraIssue[];
  /** Present while more pages follow. */
  nextPageToken?: string;
}

export interface IssueLinkType {
  id: string;
  /** The name to send when creating a link ("Duplicate", "Relates", or a site's own). */
  name: string;
  /** "is duplicated by" */
  inward: string;
  /** "duplicates" */
  outward: string;
}

/**
 * As Jira's create-link body, where the outward issue is the "from" side:
 * `{type: 'Duplicate', inwardKey: 'IT-2', outwardKey: 'IT-9'}` reads "IT-9 duplicates IT-2"
 * (IT-9 then lists IT-2 as its outward issue, IT-2 lists IT-9 as its inward one).
 */
export interface CreateIssueLinkRequest {
  /** Link type name as read from `getIssueLinkTypes()`. */
  type: string;
  inwardKey: string;
  outwardKey: string;
}

export interface CommentOptions {
  /** JSM internal note (the `sd.public.comment` property set to `{internal: true}`). */
  internal: boolean;
}

export interface ChangelogItem {
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeHistory {
  id: string;
  authorId: string | null;
  /** Epoch milliseconds. */
  created: number;
  items: ChangelogItem[];
}

export interface BulkChangelogRequest {
  /** Issue ids or keys, at most 1,000 per call. */
  issueIds: readonly string[];
  /** At most 10 field ids per call. */
  fieldIds: readonly string[];
  nextPageToken?: string;
  maxResults?: number;
}

export interface BulkChangelogPage {
  issueChangeLogs: { issueId: string; changeHistories: ChangeHistory[] }[];
  nextPageToken?: string;
}

/** One SLA cycle as JSM reports it, times in epoch ms and durations in ms (the engine reads it as its SlaCycle). */
export interface JsmSlaCycle {
  startTime: number;
  /** Completed cycles only. */
  stopTime: number | null;
  breachTime: number | null;
  breached: boolean;
  paused: boolean;
  withinCalendarHours: boolean;
  goalDuration: number | null;
  elapsedTime: number;
  remainingTime: number | null;
}

export interface SlaMetric {
  id: string;
  /** "Time to first response", "Time to resolution", or a site's own. */
  name: string;
  completedCycles: JsmSlaCycle[];
  ongoingCycle: JsmSlaCycle | null;
}

export interface ServiceDesk {
  id: string;
  projectId: string;
  projectKey: string;
  projectName: string;
}

export interface RequestType {
  id: string;
  name: string;
  description: string;
  issueTypeId: string | null;
  serviceDeskId: string;
}

export interface Queue {
  id: string;
  name: string;
  jql: string;
  issueCount: number | null;
}

export interface KnowledgeBaseArticle {
  title: string;
  /** Plain-text excerpt (highlight markup removed). */
  excerpt: string;
  /** Where the rendered body is (`.../knowledgebase/article/view/{pageId}`). */
  url: string | null;
  pageId: string | null;
  /** The Confluence space the article lives in, when JSM says. */
  spaceKey: string | null;
}

/** Characters of an article's body read at most: enough to rank and quote, bounded for a huge page. */
export const ARTICLE_TEXT_LIMIT = 20_000;

export interface Myself {
  accountId: string;
  displayName: string;
  /** `atlassian` (a licensed user), `customer` (JSM portal-only), `app`; null when Jira sent none. */
  accountType: string | null;
  locale: string | null;
  timeZone: string | null;
}

/** A Jira user as the app shows one: the name people know them by. */
export interface UserSummary {
  accountId: string;
  /** As the user's privacy settings allow (Jira may send an alternative name). */
  displayName: string;
  active: boolean;
}

/** Permission keys as Jira names them (`BROWSE_PROJECTS`, `ADMINISTER`, `EDIT_ISSUES`, ...). */
export interface PermissionQuery {
  permissions: readonly string[];
  projectKey?: string;
  issueKey?: string;
}

export interface JiraPort {
  searchIssues(request: SearchIssuesRequest): Promise<SearchIssuesPage>;
  /** Jira's estimate of how many issues a bounded JQL matches (recent changes may be missing). */
  countIssues(jql: string): Promise<number>;
  getIssue(key: string, fields: readonly string[]): Promise<JiraIssue>;
  /** `fields` in Jira's edit shape, e.g. `{priority: {name: 'High'}, labels: ['vpn']}`. */
  editIssue(key: string, fields: Readonly<Record<string, unknown>>): Promise<void>;
  /** Sets one issue property (JSON, at most 32,768 bytes), creating it when absent. */
  setIssueProperty(key: string, propertyKey: string, value: unknown): Promise<void>;
  getIssueLinkTypes(): Promise<IssueLinkType[]>;
  createIssueLink(request: CreateIssueLinkRequest): Promise<void>;
  /** A plain string is sent as one ADF paragraph per line. Returns the new comment's id. */
  addComment(key: string, body: string | AdfDocument, options: CommentOptions): Promise<{ id: string }>;
  bulkChangelog(request: BulkChangelogRequest): Promise<BulkChangelogPage>;
  /** All SLA metrics of a request (all pages). */
  getSla(key: string): Promise<SlaMetric[]>;
  getServiceDesks(): Promise<ServiceDesk[]>;
  getRequestTypes(serviceDeskId: string): Promise<RequestType[]>;
  getQueues(serviceDeskId: string): Promise<Queue[]>;
  /** At most `limit` articles (default 10). */
  searchKnowledgeBase(query: string, limit?: number): Promise<KnowledgeBaseArticle[]>;
  /** Articles of the knowledge base linked to one service desk, JSM's own ranking, at most `limit`. */
  searchDeskKnowledgeBase(
    serviceDeskId: string,
    query: string,
    limit?: number,
  ): Promise<KnowledgeBaseArticle[]>;
  /** An article's body as plain text (HTML dropped), at most ARTICLE_TEXT_LIMIT characters. */
  viewArticle(pageId: string): Promise<string>;
  /** Which of the asked permissions the caller holds. Unknown keys come back false. */
  getMyPermissions(query: PermissionQuery): Promise<Map<string, boolean>>;
  getMyself(): Promise<Myself>;
  /** The users behind these account ids (any number, asked in pages); unknown ids are left out. */
  bulkGetUsers(accountIds: readonly string[]): Promise<UserSummary[]>;
}

/**
 * Who a call acts as. Resolvers that change an issue on an agent's behalf act as that user, so
 * Jira's permissions and history stay right; triggers, consumers and auto-apply act as the app.
 */
export interface JiraClientFactory {
  /** In Forge the user is the invocation's; locally `accountId` picks the emulator's user. */
  asUser(accountId?: string): JiraPort;
  asApp(): JiraPort;
}

export type JiraErrorKind =
  /** 401: the user or app is not authenticated (or the user has not granted consent). */
  | 'unauthenticated'
  /** 403: authenticated but not allowed (missing permission or scope). */
  | 'forbidden'
  /** 404: the issue (or other resource) does not exist or is not visible to the caller. */
  | 'not_found'
  /** 400: Jira rejected the request (e.g. unbounded JQL, invalid field value). */
  | 'bad_request'
  /** 429 still answered after the bounded retries. */
  | 'rate_limited'
  /** 5xx, network failure or timeout still failing after the bounded retries. */
  | 'upstream'
  /** A 2xx answer whose body did not match the expected schema (or was not JSON). */
  | 'bad_response';

/**
 * Forge's `NeedsAuthenticationError` (`asUser()` before the agent granted the app access), known
 * by the name @forge/api gives it. It must leave the resolver unchanged: Forge shows its "Allow
 * access" prompt only for that error, so it is never wrapped, retried or answered as `{ok:false}`.
 */
export function isConsentError(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}

/** A failed Jira call, with a message meant for an agent or admin to read. */
export class JiraError extends Error {
  override readonly name = 'JiraError';
  /** The wait Jira asked for (a 429's `Retry-After`; up to an hour under the points quota). */
  retryAfterMs: number | null = null;
  constructor(
    readonly kind: JiraErrorKind,
    /** HTTP status, or 0 when no response arrived (network error, timeout). */
    readonly status: number,
    message: string,
    /** The route template called, e.g. `GET /rest/api/3/issue/{issueIdOrKey}`. */
    readonly route: string,
    /** Jira's own error sentences, each bounded (which issues a JQL named that Jira does not know). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export function isJiraError(error: unknown): error is JiraError {
  return error instanceof JiraError;
}
