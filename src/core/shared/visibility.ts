import { AppError } from './errors';
import type { JiraClientFactory, JiraPort } from '../ports/jira';
import { isJiraError } from '../ports/jira';

/**
 * "What may this viewer see": every ticket the app shows a person is first checked with Jira,
 * as that person. The app's own store holds every desk's tickets (it reads them as the app), so
 * a similar ticket, a problem candidate's member or a drill-down row is shown only when Jira
 * returns it to the viewer in a `key in (...)` search. Browse permission, issue security levels
 * and deletions are Jira's to decide; nothing here re-implements them.
 */

/** How long one viewer's answers are reused: a permission change shows within this time. */
export const VISIBILITY_TTL_MS = 30_000;
/** Keys per search: short JQL, and one page of ids (Jira returns up to 5,000 ids per page). */
const KEYS_PER_SEARCH = 100;
/** Searches per call at most; keys still unsettled after them count as not visible. */
const MAX_SEARCHES = 24;
/** Cached answers at most (all viewers); the oldest are forgotten first. */
const MAX_CACHED = 20_000;

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
const KEY_IN_MESSAGE = /[A-Za-z][A-Za-z0-9_]*-[0-9]+/g;

interface Cached {
  at: number;
  visible: boolean;
}

/**
 * One app instance's view of who sees what, with a short per-viewer cache. Forge builds one app
 * per invocation, so there the cache only merges the calls of one resolver; the workbench and
 * the tests keep theirs for the app's life. The cache never outlives its app, so it cannot carry
 * one site's answers into another installation.
 */
export class ViewerChecks {
  private readonly answers = new Map<string, Cached>();
  private readonly roles = new Map<string, { at: number; customer: boolean }>();

  constructor(
    private readonly jira: JiraClientFactory,
    private readonly now: () => number,
    private readonly ttlMs = VISIBILITY_TTL_MS,
  ) {}

  /**
   * The keys among `keys` Jira lets this viewer see, upper-cased. Keys that are malformed,
   * deleted, moved away or hidden by permissions or a security level are left out. Jira errors
   * other than its refusal of unknown keys are thrown: a caller shows nothing rather than guess.
   */
  async visibleKeys(accountId: string, keys: readonly string[]): Promise<Set<string>> {
    const now = this.now();
    const visible = new Set<string>();
    const ask: string[] = [];
    for (const raw of new Set(keys.map((k) => k.toUpperCase()))) {
      if (!ISSUE_KEY.test(raw)) continue;
      const hit = this.answers.get(cacheKey(accountId, raw));
      if (hit && now - hit.at < this.ttlMs) {
        if (hit.visible) visible.add(raw);
      } else ask.push(raw);
    }
    if (ask.length === 0) return visible;
    const { found, unsettled } = await searchVisible(this.jira.asUser(accountId), ask);
    for (const key of ask) {
      const seen = found.has(key);
      if (seen) visible.add(key);
      // Keys the search budget did not reach are left out now and asked again next time.
      if (!unsettled.has(key)) this.remember(cacheKey(accountId, key), { at: now, visible: seen });
    }
    return visible;
  }

  /**
   * Refuses a JSM portal customer: Triage Lens serves agents and admins, and its answers
   * (suggestions, similar tickets, internal notes) are agent content. Jira's `myself` says who
   * the caller is; the answer is cached like visibility.
   */
  async requireAgent(accountId: string): Promise<void> {
    const now = this.now();
    let role = this.roles.get(accountId);
    if (!role || now - role.at >= this.ttlMs) {
      const me = await this.jira.asUser(accountId).getMyself();
      role = { at: now, customer: me.accountType === 'customer' };
      if (this.roles.size >= MAX_CACHED) this.roles.clear();
      this.roles.set(accountId, role);
    }
    if (role.customer)
      throw new AppError('forbidden', 'Triage Lens is for service desk agents; customers cannot use it.');
  }

  private remember(key: string, value: Cached): void {
    if (this.answers.size >= MAX_CACHED) {
      // Map iteration is insertion order: drop the oldest tenth.
      let drop = Math.ceil(MAX_CACHED / 10);
      for (const k of this.answers.keys()) {
        if (drop-- <= 0) break;
        this.answers.delete(k);
      }
    }
    this.answers.delete(key);
    this.answers.set(key, value);
  }
}

const cacheKey = (accountId: string, key: string): string => `${accountId}\u0000${key}`;

/**
 * One `key in (...)` search per chunk, as the viewer. Jira Cloud refuses a query that names an
 * issue the caller cannot see or that does not exist (400, "An issue with key 'X' does not
 * exist for the field 'key'."), so the keys it names are dropped and the rest asked again; a
 * refusal that names none of them is split in halves until it does.
 */
async function searchVisible(
  jira: JiraPort,
  keys: readonly string[],
): Promise<{ found: Set<string>; unsettled: Set<string> }> {
  const found = new Set<string>();
  const pending: string[][] = [];
  for (let at = 0; at < keys.length; at += KEYS_PER_SEARCH)
    pending.push(keys.slice(at, at + KEYS_PER_SEARCH));
  for (let searches = 0; pending.length > 0 && searches < MAX_SEARCHES; searches++) {
    const chunk = pending.shift() ?? [];
    try {
      const page = await jira.searchIssues({
        jql: `key in (${chunk.join(', ')})`,
        fields: ['key'],
        maxResults: chunk.length,
      });
      const asked = new Set(chunk);
      for (const issue of page.issues) {
        const key = issue.key.toUpperCase();
        if (asked.has(key)) found.add(key);
      }
    } catch (error) {
      if (!isJiraError(error) || error.status !== 400) throw error;
      const named = namedKeys(error.details.length > 0 ? error.details : [error.message], chunk);
      const rest = chunk.filter((k) => !named.has(k));
      if (named.size > 0) {
        if (rest.length > 0) pending.unshift(rest);
      } else if (chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        pending.unshift(chunk.slice(0, half), chunk.slice(half));
      }
      // A single key refused without being named is not visible: nothing to split further.
    }
  }
  return { found, unsettled: new Set(pending.flat()) };
}

/** The asked keys Jira's error sentences name (any wording: every key-shaped token counts). */
function namedKeys(sentences: readonly string[], asked: readonly string[]): Set<string> {
  const askedSet = new Set(asked);
  const named = new Set<string>();
  for (const s of sentences)
    for (const m of s.matchAll(KEY_IN_MESSAGE)) {
      const key = m[0].toUpperCase();
      if (askedSet.has(key)) named.add(key);
    }
  return named;
}

/** Keeps the items whose issue the viewer may see, in their order. */
export async function keepVisible<T>(
  checks: ViewerChecks,
  accountId: string,
  items: readonly T[],
  keyOf: (item: T) => string,
): Promise<T[]> {
  if (items.length === 0) return [];
  const visible = await checks.visibleKeys(accountId, items.map(keyOf));
  return items.filter((item) => visible.has(keyOf(item).toUpperCase()));
}
