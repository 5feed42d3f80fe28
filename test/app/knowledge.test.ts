import type { PanelData } from '../../src/contracts/panel';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { ARTICLE_SHARE_FIELD } from '../../src/core/ports/storage';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(240_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ quickTraining: true, tickets: 200, trigger: false });
  await installAndTrain(h);
});
afterAll(() => h.close());

async function panel(issueKey: string, accountId = h.users.agent): Promise<PanelData> {
  const result = await h.app.resolvers[RESOLVERS.panelGet]({ issueKey, locale: 'en' }, { accountId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const knowledgeOf = (data: PanelData) => {
  if (data.knowledge?.status !== 'ok') throw new Error(`knowledge is ${JSON.stringify(data.knowledge)}`);
  return data.knowledge.data.articles;
};

/** A ticket (not a problem record, not mislabeled) of this type and language. */
function ticketOf(language: 'de' | 'en', requestType: string, nth = 0) {
  const typeId = h.seed.requestTypes.find((r) => r.name === requestType)?.id;
  const mislabeled = new Set(h.planted.mislabeled);
  const t = h.seed.tickets.filter(
    (x) => x.requestTypeId === typeId && x.language === language && !mislabeled.has(x.key),
  )[nth];
  if (!t) throw new Error(`no ${language} ${requestType} ticket`);
  return t;
}

describe('the panel’s knowledge section', () => {
  it.each([
    ['en', 'Email and calendar'],
    ['de', 'Email and calendar'],
    ['de', 'Reset a password'],
  ] as const)(
    'offers the %s how-to for a %s request among the first three, with why',
    async (language, type) => {
      const t = ticketOf(language, type);
      const articles = knowledgeOf(await panel(t.key));
      expect(articles.slice(0, 3).map((a) => a.pageId)).toContain(h.planted.knowledge.answers[t.key]?.[0]);
      const top = articles[0];
      expect(top?.language).toBe(language);
      expect(top?.sharedTerms.length).toBeGreaterThan(0);
      for (const [, end] of top?.snippetSpans ?? [])
        expect(end).toBeLessThanOrEqual(top?.snippet.length ?? 0);
      expect(top?.url).toMatch(/\/servicedesk\/customer\/portal\/\d+\/article\/\d+$/);
      expect(articles.length).toBeLessThanOrEqual(5);
    },
  );

  it('never shows a page the viewer may not read', async () => {
    const { pageId, readers } = h.planted.knowledge.restricted;
    const outsider = h.seed.users.find((u) => u.kind === 'agent' && !readers.includes(u.accountId));
    const vpn = h.planted.outages[0]?.keys ?? [];
    for (const key of vpn.slice(0, 3)) {
      const articles = knowledgeOf(await panel(key, outsider?.accountId));
      expect(articles.map((a) => a.pageId)).not.toContain(pageId);
    }
    const refused = await h.app.resolvers[RESOLVERS.panelShareArticle](
      { issueKey: vpn[0], pageId, title: 'Runbook: VPN gateway failover (network team only)' },
      { accountId: outsider?.accountId ?? '' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('shares an article as a public comment with its link, and then shows it as shared', async () => {
    const t = ticketOf('en', 'Request new software');
    const before = knowledgeOf(await panel(t.key));
    const article = before[0];
    if (!article) throw new Error('no article');
    expect(article.shared).toBe(false);
    const result = await h.app.resolvers[RESOLVERS.panelShareArticle](
      { issueKey: t.key, pageId: article.pageId, title: article.title },
      { accountId: h.users.agent },
    );
    expect(result.ok).toBe(true);
    const comment = h.site.issue(t.key)?.comments.at(-1);
    expect(comment?.internal).toBe(false);
    expect(JSON.stringify(comment?.body)).toContain(`/article/${article.pageId}`);
    expect(JSON.stringify(comment?.body)).toContain(article.title);
    const after = knowledgeOf(await panel(t.key)).find((a) => a.pageId === article.pageId);
    expect(after?.shared).toBe(true);
    const rows = await h.storage.feedback.articleFeedback(10);
    expect(rows[0]).toMatchObject({
      fieldId: ARTICLE_SHARE_FIELD,
      pageId: article.pageId,
      outcome: 'accepted',
    });
  });

  it('records helped / did not help with the other feedback, the latest decision counting', async () => {
    const t = ticketOf('de', 'Request new software');
    const article = knowledgeOf(await panel(t.key))[0];
    if (!article) throw new Error('no article');
    const rate = (helped: boolean) =>
      h.app.resolvers[RESOLVERS.panelArticleFeedback](
        { issueKey: t.key, pageId: article.pageId, helped },
        { accountId: h.users.agent },
      );
    expect((await rate(true)).ok).toBe(true);
    const shown = knowledgeOf(await panel(t.key)).find((a) => a.pageId === article.pageId);
    expect(shown).toMatchObject({ feedback: 'helped', helped: 1, notHelped: 0 });
    expect((await rate(false)).ok).toBe(true);
    // Now rated unhelpful on this ticket, it sinks (or leaves the five shown).
    const after = knowledgeOf(await panel(t.key)).map((a) => a.pageId);
    expect(after[0]).not.toBe(article.pageId);
    const [latest] = await h.storage.feedback.articleFeedback(1);
    expect(latest).toMatchObject({
      ticketId: h.site.issue(t.key)?.id,
      pageId: article.pageId,
      outcome: 'dismissed',
    });
    const metrics = await h.storage.feedback.dailyCounts(0);
    expect(metrics.some((m) => m.fieldId === 'knowledge' && m.dismissed === 1 && m.accepted === 1)).toBe(
      true,
    );
  });

  it('lifts an article shared on a similar past ticket and says so', async () => {
    // A planted duplicate pair whose panel lists the original among the similar tickets.
    let found: { pair: (typeof h.planted.duplicates)[number]; twin: PanelData } | null = null;
    for (const pair of h.planted.duplicates.filter((p) => p.original.startsWith('IT-'))) {
      const twin = await panel(pair.duplicate);
      const shown =
        twin.similar.status === 'ok' ? [...twin.similar.data.duplicates, ...twin.similar.data.related] : [];
      if (shown.some((s) => s.key === pair.original)) {
        found = { pair, twin };
        break;
      }
    }
    if (!found) throw new Error('no planted pair found as similar');
    const { pair, twin } = found;
    const before = knowledgeOf(twin);
    const second = before[1];
    if (!second) throw new Error('fewer than two articles');
    expect(second.solvedSimilar).toBe(0);
    const shared = await h.app.resolvers[RESOLVERS.panelShareArticle](
      { issueKey: pair.original, pageId: second.pageId, title: second.title },
      { accountId: h.users.agent },
    );
    expect(shared.ok).toBe(true);
    const after = knowledgeOf(await panel(pair.duplicate));
    const lifted = after.find((a) => a.pageId === second.pageId);
    expect(lifted?.solvedSimilar).toBe(1);
    expect(after.findIndex((a) => a.pageId === second.pageId)).toBeLessThanOrEqual(1);
  });

  it.each([
    { issueKey: 'IT-1', pageId: '../1', title: 'x' },
    { issueKey: 'IT-1', pageId: '1001', title: '' },
    { issueKey: 'IT-1', pageId: '1001', title: 'x'.repeat(300) },
    { issueKey: 'IT-1', pageId: '1001', helped: 'yes' },
  ])('refuses a malformed request %j', async (payload) => {
    const share = await h.app.resolvers[RESOLVERS.panelShareArticle](payload, { accountId: h.users.agent });
    const rate = await h.app.resolvers[RESOLVERS.panelArticleFeedback](payload, { accountId: h.users.agent });
    expect(share).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(rate).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
