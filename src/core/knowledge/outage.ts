/**
 * The panel's known-outage banner: is this ticket part of something already going on? It is,
 * when it belongs to a burst of similar recent tickets (the recurring-incident clusters the
 * admin's problem candidates show, with the admin's N and T), or when it, its burst or its
 * similar tickets point at an open problem ticket. Only what the viewer may see is counted or
 * named: Jira decides, through ViewerChecks.
 */
import type { OutageNotice } from '../../contracts/knowledge';
import type { CoreContext } from '../shared/context';
import { isProblemTicket, problemLinks } from '../problems/problem-links';
import { recentClusters } from './outage-clusters';
import { currentDismissals } from '../problems/problem-candidates';
import type { FieldDecision } from '../suggest/suggestions';
import type { Ticket } from '../shared/ticket';
import { keepVisible } from '../shared/visibility';

const HOUR = 3_600_000;
/**
 * Recent tickets compared per panel open (the newest are kept): a day of a ~1,840-a-week desk
 * is ~260, so this covers the default 24 h window of busy desks in one page.
 */
export const OUTAGE_SCAN = 500;
/** Tickets read from the store per panel open and kind (problem, major incident), at most. */
const MAX_PROBLEM_READS = 20;

/** A similar ticket the similar section found, and whether it looked like a duplicate. */
export interface OutageHit {
  id: string;
  kind: 'duplicate' | 'related' | 'weak';
}

/** The banner and what names the outage: `burst:<earliest key>`, the problem's and major incident's keys. */
export interface OutageMatch {
  notice: OutageNotice;
  ids: string[];
}

/**
 * The banner for `ticket`, or null when nothing ongoing matches; marked dismissed when the
 * agent said this ticket is not part of this outage (`dismissal`, the ticket's stored decision:
 * it covers the outage while any of the names it recorded still names it).
 */
export async function outageNotice(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  hits: readonly OutageHit[],
  dismissal?: FieldDecision,
): Promise<OutageNotice | null> {
  const match = await outageMatch(ctx, accountId, ticket, hits);
  if (match === null) return null;
  return dismissal !== undefined && dismisses(dismissal, match.ids)
    ? { ...match.notice, dismissed: true }
    : match.notice;
}

export function dismisses(decision: FieldDecision, ids: readonly string[]): boolean {
  const named = new Set(decision.value.split(' '));
  return decision.state === 'dismissed' && ids.some((id) => named.has(id));
}

/**
 * What ongoing outage `ticket` matches, or null. `hits` are the similar section's tickets (ids);
 * a ticket older than the window joins a burst through a duplicate.
 */
export async function outageMatch(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  hits: readonly OutageHit[],
): Promise<OutageMatch | null> {
  if (isProblemTicket(ticket)) return null;
  const config = await ctx.config();
  const now = ctx.clock.now();
  const windowHours = config.recurring.windowHours;
  const [page, similarTickets, dismissed] = await Promise.all([
    ctx.storage.tickets.listCreatedSince(now - windowHours * HOUR, { limit: OUTAGE_SCAN }),
    // A weak match is not similar enough to say which outage this is.
    ctx.storage.tickets.getMany(hits.filter((h) => h.kind !== 'weak').map((h) => h.id)),
    currentDismissals(ctx),
  ]);
  // A ticket older than the window is in none of its clusters (the engine looks back that far
  // only): leaving it out keeps the window's clusters one stored document for every such ticket.
  const outside = ticket.created < now - windowHours * HOUR;
  const recent = outside || page.items.some((t) => t.id === ticket.id) ? page.items : [ticket, ...page.items];
  const clusters = await recentClusters(ctx, recent, now, windowHours, dismissed);
  const duplicates = new Set(
    similarTickets.filter((t) => hits.some((h) => h.id === t.id && h.kind === 'duplicate')).map((t) => t.key),
  );
  const cluster =
    clusters.find((c) => c.memberIds.includes(ticket.key)) ??
    clusters.find((c) => c.memberIds.some((k) => duplicates.has(k)));

  const known = new Map([...recent, ...similarTickets].map((t) => [t.key, t]));
  const problem = await openProblem(ctx, accountId, ticket, similarTickets, cluster?.problemIds ?? [], known);
  const major = await openMajorIncident(
    ctx,
    accountId,
    ticket,
    similarTickets,
    cluster?.memberIds ?? [],
    known,
  );
  // Clusters are per wording (so per language); one problem ticket linked from several is one outage.
  const sameOutage = clusters.filter(
    (c) => c === cluster || (cluster !== undefined && problem !== null && c.problemIds.includes(problem.key)),
  );
  const members = [...new Set(sameOutage.flatMap((c) => c.memberIds))].filter(
    (k) => k !== ticket.key && k !== problem?.key,
  );
  const firstSeen = Math.min(...sameOutage.map((c) => c.firstSeenMs));
  const visibleMembers = await keepVisible(
    ctx.viewers,
    accountId,
    members.filter((k) => !isProblemKey(known.get(k))),
    (k) => k,
  );
  // A burst the viewer sees less of than the admin's N is no burst to them.
  const burst = cluster !== undefined && visibleMembers.length + 1 >= config.recurring.minTickets;
  if (!burst && problem === null && major === null) return null;
  const linked = (t: Ticket | null) => t !== null && ticket.links.some((l) => l.key === t.key);
  const notice: OutageNotice = {
    similarRecent: burst ? visibleMembers.length : 0,
    hours: burst ? Math.max(1, Math.ceil((now - firstSeen) / HOUR)) : null,
    terms: burst && cluster ? cluster.terms.slice(0, 5).map((t) => t.slice(0, 100)) : [],
    problem: problem && named(problem),
    linked: linked(problem),
    majorIncident: major && { ...named(major), linked: linked(major) },
  };
  const ids = [burst && cluster ? `burst:${cluster.key}` : null, problem?.key, major?.key];
  return { notice, ids: ids.filter((id): id is string => typeof id === 'string') };
}

