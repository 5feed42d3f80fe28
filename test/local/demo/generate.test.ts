import { generateDemo, type DemoSite } from '../../../src/local/demo/generate';
import { SLA_TIME_TO_FIRST_RESPONSE, SLA_TIME_TO_RESOLUTION } from '../../../src/local/emulator/seed';

let demo: DemoSite;
let elapsedMs: number;

beforeAll(() => {
  const t0 = performance.now();
  demo = generateDemo({ tickets: 3000, seed: 1 });
  elapsedMs = performance.now() - t0;
});

const HOUR = 3_600_000;

describe('generateDemo', () => {
  it('generates a few thousand tickets well under 10 seconds', () => {
    expect(demo.site.tickets.length).toBeGreaterThanOrEqual(3000);
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateDemo({ tickets: 300, seed: 5 });
    expect(JSON.stringify(generateDemo({ tickets: 300, seed: 5 }))).toBe(JSON.stringify(again));
    expect(generateDemo({ tickets: 300, seed: 6 }).site.tickets[0]?.summary).not.toBe(
      again.site.tickets[0]?.summary,
    );
  });

  it('spreads tickets over IT, HR and facilities in German and English', () => {
    const byProject = new Map<string, number>();
    for (const t of demo.site.tickets) byProject.set(t.projectKey, (byProject.get(t.projectKey) ?? 0) + 1);
    expect([...byProject.keys()].sort()).toEqual(['FAC', 'HR', 'IT']);
    for (const n of byProject.values()) expect(n).toBeGreaterThan(300);
    const german = demo.site.tickets.filter((t) => t.language === 'de').length / demo.site.tickets.length;
    expect(german).toBeGreaterThan(0.35);
    expect(german).toBeLessThan(0.65);
    expect(demo.site.tickets.some((t) => /[äöüß]/.test(t.summary + t.description))).toBe(true);
  });

  it('numbers keys per project in creation order, with unique ids', () => {
    const ids = new Set(demo.site.tickets.map((t) => t.id));
    expect(ids.size).toBe(demo.site.tickets.length);
    for (const project of ['IT', 'HR', 'FAC']) {
      const ts = demo.site.tickets.filter((t) => t.projectKey === project);
      ts.forEach((t, i) => expect(t.key).toBe(`${project}-${i + 1}`));
      for (let i = 1; i < ts.length; i++)
        expect(ts[i]?.created).toBeGreaterThanOrEqual(ts[i - 1]?.created ?? 0);
    }
  });

  it('keeps each ticket’s timeline consistent', () => {
    for (const t of demo.site.tickets) {
      expect(t.created).toBeLessThanOrEqual(demo.site.now);
      expect(t.updated).toBeGreaterThanOrEqual(t.created);
      expect(t.statusCategory === 'done').toBe(t.resolved !== null);
      expect(t.resolution !== null).toBe(t.resolved !== null);
      if (t.resolved !== null) expect(t.resolved).toBeGreaterThan(t.created);
      for (const c of t.comments) expect(c.created).toBeGreaterThanOrEqual(t.created);
      expect(Number.isInteger(t.created) && Number.isInteger(t.updated)).toBe(true);
    }
  });

  it('has an open backlog, some of it unassigned, and agents with capacities', () => {
    const open = demo.site.tickets.filter((t) => t.statusCategory !== 'done');
    expect(open.length).toBeGreaterThan(30);
    expect(open.some((t) => t.assigneeId === null)).toBe(true);
    const agents = demo.site.users.filter((u) => u.kind === 'agent');
    expect(agents.length).toBeGreaterThan(20);
    for (const a of agents) expect(a.capacity).toBeGreaterThan(0);
    for (const t of demo.site.tickets.filter((x) => x.assigneeId !== null)) {
      expect(agents.some((a) => a.accountId === t.assigneeId)).toBe(true);
    }
  });

  it('closes resolved tickets with a “solved like this” comment', () => {
    const resolved = demo.site.tickets.filter((t) => t.resolved !== null);
    const closing = resolved.filter((t) => t.comments.some((c) => c.created === t.resolved && !c.internal));
    expect(closing.length).toBe(resolved.length);
  });

  it('plants near-identical duplicate pairs, about half of them linked', () => {
    const { duplicates } = demo.planted;
    expect(duplicates.length).toBeGreaterThan(30);
    const byKey = new Map(demo.site.tickets.map((t) => [t.key, t]));
    for (const d of duplicates) {
      const a = byKey.get(d.original);
      const b = byKey.get(d.duplicate);
      expect(a && b).toBeTruthy();
      expect(b?.requestTypeId).toBe(a?.requestTypeId);
      expect(b?.created ?? 0).toBeGreaterThanOrEqual(a?.created ?? Infinity);
      const linked = demo.site.links.some(
        (l) => l.type === 'Duplicate' && l.inwardKey === d.duplicate && l.outwardKey === d.original,
      );
      expect(linked).toBe(d.linked);
    }
    const share = duplicates.filter((d) => d.linked).length / duplicates.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });

  it('plants a recurring incident: a burst of similar tickets within hours', () => {
    const { incident } = demo.planted;
    expect(incident.keys.length).toBeGreaterThanOrEqual(12);
    expect(incident.end - incident.start).toBeLessThan(4 * HOUR);
    const byKey = new Map(demo.site.tickets.map((t) => [t.key, t]));
    const vpn = demo.site.requestTypes.find((r) => r.name === incident.requestType);
    const burst = incident.keys.map((k) => byKey.get(k));
    const sameType = burst.filter((t) => t?.requestTypeId === vpn?.id).length;
    expect(sameType / burst.length).toBeGreaterThan(0.85);
  });

  it('has SLA goals per project and metric, and KB articles per request type and language', () => {
    for (const project of ['IT', 'HR', 'FAC']) {
      const names = demo.site.slaGoals.filter((g) => g.projectKey === project).map((g) => g.name);
      expect(names.sort()).toEqual([SLA_TIME_TO_FIRST_RESPONSE, SLA_TIME_TO_RESOLUTION].sort());
    }
    const howTos = Object.keys(demo.planted.knowledge.articleTopic);
    expect(howTos.length).toBe(demo.site.requestTypes.length * 2);
    expect(demo.site.articles.length).toBeGreaterThan(howTos.length);
  });

  it('varies wording: many distinct summaries per request type, with noise', () => {
    const summaries = new Set(demo.site.tickets.map((t) => t.summary));
    expect(summaries.size).toBeGreaterThan(demo.site.tickets.length / 10);
    const texts = demo.site.tickets.map((t) => t.description).join('\n');
    expect(texts).toMatch(/https:\/\//);
    expect(texts).toMatch(/@example-corp\.(com|de)/);
    expect(texts).toMatch(/\b(10|192\.168)\.\d+\.\d+/);
    expect(texts).toMatch(/^> /m);
  });

  it('gives incidents JSM’s Impact, wider for higher priorities, often said in words', () => {
    const incidents = demo.site.tickets.filter((t) => t.issueType === 'Incident');
    expect(incidents.every((t) => typeof t.impact === 'string')).toBe(true);
    expect(demo.site.tickets.filter((t) => t.issueType !== 'Incident').every((t) => t.impact == null)).toBe(
      true,
    );
    const wideShare = (priority: string): number => {
      const ts = incidents.filter((t) => t.priority === priority);
      return (
        ts.filter((t) => t.impact === 'Extensive / Widespread' || t.impact === 'Significant / Large').length /
        ts.length
      );
    };
    expect(wideShare('Highest')).toBeGreaterThan(wideShare('Low'));
    const minor = incidents.filter((t) => t.impact === 'Minor / Localized');
    const said = minor.filter((t) =>
      /only my machine|just me|nur meinen Rechner|nur bei mir/i.test(t.description),
    );
    expect(said.length / minor.length).toBeGreaterThan(0.4);
  });

  it('copes with tiny and zero sizes', () => {
    expect(generateDemo({ tickets: 0 }).site.tickets).toEqual([]);
    const tiny = generateDemo({ tickets: 3, seed: 2 });
    expect(tiny.site.tickets.length).toBeGreaterThanOrEqual(3);
    expect(tiny.planted.incident.keys).toEqual([]);
  });
});
