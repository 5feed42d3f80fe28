import { DEFAULT_GAPS, knowledgeGaps } from '../../../src/engine/knowledge';
import type { GapArticle, GapTicket } from '../../../src/engine/knowledge';

const HOUR = 3_600_000;
let n = 0;
function ticket(
  summary: string,
  description: string,
  resolution: string,
  hours: number,
  linked: string[] = [],
): GapTicket {
  n += 1;
  return {
    key: `IT-${n}`,
    summary,
    description,
    resolution,
    createdMs: n * HOUR,
    resolvedMs: n * HOUR + hours * HOUR,
    linkedArticles: linked,
  };
}

const VPN: GapArticle = {
  id: '1001',
  title: 'Connect to the VPN with GlobalProtect',
  text: 'Open GlobalProtect, enter the portal vpn.example.com and sign in. If the VPN does not connect, restart GlobalProtect.',
};

describe('knowledge gaps', () => {
  const printer = [
    ticket(
      'Printer on floor 3 shows paper jam',
      'The printer on floor 3 jams on every page.',
      'Opened tray 2 and removed the jammed paper. Cleaned the rollers.',
      5,
    ),
    ticket(
      'Paper jam in the floor 3 printer',
      'Printer jams again, paper stuck.',
      'Removed jammed paper from tray 2.',
      3,
    ),
    ticket(
      'floor 3 printer paper jam again',
      'paper jam, printer blinks orange',
      'Cleared the paper jam and cleaned the rollers.',
      4,
    ),
  ];
  const vpn = [
    ticket(
      'VPN does not connect',
      'GlobalProtect does not connect to the VPN portal.',
      'Restarted GlobalProtect.',
      2,
    ),
    ticket(
      'GlobalProtect VPN not connecting',
      'Cannot connect to VPN with GlobalProtect.',
      'See article.',
      2,
      ['1001'],
    ),
    ticket(
      'VPN GlobalProtect sign in fails',
      'VPN portal sign in fails in GlobalProtect.',
      'Signed in again.',
      1,
    ),
  ];

  it('finds the printer jams no article answers, with the volume, the hours and a draft outline', () => {
    const report = knowledgeGaps({ tickets: [...printer, ...vpn], articles: [VPN] });
    expect(report.tickets).toBe(6);
    expect(report.answered).toBe(3);
    expect(report.gaps).toHaveLength(1);
    const gap = report.gaps[0];
    expect(gap?.size).toBe(3);
    expect(gap?.hoursOpen).toBe(12);
    expect(gap?.keys).toEqual(printer.map((t) => t.key));
    expect(gap?.terms.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['jam']));
    expect(gap?.outline.steps.length).toBeGreaterThan(0);
    expect(printer.map((t) => t.key)).toContain(gap?.representative.key);
  });

  it('ranks gaps by the hours their tickets were open', () => {
    const slow = [1, 2, 3].map(() =>
      ticket(
        'Laptop docking station no display',
        'Docking station shows no display on the monitor.',
        'Updated the dock firmware.',
        40,
      ),
    );
    const report = knowledgeGaps({ tickets: [...printer, ...slow], articles: [VPN] });
    expect(report.gaps.map((g) => g.size)).toEqual([3, 3]);
    expect(report.gaps[0]?.keys).toEqual(slow.map((t) => t.key));
  });

  it('counts a ticket whose reply links an article as answered, even one not passed in', () => {
    const linked = printer.map((t) => ({ ...t, linkedArticles: ['9999'] }));
    expect(knowledgeGaps({ tickets: linked, articles: [VPN] })).toMatchObject({ answered: 3, gaps: [] });
  });

  it('a group smaller than the minimum is no gap', () => {
    expect(knowledgeGaps({ tickets: printer.slice(0, 2), articles: [] }).gaps).toEqual([]);
  });

  it('lists an article rated unhelpful by enough agents when “did not help” dominates', () => {
    const report = knowledgeGaps({
      tickets: [],
      articles: [
        { ...VPN, notHelped: 3, helped: 0 },
        {
          id: '1002',
          title: 'Reset a password',
          text: 'Use the self-service portal.',
          notHelped: 5,
          helped: 1,
        },
        { id: '1003', title: 'Order a laptop', text: 'Use the catalogue.', notHelped: 2 },
        // Helped 2 of 6 times: a third, more than the quarter that still counts as never helpful.
        { id: '1007', title: 'Book a room', text: 'Use Outlook.', notHelped: 4, helped: 2 },
      ],
    });
    // 1002: 5 × did not help, 1 × helped (a sixth); 1001: 3 ×, never helped; 1003: too few ratings.
    expect(report.unhelpful).toEqual([
      { id: '1002', title: 'Reset a password', helped: 1, notHelped: 5 },
      { id: '1001', title: VPN.title, helped: 0, notHelped: 3 },
    ]);
  });

  it('flags two articles answering the same tickets differently, with the tickets and the words that differ', () => {
    const resets = [1, 2, 3, 4].map((i) =>
      ticket(
        `Password expired, cannot log in (${i})`,
        'My Windows password expired and I cannot log in to the laptop.',
        'Reset the password.',
        1,
      ),
    );
    const selfService: GapArticle = {
      id: '2001',
      title: 'Expired password',
      text: 'Your Windows password expired and you cannot log in? Open the self-service portal on your phone, choose reset and follow the SMS code.',
    };
    const callDesk: GapArticle = {
      id: '2002',
      title: 'Cannot log in to the laptop',
      text: 'Password expired on the laptop: call the service desk hotline, an agent sets a temporary password by phone after checking your identity.',
    };
    const report = knowledgeGaps({ tickets: resets, articles: [selfService, callDesk] });
    expect(report.conflicting).toHaveLength(1);
    const c = report.conflicting[0];
    // Titles share no word: the tickets they both answer say it is one question.
    expect(c?.questionSimilarity).toBeLessThan(DEFAULT_GAPS.sameQuestion);
    expect(c?.sharedTickets).toBe(4);
    expect(c?.sharedKeys).toEqual(resets.map((t) => t.key));
    expect(c?.answerSimilarity).toBeLessThan(DEFAULT_GAPS.differentAnswer);
    expect(c?.onlyA.length).toBeGreaterThan(0);
    expect(c?.onlyB.length).toBeGreaterThan(0);
    expect(c?.onlyA.some((w) => c.onlyB.includes(w))).toBe(false);
    // Fewer shared tickets than the minimum: no evidence of one question.
    const few = knowledgeGaps({ tickets: resets.slice(0, 2), articles: [selfService, callDesk] });
    expect(few.conflicting).toEqual([]);
  });

  it('flags two articles asking the same with different answers, not translations or variants', () => {
    const report = knowledgeGaps({
      tickets: [],
      articles: [
        VPN,
        {
          id: '1004',
          title: 'Connect to the VPN with GlobalProtect',
          text: 'Call the service desk and ask for a temporary token; the VPN is only for managers.',
        },
        {
          id: '1005',
          title: 'Mit GlobalProtect ins VPN verbinden',
          text: 'GlobalProtect öffnen, Portal vpn.example.com eingeben und anmelden.',
        },
        {
          id: '1006',
          title: 'Connect to the VPN with GlobalProtect (Mac)',
          text: 'Open GlobalProtect, enter the portal vpn.example.com and sign in. If the VPN does not connect, restart GlobalProtect on the Mac.',
        },
      ],
    });
    // 1004 answers the same question differently from both English variants; 1001 and 1006 agree.
    expect(report.conflicting.map((c) => `${c.a.id}-${c.b.id}`).sort()).toEqual(['1001-1004', '1004-1006']);
    expect(report.conflicting.some((c) => [c.a.id, c.b.id].includes('1005'))).toBe(false);
  });

  it('refuses parameters out of range', () => {
    expect(() =>
      knowledgeGaps({ tickets: [], articles: [], params: { ...DEFAULT_GAPS, minClusterSize: 1 } }),
    ).toThrow();
  });
});