const named = (t: Ticket) => ({
  key: t.key,
  summary: t.summary.slice(0, 255),
  status: t.status.slice(0, 100),
});

const isProblemKey = (t: Ticket | undefined): boolean => t !== undefined && isProblemTicket(t);

/** Keys pointed at, with how strongly: the highest-voted ticket of the wanted kind wins. */
type Votes = Map<string, number>;

function voter(votes: Votes) {
  return (key: string, weight: number) => votes.set(key, (votes.get(key) ?? 0) + weight);
}

/**
 * The open problem behind this ticket, the viewer may see: one it links already comes first,
 * then the one its burst links, then one its similar tickets are linked to or are. Among equals,
 * the one most of them point at.
 */
async function openProblem(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  similar: readonly Ticket[],
  clusterProblems: readonly string[],
  known: ReadonlyMap<string, Ticket>,
): Promise<Ticket | null> {
  const votes: Votes = new Map();
  const vote = voter(votes);
  for (const l of ticket.links) vote(l.key, 1_000);
  for (const key of clusterProblems) vote(key, 100);
  const links = problemLinks(similar);
  for (const s of similar) {
    if (isProblemTicket(s)) vote(s.key, 1);
    for (const key of links.linkedKeys.get(s.key) ?? []) if (links.problemKeys.has(key)) vote(key, 1);
  }
  return firstOpenVisible(ctx, accountId, ticket, votes, known, isProblemTicket);
}

/**
 * The open major incident this ticket belongs to, the viewer may see: one it links comes first,
 * then one of its burst, then a similar ticket that is one or links one.
 */
async function openMajorIncident(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  similar: readonly Ticket[],
  clusterMembers: readonly string[],
  known: ReadonlyMap<string, Ticket>,
): Promise<Ticket | null> {
  const votes: Votes = new Map();
  const vote = voter(votes);
  for (const l of ticket.links) vote(l.key, 1_000);
  for (const key of clusterMembers) vote(key, 100);
  for (const s of similar) {
    vote(s.key, 1);
    for (const l of s.links) vote(l.key, 1);
  }
  return firstOpenVisible(ctx, accountId, ticket, votes, known, isMajorIncident);
}

const isMajorIncident = (t: Ticket): boolean => t.majorIncident === true;

/**
 * The most-voted ticket of the kind `is` that is not done and the viewer may see. Tickets already
 * at hand are judged without a read; the store is asked for at most MAX_PROBLEM_READS others.
 */
async function firstOpenVisible(
  ctx: CoreContext,
  accountId: string,
  ticket: Ticket,
  votes: Votes,
  known: ReadonlyMap<string, Ticket>,
  is: (t: Ticket) => boolean,
): Promise<Ticket | null> {
  votes.delete(ticket.key);
  const ranked = [...votes.entries()]
    .filter(([key]) => {
      const t = known.get(key);
      return t === undefined || is(t);
    })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const candidates = await Promise.all(
    ranked
      .slice(0, MAX_PROBLEM_READS)
      .map(async ([key]) => known.get(key) ?? (await ctx.storage.tickets.getByKey(key))),
  );
  const open = candidates.filter(
    (t): t is Ticket => t !== null && t !== undefined && is(t) && t.statusCategory !== 'done',
  );
  const visible = await keepVisible(ctx.viewers, accountId, open, (t) => t.key);
  return visible[0] ?? null;
}
