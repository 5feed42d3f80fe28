import type { JiraPort } from '../../../src/core/ports/jira';
import { createJiraPort } from '../../../src/adapters/jira/jira-port';
import { emulatorAuthorization, fetchTransport } from '../../../src/local/adapters/http-jira-transport';
import { startFixture, type EmulatorFixture } from './fixture';

let fx: EmulatorFixture;
const port = (auth: Parameters<typeof emulatorAuthorization>[0]): JiraPort =>
  createJiraPort(fetchTransport({ baseUrl: fx.emulator.url }, emulatorAuthorization(auth)));
const get = async (path: string, as = 'Bearer app') => {
  const res = await fetch(`${fx.emulator.url}${path}`, { headers: { Authorization: as } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.emulator.close();
});

describe('the emulator’s JSM knowledge base', () => {
  it('searches one desk’s knowledge base only, in JSM’s order', async () => {
    const desks = await port({ kind: 'app' }).getServiceDesks();
    const itDesk = desks.find((d) => d.projectKey === 'IT');
    const hr = desks.find((d) => d.projectKey === 'HR');
    const inIt = await port({ kind: 'app' }).searchDeskKnowledgeBase(
      itDesk?.id ?? '',
      'VPN GlobalProtect',
      10,
    );
    expect(inIt[0]?.title).toMatch(/VPN/);
    expect(inIt.every((a) => a.spaceKey === 'IT')).toBe(true);
    expect(
      await port({ kind: 'app' }).searchDeskKnowledgeBase(hr?.id ?? '', 'VPN GlobalProtect', 10),
    ).toEqual([]);
  });

  it('matches words by their beginning and knows no stemming or translation', async () => {
    const app = port({ kind: 'app' });
    const prefix = await app.searchKnowledgeBase('Drucker', 5);
    expect(prefix.some((a) => /Drucker/.test(a.title))).toBe(true);
    // "printers" is longer than the articles' "printer": JSM's plain matching finds nothing for it.
    expect((await app.searchKnowledgeBase('printers', 5)).some((a) => /Printer/.test(a.title))).toBe(false);
  });

  it('highlights matches in title and excerpt only when asked', async () => {
    const plain = await get('/rest/servicedeskapi/knowledgebase/article?query=vpn&highlight=false');
    expect(JSON.stringify(plain.json)).not.toContain('@@@hl@@@');
    const marked = await get('/rest/servicedeskapi/knowledgebase/article?query=vpn&highlight=true');
    const values = marked.json.values as { title: string; excerpt: string }[];
    expect(values[0]?.title).toMatch(/@@@hl@@@VPN[^@]*@@@endhl@@@/);
  });

  it('pages with next and prev links that lead to the neighbouring pages', async () => {
    const first = await get('/rest/servicedeskapi/knowledgebase/article?query=the%20and%20die%20und&limit=2');
    const links = first.json._links as { next?: string; prev?: string };
    expect(first.json.isLastPage).toBe(false);
    expect(links.prev).toBeUndefined();
    const next = await get(new URL(links.next ?? '').pathname + new URL(links.next ?? '').search);
    expect(next.json.start).toBe(2);
    const back = (next.json._links as { prev?: string }).prev ?? '';
    const prev = await get(new URL(back).pathname + new URL(back).search);
    expect(prev.json.values).toEqual(first.json.values);
  });

  it('hides a restricted page from everyone it does not list, in search and view', async () => {
    const { pageId, readers } = fx.demo.planted.knowledge.restricted;
    const reader = readers[0] ?? '';
    const outsider = fx.demo.site.users.find((u) => u.kind === 'agent' && !readers.includes(u.accountId));
    const asReader = await port({ kind: 'user', accountId: reader }).searchKnowledgeBase(
      'VPN gateway failover',
      10,
    );
    expect(asReader.map((a) => a.pageId)).toContain(pageId);
    const asOutsider = port({ kind: 'user', accountId: outsider?.accountId ?? '' });
    expect(
      (await asOutsider.searchKnowledgeBase('VPN gateway failover', 10)).map((a) => a.pageId),
    ).not.toContain(pageId);
    await expect(asOutsider.viewArticle(pageId)).rejects.toMatchObject({ kind: 'not_found' });
    expect(await port({ kind: 'user', accountId: reader }).viewArticle(pageId)).toMatch(/standby gateway/);
  });

  it('renders an article as HTML the client reads back as plain text', async () => {
    const raw = await get('/rest/servicedeskapi/knowledgebase/article/view/1003');
    expect(typeof raw.json).toBe('string');
    expect(raw.json as unknown as string).toMatch(/^<div class="wiki-content"><p>/);
    const text = await port({ kind: 'app' }).viewArticle('1003');
    expect(text).not.toMatch(/<|&amp;/);
    expect(text).toMatch(/^- /m);
  });
});
