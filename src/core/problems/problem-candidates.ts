/**
 * Problem candidates (issue #3): recent tickets that keep coming in about the same thing, as the
 * admin page lists them. Detection is the pure engine's (src/engine/recurring); this reads the
 * recent tickets, weighs their words by the whole similar index, says whether a problem ticket
 * already covers each cluster, and remembers the clusters an admin dismissed.
 */
import { IssueKey } from '../../contracts/common';
import { MAX_LISTED_MEMBERS } from '../../contracts/problem-candidates';
import type {
  ProblemCandidate,
  ProblemCandidates,
  RecurringDismiss,
} from '../../contracts/problem-candidates';
import {
  DEFAULT_RECURRING,
  detectRecurring,
  dismissCluster,
  emptyDismissals,
  expireDismissals,
  isDismissed,
  parseDismissals,
} from '../../engine/recurring';
import type { DismissalState, RecurringCluster } from '../../engine/recurring';
import { computeIndexEntry, createRowSource } from '../../engine/similar';
import type { TicketDoc } from '../../engine/similar';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { isProblemTicket, problemLinks } from './problem-links';
import { STATE_DOC_MAX_BYTES } from '../ports/storage';
import { STORAGE_KEYS } from '../ports/storage-keys';
import type { Ticket } from '../shared/ticket';

/** How far back candidates are looked for: a month, the span a problem review usually covers. */
export const LOOKBACK_DAYS = 30;
/**
 * Most tickets compared per request (the newest are kept), to bound one resolver call: the
 * engine compares a week of a ~1,840-tickets-a-week desk in about 0.4 s (docs/benchmarks.md),
 * and this is under three such weeks. Not benchmarked end to end (SQL reads included).
 */
export const MAX_SCANNED = 5_000;
const PAGE = 500;
/** Linked tickets outside the look-back read to find problems among them, per request. */
const MAX_LINK_LOOKUPS = 50;
const DISMISSALS = STORAGE_KEYS.recurringDismissals.name;
const DAY = 86_400_000;

interface Detection {
  clusters: RecurringCluster[];
  tickets: Map<string, Ticket>;
  scanned: number;
  truncated: boolean;
}

/**
 * admin/recurring: the current problem candidates, dismissed ones left out. Clusters are found
 * over every desk (so all admins share one notion of a cluster and its dismissal), and each is
 * shown to the caller as far as Jira lets them see its members.
 */
export async function listProblemCandidates(ctx: CoreContext, accountId: string): Promise<ProblemCandidates> {
  const state = readDismissals(ctx, (await ctx.storage.state.get(DISMISSALS))?.value);
  return present(ctx, await detect(ctx, state), state, accountId);
}

/**
 * admin/recurring/dismiss: remembers the candidate that starts with `firstKey` as "not a
 * problem". It stays hidden while at least half of a cluster's tickets were in the dismissed
 * one (the engine's rule), so it comes back once new tickets more than double it. Answers the
 * list as it is now.
 */
export async function dismissProblemCandidate(
  ctx: CoreContext,
  { firstKey }: RecurringDismiss,
  accountId: string,
): Promise<ProblemCandidates> {
  const first = await ctx.storage.state.get(DISMISSALS);
  const detection = await detect(ctx, readDismissals(ctx, first?.value));
  const { minTickets } = (await ctx.config()).recurring;
  const visible = await visibleMembers(ctx, accountId, detection.clusters);
  // The candidate as the caller saw it listed: named by its earliest member they may see.
  const cluster = detection.clusters.find(
    (c) => viewOf(c, detection.tickets, visible, minTickets)?.firstKey === firstKey,
  );
  if (cluster === undefined)
    throw new AppError('not_found', `No current problem candidate starts with ${firstKey}; reload the list.`);
  // Compare-and-set: a dismissal another admin saved meanwhile is kept, not overwritten.
  let stored = first;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = ctx.clock.now();
    const state = fitDismissals(
      dismissCluster(
        expireDismissals(readDismissals(ctx, stored?.value), now, LOOKBACK_DAYS + 1),
        cluster,
        now,
      ),
    );
    if ((await ctx.storage.state.compareAndSet(DISMISSALS, stored?.revision ?? 0, state)) !== null) {
      await ctx.storage.audit.append({
        at: now,
        actor: accountId,
        issueKey: firstKey,
        action: 'problem-candidate-dismiss',
        fieldId: null,
        before: null,
        after: `${cluster.memberIds.length} tickets: ${cluster.terms.join(', ')}`.slice(0, 500),
        reason: null,
      });
      return present(ctx, detection, state, accountId);
    }
    stored = await ctx.storage.state.get(DISMISSALS);
  }
  throw new AppError('not_ready', 'Other admins are dismissing candidates right now; try again.');
}

