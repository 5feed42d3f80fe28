import { generateDemo, type DemoSite } from '../../../src/local/demo/generate';

let demo: DemoSite;
beforeAll(() => {
  demo = generateDemo({ tickets: 1500, seed: 3 });
});

describe('demo knowledge base and outages', () => {
  it('has a how-to per request type in English and German, each in its desk’s space', () => {
    const { articleTopic } = demo.planted.knowledge;
    for (const type of demo.site.requestTypes) {
      const desk = demo.site.serviceDesks.find((d) => d.id === type.serviceDeskId);
      const ids = Object.entries(articleTopic).filter(([, t]) => t.requestType === type.name);
      expect(ids.map(([, t]) => t.language).sort()).toEqual(['de', 'en']);
      for (const [id] of ids)
        expect(demo.site.articles.find((a) => a.id === id)?.projectKey).toBe(desk?.projectKey);
    }
    const german = demo.site.articles.filter((a) => a.language === 'de');
    expect(german.every((a) => !/How we solve it/.test(a.body))).toBe(true);
  });

  it('answers every request with its true type’s articles, its own language first', () => {
    const { answers, articleTopic } = demo.planted.knowledge;
    const mislabeled = new Set(demo.planted.mislabeled);
    const typeName = new Map(demo.site.requestTypes.map((r) => [r.id, r.name]));
    let checked = 0;
    for (const t of demo.site.tickets) {
      if (t.issueType === 'Problem') {
        expect(answers[t.key]).toBeUndefined();
        continue;
      }
      const ids = answers[t.key] ?? [];
      expect(ids).toHaveLength(2);
      expect(articleTopic[ids[0] ?? '']?.language).toBe(t.language);
      if (!mislabeled.has(t.key)) {
        expect(articleTopic[ids[0] ?? '']?.requestType).toBe(typeName.get(t.requestTypeId ?? ''));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('restricts the network runbook to the network team', () => {
    const { pageId, readers } = demo.planted.knowledge.restricted;
    const runbook = demo.site.articles.find((a) => a.id === pageId);
    expect(runbook?.restrictedTo).toEqual(readers);
    const network = demo.site.teams.find((t) => t.name === 'Network');
    expect(readers.length).toBeGreaterThan(0);
    for (const id of readers)
      expect(demo.site.users.find((u) => u.accountId === id)?.teamId).toBe(network?.id);
  });

  it('plants an old and an ongoing burst, each with an open problem record linked to some of it', () => {
    const { outages } = demo.planted;
    expect(outages.map((o) => o.requestType)).toEqual(['VPN and remote access', 'Email and calendar']);
    const byKey = new Map(demo.site.tickets.map((t) => [t.key, t]));
    const ongoing = outages[1];
    expect(ongoing && demo.site.now - ongoing.start).toBeLessThanOrEqual(3 * 3_600_000);
    expect(ongoing?.keys.length).toBeGreaterThanOrEqual(8);
    for (const o of outages) {
      const problem = byKey.get(o.problemKey);
      expect(problem).toMatchObject({
        issueType: 'Problem',
        statusCategory: 'indeterminate',
        requestTypeId: null,
      });
      expect(problem && problem.created).toBeGreaterThan(o.start);
      const linked = demo.site.links.filter(
        (l) => l.type === 'Problem/Incident' && l.inwardKey === o.problemKey,
      );
      expect(linked.length).toBeGreaterThan(0);
      for (const l of linked) expect(o.keys).toContain(l.outwardKey);
    }
    expect(outages[0]?.keys).toEqual(demo.planted.incident.keys);
  });

  it('records shared article links in some closing comments, pointing at the right article', () => {
    const { answers } = demo.planted.knowledge;
    const shared = demo.site.tickets.filter((t) =>
      t.comments.some((c) => /\/servicedesk\/customer\/portal\/\d+\/article\/\d+/.test(c.body)),
    );
    expect(shared.length).toBeGreaterThan(50);
    for (const t of shared) {
      const id = /\/article\/(\d+)/.exec(t.comments.map((c) => c.body).join('\n'))?.[1];
      expect(answers[t.key]?.[0]).toBe(id);
      expect(t.resolved).not.toBeNull();
    }
  });
});
