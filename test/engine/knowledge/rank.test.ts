import {
  articleIdsIn,
  bestPassage,
  portalArticleUrl,
  rankArticles,
  type ArticleDoc,
  type QueryTermWeight,
} from '../../../src/engine/knowledge';

const vpnEn: ArticleDoc = {
  id: '1',
  title: 'Fix VPN connection problems (GlobalProtect)',
  text: 'Typical symptoms:\n- VPN not connecting\n- GlobalProtect keeps disconnecting\n\nHow we solve it:\n- Reinstalled the VPN client and cleared the cached portal.',
};
const vpnDe: ArticleDoc = {
  id: '2',
  title: 'VPN-Verbindungsprobleme beheben (GlobalProtect)',
  text: 'Typische Anzeichen:\n- VPN verbindet nicht\n- GlobalProtect trennt ständig\n\nSo lösen wir es:\n- VPN-Client neu installiert und Portal-Cache geleert.',
};
const printer: ArticleDoc = {
  id: '3',
  title: 'Printer offline, paper jams and scan to email',
  text: 'The printer lost its IP reservation; restart the spooler.',
};
const term = (t: string, weight: number, surface = t): QueryTermWeight => ({
  term: t,
  weight,
  surfaces: [surface],
});

describe('rankArticles', () => {
  const query = [
    term('vpn', 3),
    term('globalprotect', 4, 'GlobalProtect'),
    term('disconnect', 2, 'disconnecting'),
  ];

  it('ranks the article sharing the ticket’s distinctive words first and leaves unrelated ones out', () => {
    const ranked = rankArticles(query, [printer, vpnDe, vpnEn], { ticketLanguage: 'en' });
    expect(ranked.map((r) => r.id)).toEqual(['1', '2']);
    expect(ranked[0]?.sharedTerms.map((s) => s.term)).toEqual(['globalprotect', 'vpn', 'disconnect']);
    expect(ranked[0]?.sharedTerms[0]?.articleSurface).toBe('globalprotect');
  });

  it('prefers the article in the ticket’s language when the words tie', () => {
    const both = [term('vpn', 3), term('globalprotect', 4)];
    expect(rankArticles(both, [vpnEn, vpnDe], { ticketLanguage: 'de' })[0]?.id).toBe('2');
    expect(rankArticles(both, [vpnEn, vpnDe], { ticketLanguage: 'en' })[0]?.id).toBe('1');
  });

  it('lifts an article that solved similar tickets and sinks one agents found unhelpful', () => {
    const evidence = new Map([
      ['2', { solvedSimilar: 2, helped: 3, notHelped: 0 }],
      ['1', { solvedSimilar: 0, helped: 0, notHelped: 4 }],
    ]);
    expect(rankArticles(query, [vpnEn, vpnDe], { ticketLanguage: 'en', evidence })[0]?.id).toBe('2');
  });

  it('keeps an article with no shared word only when it solved similar tickets', () => {
    const evidence = new Map([['3', { solvedSimilar: 1, helped: 0, notHelped: 0 }]]);
    const ranked = rankArticles(query, [printer], { ticketLanguage: 'en', evidence });
    expect(ranked.map((r) => r.id)).toEqual(['3']);
    expect(ranked[0]?.sharedTerms).toEqual([]);
    expect(rankArticles([], [vpnEn], { ticketLanguage: 'en' })).toEqual([]);
  });

  it('quotes the passage with most shared weight and marks the shared words in it', () => {
    const ranked = rankArticles(query, [vpnEn], { ticketLanguage: 'en' });
    const snippet = ranked[0]?.snippet;
    expect(snippet?.text).toBe('- GlobalProtect keeps disconnecting');
    expect(snippet?.spans.map(([a, b]) => snippet.text.slice(a, b))).toEqual([
      'GlobalProtect',
      'disconnecting',
    ]);
  });
});

describe('bestPassage', () => {
  it('cuts a long passage around its first match and stays bounded', () => {
    const long = `${'filler words here '.repeat(40)}the spooler restarts ${'more filler '.repeat(40)}`;
    const p = bestPassage(long, new Map([['spooler', 1]]), 'en');
    expect(p.text.length).toBeLessThanOrEqual(240);
    expect(p.spans.map(([a, b]) => p.text.slice(a, b))).toEqual(['spooler']);
  });
});

describe('article links', () => {
  it('finds shared help-center, REST and Confluence links, bounded', () => {
    const text =
      'See https://x.atlassian.net/servicedesk/customer/portal/1/article/1003 and /rest/servicedeskapi/knowledgebase/article/view/77 and /wiki/spaces/IT/pages/5/Title';
    expect(articleIdsIn(text)).toEqual(['1003', '77', '5']);
    expect(articleIdsIn('/article/12 /portal/x/article/13')).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) => `/knowledgebase/article/view/${i + 1}`).join(' ');
    expect(articleIdsIn(many)).toHaveLength(10);
    expect(portalArticleUrl('https://x.atlassian.net/', '2', '9')).toBe(
      'https://x.atlassian.net/servicedesk/customer/portal/2/article/9',
    );
  });
});