/** The stored dismissals; unreadable state (another build, a hand edit) counts as none. */
function readDismissals(ctx: CoreContext, value: unknown): DismissalState {
  if (value === undefined || value === null) return emptyDismissals();
  try {
    return parseDismissals(value);
  } catch (error) {
    ctx.logger.warn('recurring dismissals unreadable, starting afresh', {
      error: String(error).slice(0, 200),
    });
    return emptyDismissals();
  }
}

/** Drops the oldest dismissals until the state is well inside one stored document. */
function fitDismissals(state: DismissalState): DismissalState {
  const dismissed = [...state.dismissed].sort((a, b) => a.atMs - b.atMs);
  while (
    dismissed.length > 1 &&
    Buffer.byteLength(JSON.stringify({ ...state, dismissed })) > STATE_DOC_MAX_BYTES / 2
  )
    dismissed.shift();
  return { ...state, dismissed };
}

async function detect(ctx: CoreContext, dismissed: DismissalState): Promise<Detection> {
  const now = ctx.clock.now();
  const { tickets, truncated } = await recentTickets(ctx, now - LOOKBACK_DAYS * DAY);
  const clusters = await clusterTickets(ctx, tickets, now, LOOKBACK_DAYS * 24, dismissed);
  return { clusters, tickets: new Map(tickets.map((t) => [t.key, t])), scanned: tickets.length, truncated };
}

/**
 * The recurring-incident clusters among `tickets` (named by key) with the admin's N and T, and
 * the problems their members link (also ones older than the tickets given). Shared by the
 * admin's problem candidates and the panel's outage banner, so both agree on what a cluster is.
 */
export async function clusterTickets(
  ctx: CoreContext,
  tickets: readonly Ticket[],
  now: number,
  lookbackHours: number,
  dismissed: DismissalState,
): Promise<RecurringCluster[]> {
  const config = await ctx.config();
  const links = problemLinks(tickets);
  // Keys, not ids, name the documents: links and the admin page speak in keys.
  // What was reported (summary, description) says which incident it is; replies would blur it.
  const docs: TicketDoc[] = tickets.map((t) => ({
    id: t.key,
    summary: t.summary,
    description: t.description,
    createdMs: t.created,
    project: t.projectKey,
    linkedIds: [...(links.linkedKeys.get(t.key) ?? [])],
  }));
  const terms = new Set<string>();
  for (const doc of docs) for (const { term } of computeIndexEntry(doc).terms) terms.add(term);
  const [stats, documentFrequencies] = await Promise.all([
    ctx.storage.index.stats(),
    ctx.storage.index.documentFrequencies([...terms]),
  ]);
  const clusters = detectRecurring({
    tickets: docs,
    problemIds: links.problemKeys,
    nowMs: now,
    // idf over the whole index: a handful of recent tickets alone would weigh words unfairly.
    source: createRowSource({ stats, documentFrequencies, postings: [], entries: [] }),
    config: {
      ...DEFAULT_RECURRING,
      minTickets: config.recurring.minTickets,
      windowHours: config.recurring.windowHours,
      lookbackHours,
    },
    dismissed,
  });
  const byKey = new Map(tickets.map((t) => [t.key, t]));
  await findLinkedProblems(ctx, clusters, byKey, links.linkedKeys);
  return clusters;
}

/** The clusters admins dismissed as "not a problem", as stored now. */
export async function currentDismissals(ctx: CoreContext): Promise<DismissalState> {
  return readDismissals(ctx, (await ctx.storage.state.get(DISMISSALS))?.value);
}

/** Tickets created since `sinceMs`, newest first, at most MAX_SCANNED. */
async function recentTickets(
  ctx: CoreContext,
  sinceMs: number,
): Promise<{ tickets: Ticket[]; truncated: boolean }> {
  const tickets: Ticket[] = [];
  let after: string | null = null;
  do {
    const page = await ctx.storage.tickets.listCreatedSince(sinceMs, {
      limit: Math.min(PAGE, MAX_SCANNED - tickets.length),
      after,
    });
    tickets.push(...page.items);
    after = page.next;
  } while (after !== null && tickets.length < MAX_SCANNED);
  return { tickets, truncated: after !== null };
}

