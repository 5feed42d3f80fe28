import { createRng, type Rng } from '../../engine/util';
import type {
  SeedComment,
  SeedLanguage,
  SeedLink,
  SeedRequestType,
  SeedServiceDesk,
  SeedTeam,
  SeedTicket,
  SeedUser,
  SiteSeed,
} from '../emulator/seed';
import {
  CONFUSABLE,
  DESKS,
  PRIORITIES,
  REQUEST_TYPES,
  VAGUE,
  type DeskKey,
  type RequestTypeSpec,
} from './catalog';
import { composeDescription, composeSummary, firstReply, internalNote, mixBooks } from './compose';
import { queuesFor, slaGoals } from './desk-setup';
import { portalArticleUrl } from '../../engine/knowledge';
import { answeringArticles, demoArticles, type KnowledgeTruth } from './knowledge';
import { outageBurst, problemFor, type PlantedOutage } from './outages';
import { addTypos } from './noise';
import { pickImpact, scopeLine } from './impact';
import { makeUsers, organizationOf, pickCustomer } from './people';
import { businessTime, DAY, HOUR, lognormal, pickSome, pickWeighted, startOfWorkday } from './random';
import { fillSlots, int, pick } from './slots';
import type { Draft, TicketContext } from './draft';

export interface DemoOptions {
  /** Number of tickets before planted duplicates and the incident burst are added. */
  tickets?: number;
  seed?: number;
  /** The site's "now"; tickets span the year before it. */
  now?: number;
}

/** Facts planted in the data, so benchmarks and tests can check that the app finds them. */
export interface DemoPlanted {
  duplicates: { original: string; duplicate: string; linked: boolean }[];
  incident: { requestType: string; keys: string[]; start: number; end: number };
  /** Tickets whose request type was deliberately set to a wrong one (label noise). */
  mislabeled: string[];
  /** The same tickets with the request type they carry and the one their text was written for. */
  mislabels: { key: string; label: string; trueLabel: string }[];
  /** Incident bursts (the old VPN one and one still going on at `now`) and their open problems. */
  outages: PlantedOutage[];
  /** Which article answers which request: per ticket key, its request type's how-tos (its language first). */
  knowledge: KnowledgeTruth & { answers: Record<string, string[]> };
}

export interface DemoSite {
  site: SiteSeed;
  planted: DemoPlanted;
}

/** The demo site's address in links its comments carry (the emulator answers on its own port). */
export const DEMO_SITE_URL = 'https://triage-lens-demo.atlassian.net';

export const DEFAULT_DEMO_NOW = Date.UTC(2026, 10, 20, 9, 0, 0);

const PRIORITY_SPEED: Record<string, number> = { Lowest: 2, Low: 1.5, Medium: 1, High: 0.6, Highest: 0.3 };

