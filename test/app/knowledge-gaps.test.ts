import { KnowledgeGaps } from '../../src/contracts/knowledge';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(240_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tickets: 300, trigger: false, quickTraining: true });
  await installAndTrain(h);
});
afterAll(() => h.close());

const gaps = (accountId: string) => h.twin().resolvers[RESOLVERS.adminKnowledgeGaps]({}, { accountId });

describe('knowledge gaps on the admin page', () => {
  it('lists groups of resolved tickets no article answers, by hours open, with a draft from a resolution', async () => {
    const result = await gaps(h.users.admin);
    if (!result.ok) throw new Error(result.error.message);
    const report = KnowledgeGaps.parse(result.data);
    expect(report.tickets).toBeGreaterThan(50);
    expect(report.answered).toBeGreaterThan(0);
    expect(report.articles).toBeGreaterThan(0);
    expect(report.gaps.length).toBeGreaterThan(0);
    const top = report.gaps[0];
    expect(top?.size).toBeGreaterThanOrEqual(3);
    expect(top?.outline.steps.length).toBeGreaterThan(0);
    // Every listed key is a resolved ticket the admin may open.
    for (const key of report.gaps.flatMap((g) => g.keys))
      expect(h.seed.tickets.find((x) => x.key === key)?.resolved).not.toBeNull();
    const hours = report.gaps.map((g) => g.hoursOpen);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
  });

  it('lists an article agents said did not help, from the panel’s feedback, with both counts', async () => {
    const article = h.seed.articles.find((a) => a.language === 'en' && a.restrictedTo === undefined);
    const open = h.seed.tickets.filter((t) => t.resolved === null && t.issueType !== 'Problem').slice(0, 4);
    if (!article || open.length < 4) throw new Error('demo too small');
    for (const t of open) {
      const rated = await h.app.resolvers[RESOLVERS.panelArticleFeedback](
        { issueKey: t.key, pageId: article.id, helped: false },
        { accountId: h.users.agent },
      );
      expect(rated.ok).toBe(true);
    }
    const result = await gaps(h.users.admin);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.unhelpful).toContainEqual({
      id: article.id,
      title: article.title,
      helped: 0,
      notHelped: 4,
    });
  });

  it('is for admins only', async () => {
    expect(await gaps(h.users.agent)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await gaps(h.users.customer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses options it does not know', async () => {
    const result = await h.app.resolvers[RESOLVERS.adminKnowledgeGaps](
      { since: 0 },
      { accountId: h.users.admin },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('knowledge gaps for an admin who may not see every ticket', () => {
  it('groups only tickets Jira shows them: no word, hour or count comes from a hidden one', async () => {
    const before = KnowledgeGaps.parse(((await gaps(h.users.admin)) as { ok: true; data: unknown }).data);
    const top = before.gaps[0];
    if (!top) throw new Error('no gap to hide');
    // Behind a level only the agent holds: the admin no longer sees the top group's tickets.
    h.site.securityLevels.set('11', {
      id: '11',
      name: 'Agents only',
      projectKey: '',
      memberIds: [h.users.agent],
    });
    const hidden = new Set(top.keys);
    for (const key of hidden) {
      const issue = h.site.issue(key);
      if (issue) issue.securityLevelId = '11';
    }
    try {
      const result = await gaps(h.users.admin);
      if (!result.ok) throw new Error(result.error.message);
      const after = KnowledgeGaps.parse(result.data);
      expect(after.tickets).toBe(before.tickets - hidden.size);
      for (const g of after.gaps) {
        expect(g.keys.some((k) => hidden.has(k))).toBe(false);
        expect(hidden.has(g.representative.key)).toBe(false);
      }
    } finally {
      for (const key of hidden) {
        const issue = h.site.issue(key);
        if (issue) issue.securityLevelId = null;
      }
      h.site.securityLevels.delete('11');
    }
  });
});