/**
 * Members may link problems older than the look-back: read a bounded number of those linked
 * tickets and mark the clusters that link a problem among them.
 */
async function findLinkedProblems(
  ctx: CoreContext,
  clusters: RecurringCluster[],
  recent: ReadonlyMap<string, Ticket>,
  linkedKeys: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
  const wanted = new Map<RecurringCluster, string[]>();
  const lookups = new Set<string>();
  for (const cluster of clusters) {
    if (cluster.problemLinked) continue;
    const keys = cluster.memberIds
      .flatMap((m) => [...(linkedKeys.get(m) ?? [])])
      .filter((k) => !recent.has(k));
    for (const key of keys) if (lookups.size < MAX_LINK_LOOKUPS) lookups.add(key);
    wanted.set(cluster, keys);
  }
  if (lookups.size === 0) return;
  const found = await Promise.all([...lookups].map((key) => ctx.storage.tickets.getByKey(key)));
  const problems = new Set(found.flatMap((t) => (t !== null && isProblemTicket(t) ? [t.key] : [])));
  for (const [cluster, keys] of wanted) {
    const linked = [...new Set(keys.filter((k) => problems.has(k)))];
    if (linked.length === 0) continue;
    cluster.problemIds = [...new Set([...cluster.problemIds, ...linked])].sort();
    cluster.problemLinked = true;
  }
}

async function present(
  ctx: CoreContext,
  detection: Detection,
  state: DismissalState,
  accountId: string,
): Promise<ProblemCandidates> {
  const config = await ctx.config();
  // A dismissal saved after detection ran hides its cluster at once.
  const shown = detection.clusters.filter((c) => !isDismissed(state, c));
  const visible = await visibleMembers(ctx, accountId, shown);
  return {
    candidates: shown.flatMap(
      (c) => viewOf(c, detection.tickets, visible, config.recurring.minTickets) ?? [],
    ),
    minTickets: config.recurring.minTickets,
    windowHours: config.recurring.windowHours,
    lookbackDays: LOOKBACK_DAYS,
    scanned: detection.scanned,
    truncated: detection.truncated,
    dismissed: state.dismissed.length,
  };
}

/** The members and problems of `clusters` Jira lets the caller see (one `key in` check). */
function visibleMembers(
  ctx: CoreContext,
  accountId: string,
  clusters: readonly RecurringCluster[],
): Promise<Set<string>> {
  return ctx.viewers.visibleKeys(
    accountId,
    clusters.flatMap((c) => [...c.memberIds, ...c.problemIds]),
  );
}

/**
 * A cluster as one viewer may see it: only members Jira shows them (a cluster they see fewer
 * than N of is no candidate to them, as in the outage banner), its size, dates and words from
 * those members only, and only problem keys they may open. `problemLinked` stays the site's
 * truth: a problem they cannot see still covers the cluster, it is just not named.
 */
export function viewOf(
  cluster: RecurringCluster,
  tickets: ReadonlyMap<string, Ticket>,
  visible: ReadonlySet<string>,
  minTickets: number,
): ProblemCandidate | null {
  const members = cluster.memberIds.flatMap((key) => {
    const ticket = tickets.get(key);
    return ticket !== undefined && visible.has(key.toUpperCase()) ? [ticket] : [];
  });
  const first = members[0];
  const last = members.at(-1);
  if (first === undefined || last === undefined || members.length < minTickets) return null;
  const text = members.map((t) => `${t.summary}\n${t.description}`.toLocaleLowerCase()).join('\n');
  return {
    firstKey: first.key,
    terms: cluster.terms.filter((term) => text.includes(term.toLocaleLowerCase())),
    size: members.length,
    members: members.slice(0, MAX_LISTED_MEMBERS).map((t) => ({ key: t.key, summary: t.summary })),
    firstSeen: new Date(first.created).toISOString(),
    lastSeen: new Date(last.created).toISOString(),
    problemLinked: cluster.problemLinked,
    // Link ends are whatever Jira sent; only real issue keys become links on the page.
    problemKeys: cluster.problemIds.filter(
      (k) => IssueKey.safeParse(k).success && visible.has(k.toUpperCase()),
    ),
  };
}