/** A seeded, deterministic JSM site with IT, HR and facilities desks. Same options, same site. */
export function generateDemo(options: DemoOptions = {}): DemoSite {
  const count = Math.max(0, Math.floor(options.tickets ?? 3000));
  const rng = createRng(options.seed ?? 1);
  const now = options.now ?? DEFAULT_DEMO_NOW;

  const serviceDesks: SeedServiceDesk[] = DESKS.map((d, i) => ({
    id: String(i + 1),
    projectId: String(10000 + i),
    projectKey: d.key,
    projectName: d.name,
  }));
  const deskId = (key: DeskKey): string => serviceDesks.find((d) => d.projectKey === key)?.id ?? '';
  const requestTypes: SeedRequestType[] = REQUEST_TYPES.map((r, i) => ({
    id: String(i + 1),
    serviceDeskId: deskId(r.desk),
    name: r.name,
    description: r.description,
    issueType: r.issueType,
  }));
  const teams: SeedTeam[] = DESKS.flatMap((d) =>
    d.teams.map((name) => ({ id: '', name, projectKey: d.key })),
  ).map((t, i) => ({ ...t, id: `team-${i + 1}` }));
  const users = makeUsers(rng, teams);
  const agentsByTeam = new Map<string, SeedUser[]>();
  for (const u of users) {
    if (u.kind === 'agent' && u.teamId !== null)
      agentsByTeam.set(u.teamId, [...(agentsByTeam.get(u.teamId) ?? []), u]);
  }
  const customers = users.filter((u) => u.kind === 'customer');

  const ctx: TicketContext = { rng, now, teams, agentsByTeam, customers, requestTypes, drafted: 0 };
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const desk = pickWeighted(rng, DESKS, (d) => d.share);
    const spec = pickWeighted(
      rng,
      REQUEST_TYPES.filter((r) => r.desk === desk.key),
      (r) => r.weight,
    );
    const language: SeedLanguage = rng() < desk.germanShare ? 'de' : 'en';
    drafts.push(makeTicket(ctx, spec, language, businessTime(rng, now - 365 * DAY, now - HOUR)));
  }

  const planted: DemoPlanted = {
    duplicates: [],
    incident: { requestType: '', keys: [], start: 0, end: 0 },
    mislabeled: [],
    mislabels: [],
    outages: [],
    knowledge: { articleTopic: {}, restricted: { pageId: '', readers: [] }, answers: {} },
  };
  const links: { type: string; inward: Draft; outward: Draft }[] = [];

  // Near-identical pairs: the same problem reported twice within hours or days.
  const originals = drafts.filter(() => rng() < 0.025);
  for (const original of originals) {
    const twin = makeDuplicate(ctx, original);
    drafts.push(twin);
    const linked = rng() < 0.5;
    if (linked) links.push({ type: 'Duplicate', inward: twin, outward: original });
    planted.duplicates.push({ original: original.tempId, duplicate: twin.tempId, linked });
  }

  // A recurring incident: one morning the VPN gateway fails and tickets pile up within hours.
  const vpn = REQUEST_TYPES.find((r) => r.name === 'VPN and remote access');
  if (vpn && count >= 100) {
    const start = startOfWorkday(now - 23 * DAY) + 10 * 60_000;
    const burst: Draft[] = [];
    const size = Math.max(12, Math.round(count / 80));
    for (let i = 0; i < size; i++) {
      const language: SeedLanguage = rng() < 0.5 ? 'de' : 'en';
      const created = start + Math.floor(rng() * 3.5 * HOUR);
      const t = makeTicket(ctx, vpn, language, created, { incident: true });
      burst.push(t);
    }
    burst.sort((a, b) => a.created - b.created);
    drafts.push(...burst);
    const first = burst[0];
    if (first)
      for (const t of burst.slice(1))
        if (rng() < 0.3) links.push({ type: 'Relates', inward: t, outward: first });
    planted.incident = {
      requestType: vpn.name,
      keys: burst.map((t) => t.tempId),
      start,
      end: Math.max(...burst.map((t) => t.created)),
    };
  }

  // Label noise: a few tickets filed under a wrong request type, as happens on real portals.
  // Planted pairs and the incident keep their type, so what was planted stays checkable.
  const plantedIds = new Set([
    ...planted.duplicates.flatMap((p) => [p.original, p.duplicate]),
    ...planted.incident.keys,
  ]);
  for (const d of drafts) {
    if (rng() < 0.03 && !plantedIds.has(d.tempId)) {
      const others = requestTypes.filter(
        (r) => r.serviceDeskId === d.requestType.serviceDeskId && r.id !== d.requestType.id,
      );
      if (others.length > 0) {
        d.requestType = pick(rng, others);
        planted.mislabeled.push(d.tempId);
        planted.mislabels.push({ key: d.tempId, label: d.requestType.name, trueLabel: d.spec.name });
      }
    }
  }

  // Outages: the VPN burst and one going on right now each have an open problem record; some
  // resolved tickets carry the link to the article the agent shared (JSM's "share article").
  const { articles, truth } = demoArticles(rng, teams, users);
  const problems: Draft[] = [];
  const outageDrafts: { burst: Draft[]; problem: Draft }[] = [];
  const email = REQUEST_TYPES.find((r) => r.name === 'Email and calendar');
  const ongoing =
    email && count >= 100
      ? outageBurst(Math.max(8, Math.round(count / 200)), now, rng, (language, created) =>
          makeTicket(ctx, email, language, created, { incident: true }),
        )
      : [];
  drafts.push(...ongoing);
  // The ongoing outage's first open ticket is flagged a major incident, as an incident manager does.
  const major = ongoing.find((d) => d.ticket.statusCategory !== 'done');
  if (major) major.ticket = { ...major.ticket, majorIncident: true };
  const vpnBurst = drafts.filter((d) => planted.incident.keys.includes(d.tempId));
  for (const burst of [vpnBurst, ongoing]) {
    const first = burst[0];
    if (!first) continue;
    const problem = problemFor(ctx, first, burst, now, makeTicket);
    problems.push(problem);
    outageDrafts.push({ burst, problem });
    for (const t of burst)
      if (rng() < 0.35) links.push({ type: 'Problem/Incident', inward: problem, outward: t });
  }
  drafts.push(...problems);
  for (const d of drafts) {
    const closing = d.ticket.comments.at(-1);
    if (d.ticket.resolved === null || !closing || closing.internal || rng() >= 0.2) continue;
    const pageId = answeringArticles(truth, d.spec.name, d.ticket.language)[0];
    if (pageId === undefined) continue;
    const lead = d.ticket.language === 'de' ? 'Anleitung' : 'Article';
    closing.body += `\n\n${lead}: ${portalArticleUrl(DEMO_SITE_URL, d.requestType.serviceDeskId, pageId)}`;
  }

  // Keys follow creation order per project, as Jira numbers issues.
  drafts.sort((a, b) => a.created - b.created || a.tempId.localeCompare(b.tempId));
  const keyOf = new Map<string, string>();
  const nextNumber = new Map<string, number>();
  const tickets: SeedTicket[] = drafts.map((d, i) => {
    const n = (nextNumber.get(d.projectKey) ?? 0) + 1;
    nextNumber.set(d.projectKey, n);
    const key = `${d.projectKey}-${n}`;
    keyOf.set(d.tempId, key);
    // A problem record is raised by agents, not through a request type.
    const requestTypeId = problems.includes(d) ? null : d.requestType.id;
    return { ...d.ticket, id: String(10001 + i), key, requestTypeId, created: d.created };
  });
  const rekey = (temp: string): string => keyOf.get(temp) ?? temp;
  planted.duplicates = planted.duplicates.map((p) => ({
    ...p,
    original: rekey(p.original),
    duplicate: rekey(p.duplicate),
  }));
  planted.incident.keys = planted.incident.keys.map(rekey);
  planted.mislabeled = planted.mislabeled.map(rekey);
  planted.mislabels = planted.mislabels.map((m) => ({ ...m, key: rekey(m.key) }));
  planted.outages = outageDrafts.map(({ burst, problem }) => ({
    requestType: burst[0]?.spec.name ?? '',
    keys: burst.map((t) => rekey(t.tempId)),
    start: Math.min(...burst.map((t) => t.created)),
    end: Math.max(...burst.map((t) => t.created)),
    problemKey: rekey(problem.tempId),
    majorIncidentKey: major !== undefined && burst.includes(major) ? rekey(major.tempId) : null,
  }));
  const problemIds = new Set(problems.map((p) => p.tempId));
  planted.knowledge = {
    ...truth,
    answers: Object.fromEntries(
      drafts
        .filter((d) => !problemIds.has(d.tempId))
        .map((d) => [rekey(d.tempId), answeringArticles(truth, d.spec.name, d.ticket.language)]),
    ),
  };
  const seedLinks: SeedLink[] = links.map((l) => ({
    type: l.type,
    inwardKey: rekey(l.inward.tempId),
    outwardKey: rekey(l.outward.tempId),
  }));

  return {
    site: {
      now,
      serviceDesks,
      requestTypes,
      teams,
      users,
      slaGoals: slaGoals(),
      queues: serviceDesks.flatMap((d) => queuesFor(d)),
      articles,
      linkTypes: [
        { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
        { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
        { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
        { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
        { id: '10004', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
      ],
      tickets,
      links: seedLinks,
    },
    planted,
  };
}

function makeTicket(
  ctx: TicketContext,
  spec: RequestTypeSpec,
  language: SeedLanguage,
  created: number,
  variant: { incident?: boolean; reporter?: SeedUser; summary?: string; description?: string } = {},
): Draft {
  const { rng } = ctx;
  const reporter = variant.reporter ?? pickCustomer(rng, ctx.customers, language);
  const incident = variant.incident === true;
  // Most tickets use their own type's words; some are vague, some written like a confusable type.
  const roll = incident ? 1 : rng();
  const sibling = REQUEST_TYPES.find((r) => r.name === pick(rng, CONFUSABLE[spec.name] ?? [spec.name]));
  const book: { summaries: readonly string[]; bodies: readonly string[] } =
    roll < 0.08
      ? VAGUE[language]
      : roll < 0.18 && sibling
        ? mixBooks(rng, spec[language], sibling[language])
        : spec[language];
  const priorityName = variant.incident
    ? pick(rng, ['High', 'Highest', 'High', 'Medium'])
    : pickWeighted(rng, PRIORITIES, (_p, i) => spec.priority[i] ?? 0);
  // Incidents carry JSM's Impact field; reporters often (not always) say who is affected.
  const impact = spec.issueType === 'Incident' ? pickImpact(rng, priorityName, incident) : null;
  const scope = impact === null ? null : scopeLine(rng, impact, language);
  const summary = variant.summary ?? composeSummary(rng, book.summaries, language, incident);
  const description =
    variant.description ?? composeDescription(rng, book.bodies, reporter, language, incident, scope);
  const team = pickTeam(rng, ctx.teams, spec);
  const agents = ctx.agentsByTeam.get(team.id) ?? [];

  const speed = PRIORITY_SPEED[priorityName] ?? 1;
  // Recent tickets sometimes stall (waiting for parts, approvals, the customer): the open backlog.
  const stall = ctx.now - created < 21 * DAY && rng() < 0.45 ? int(rng, 5, 20) : 1;
  // The newest tickets are partly still untouched: no response, no assignee yet.
  const untouched = ctx.now - created < 2 * DAY && rng() < 0.35;
  const firstResponseAfter = untouched ? Infinity : lognormal(rng, 1.5 * speed * HOUR, 0.9);
  const resolveAfter = Math.max(
    firstResponseAfter + 10 * 60_000,
    stall * lognormal(rng, spec.medianHours * speed * HOUR, 0.8),
  );
  const firstResponse = Math.round(created + firstResponseAfter);
  const resolvedAt = Math.round(created + resolveAfter);
  const agent = agents.length > 0 ? pick(rng, agents) : null;
  const comments: SeedComment[] = [];
  let status = 'Waiting for support';
  let statusCategory: SeedTicket['statusCategory'] = 'new';
  let resolution: string | null = null;
  let resolved: number | null = null;
  let assigneeId: string | null = null;

  if (firstResponse < ctx.now && agent) {
    assigneeId = agent.accountId;
    comments.push({
      authorId: agent.accountId,
      body: firstReply(rng, language, agent.displayName),
      created: firstResponse,
      internal: false,
    });
    status = pick(rng, ['In Progress', 'Waiting for customer']);
    statusCategory = 'indeterminate';
    if (rng() < 0.25) {
      const internalAt = Math.round(firstResponse + lognormal(rng, 2 * HOUR, 0.7));
      if (internalAt < ctx.now && internalAt < resolvedAt) {
        comments.push({
          authorId: agent.accountId,
          body: internalNote(rng, language),
          created: internalAt,
          internal: true,
        });
      }
    }
  }
  if (resolvedAt < ctx.now && agent) {
    const roll = rng();
    resolution = roll < 0.9 ? 'Done' : roll < 0.95 ? "Won't Do" : 'Cannot Reproduce';
    resolved = resolvedAt;
    status = rng() < 0.6 ? 'Closed' : 'Resolved';
    statusCategory = 'done';
    const fix = fillSlots(pick(rng, spec[language].fixes), rng, language);
    comments.push({ authorId: agent.accountId, body: fix, created: resolvedAt, internal: false });
  }
  const components = rng() < 0.9 ? pickSome(rng, spec.components, rng() < 0.12 ? 2 : 1) : [];
  const labels = rng() < 0.55 ? pickSome(rng, spec.labels, rng() < 0.3 ? 2 : 1) : [];
  const updated = Math.max(created, ...comments.map((c) => c.created), resolved ?? 0);
  const requestType = ctx.requestTypes[REQUEST_TYPES.indexOf(spec)] as SeedRequestType;
  ctx.drafted += 1;
  return {
    tempId: `tmp-${String(ctx.drafted).padStart(7, '0')}`,
    projectKey: spec.desk,
    created,
    spec,
    requestType,
    reporter,
    ticket: {
      projectKey: spec.desk,
      language,
      summary,
      description,
      issueType: spec.issueType,
      priority: priorityName,
      components,
      labels,
      category: spec.category,
      impact,
      teamId: team.id,
      assigneeId,
      reporterId: reporter.accountId,
      organization: organizationOf(reporter.email),
      status,
      statusCategory,
      resolution,
      updated,
      resolved,
      comments,
    },
  };
}

function makeDuplicate(ctx: TicketContext, original: Draft): Draft {
  const { rng } = ctx;
  const created = Math.min(ctx.now - HOUR, original.created + Math.round(lognormal(rng, 6 * HOUR, 1.2)));
  const language = original.ticket.language;
  const reporter = rng() < 0.6 ? original.reporter : pickCustomer(rng, ctx.customers, language);
  const prefix = pick(
    rng,
    language === 'de' ? ['', '', 'AW: ', 'WG: ', 'Nochmal: '] : ['', '', 'RE: ', 'FW: ', 'Again: '],
  );
  const summary = `${prefix}${addTypos(rng, original.ticket.summary, 0.1)}`.slice(0, 250);
  const body = original.ticket.description
    .split('\n\n')
    .filter((_b, i, all) => i === 0 || i < all.length - 1 || rng() < 0.5);
  const description = addTypos(rng, body.join('\n\n'), 0.04);
  const twin = makeTicket(ctx, original.spec, language, created, { reporter, summary, description });
  if (twin.ticket.statusCategory === 'done') twin.ticket.resolution = 'Duplicate';
  twin.requestType = original.requestType;
  return twin;
}

/** The summary from one type and the body from the other, or both from the other. */

function pickTeam(rng: Rng, teams: SeedTeam[], spec: RequestTypeSpec): SeedTeam {
  const own = teams.find((t) => t.name === spec.team && t.projectKey === spec.desk);
  const others = teams.filter((t) => t.projectKey === spec.desk && t !== own);
  if (own && (rng() < 0.88 || others.length === 0)) return own;
  return others.length > 0 ? pick(rng, others) : (teams[0] as SeedTeam);
}
