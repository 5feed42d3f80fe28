import { explainMatch, howSolved, SimilarityIndex } from '../../../src/engine/similar';
import type { TicketDoc } from '../../../src/engine/similar';
import { DESK } from './fixtures';

const index = new SimilarityIndex();
for (const t of DESK) index.add(t);

const textOf = (t: TicketDoc, field: string): string =>
  field === 'summary'
    ? t.summary
    : field === 'description'
      ? (t.description ?? '')
      : (t.comments ?? []).join('\n');

describe('explainMatch', () => {
  it('lists shared distinctive words, rarest first, and highlights them as written in both texts', () => {
    const query: TicketDoc = {
      id: 'Q',
      summary: 'VPN keeps disconnecting at home',
      description: 'The VPN client drops.',
    };
    const match = DESK.find((t) => t.id === 'EN-5')!;
    const e = explainMatch(query, match, index);
    const terms = e.sharedTerms.map((s) => s.term);
    expect(terms).toEqual(expect.arrayContaining(['vpn', 'disconnect', 'home']));
    // "disconnect" (2 tickets) is rarer than "vpn" (3 tickets), so it comes first.
    expect(terms.indexOf('disconnect')).toBeLessThan(terms.indexOf('vpn'));
    for (const [ticket, spans] of [
      [query, e.queryHighlights],
      [match, e.candidateHighlights],
    ] as const) {
      expect(spans.length).toBeGreaterThan(0);
      for (const h of spans) {
        const word = textOf(ticket, h.field).slice(h.start, h.end).toLowerCase();
        const shared = e.sharedTerms.find((s) => s.term === h.term)!;
        expect(ticket === query ? shared.querySurfaces : shared.candidateSurfaces).toContain(word);
      }
    }
    expect(
      e.queryHighlights.some((h) => textOf(query, h.field).slice(h.start, h.end) === 'disconnecting'),
    ).toBe(true);
    expect(
      e.candidateHighlights.some((h) => textOf(match, h.field).slice(h.start, h.end) === 'disconnects'),
    ).toBe(true);
  });

  it('works for German text with umlauts and ß', () => {
    const query: TicketDoc = {
      id: 'Q',
      summary: 'Drucker: Papierstau, Straße 5',
      description: 'Der Drucker meldet Papierstau.',
    };
    const e = explainMatch(
      query,
      DESK.find((t) => t.id === 'DE-1')!,
      index,
    );
    expect(e.sharedTerms.map((s) => s.querySurfaces[0])).toEqual(
      expect.arrayContaining(['drucker', 'papierstau']),
    );
  });

  it('never highlights or lists any part of an identifying value', () => {
    const query: TicketDoc = {
      id: 'Q',
      summary: 'mail from payroll',
      description: 'Write to payroll@example.com or see https://payroll.example.com/help',
    };
    const other: TicketDoc = {
      id: 'O',
      summary: 'payroll question',
      description: 'payroll@example.com bounced, https://payroll.example.com down',
    };
    const e = explainMatch(query, other, index);
    for (const [t, spans] of [
      [query, e.queryHighlights],
      [other, e.candidateHighlights],
    ] as const) {
      for (const h of spans) {
        const before = textOf(t, h.field).slice(Math.max(0, h.start - 1), h.start);
        expect(before).not.toMatch(/[@./]/);
      }
    }
    expect(e.sharedTerms.map((s) => s.term)).not.toContain('example');
    expect(e.sharedTerms.every((s) => !s.term.startsWith('⟨'))).toBe(true);
  });

  it('gives an empty explanation for tickets with nothing in common, and survives hostile text', () => {
    const e = explainMatch(
      { id: 'A', summary: '__proto__ constructor <script>' },
      { id: 'B', summary: '' },
      index,
    );
    expect(e).toEqual({ sharedTerms: [], queryHighlights: [], candidateHighlights: [] });
    const h = explainMatch(
      { id: 'A', summary: 'constructor <script>' },
      { id: 'B', summary: 'constructor script' },
      new SimilarityIndex(),
    );
    expect(h.sharedTerms.map((s) => s.term)).toEqual(expect.arrayContaining(['constructor', 'script']));
  });
});

describe('howSolved', () => {
  it('is undefined for an unresolved ticket', () => {
    expect(howSolved({ id: 'A', summary: 'x', resolution: '' }, index)).toBeUndefined();
    expect(howSolved({ id: 'A', summary: 'x', resolution: 'Unresolved' }, index)).toBeUndefined();
    expect(howSolved({ id: 'A', summary: 'x' }, index)).toBeUndefined();
  });

  it('picks the most informative closing sentence, masked, over a thank-you note', () => {
    const solved = howSolved(
      {
        id: 'A',
        summary: 'VPN drops',
        resolution: 'Fixed',
        resolvedMs: 5,
        comments: [
          'Looking into it.',
          'Reinstalled the VPN client and disabled the wifi power saving, ask jane@example.com for the script. Thanks!',
          'Thanks, closing.',
        ],
      },
      index,
    );
    expect(solved?.resolution).toBe('Fixed');
    expect(solved?.resolvedMs).toBe(5);
    expect(solved?.excerpt?.commentIndex).toBe(1);
    expect(solved?.excerpt?.text).toContain('Reinstalled the VPN client');
    expect(solved?.excerpt?.text).not.toContain('jane@example.com');
  });

  it('has no excerpt without comments and bounds long ones', () => {
    expect(howSolved({ id: 'A', summary: 'x', resolution: 'Done' }, index)).toEqual({ resolution: 'Done' });
    const long = howSolved(
      { id: 'A', summary: 'x', resolution: 'Done', comments: [`restart ${'nodemanager '.repeat(5000)}`] },
      index,
    );
    expect(long?.excerpt?.text.length).toBeLessThanOrEqual(300);
  });
});

describe('explainMatch on long texts', () => {
  it('highlights within the indexed part of a 10 MB description, quickly', () => {
    const huge = `VPN tunnel fails. ${'filler words here '.repeat(600_000)}`;
    const start = performance.now();
    const e = explainMatch(
      { id: 'Q', summary: 'VPN tunnel' },
      { id: 'C', summary: 'x', description: huge },
      index,
    );
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(e.candidateHighlights.map((h) => huge.slice(h.start, h.end))).toEqual(['VPN', 'tunnel']);
  });

  it('gives comment offsets into the whole thread even when only the latest comments were indexed', () => {
    const comments = ['old '.repeat(6_000), 'Replaced the docking station firmware'];
    const e = explainMatch(
      { id: 'Q', summary: 'docking station firmware' },
      // A summary in the query's language, so both are stemmed alike (a bare 'x' reads as 'other').
      { id: 'C', summary: 'Dock keeps failing', comments },
      index,
    );
    const thread = comments.join('\n');
    const words = e.candidateHighlights
      .filter((h) => h.field === 'comments')
      .map((h) => thread.slice(h.start, h.end));
    expect(words).toEqual(['docking', 'station', 'firmware']);
  });
});

describe('explainMatch evidence', () => {
  it('never lists function words of either language, sign-offs or the names of who signs', () => {
    const query: TicketDoc = {
      id: 'Q',
      summary: 'Outlook says my password is wrong',
      description: 'Hi Olivia,\nI am at the end of my tether, eg it says me no.\nCheers,\nMark',
    };
    const candidate: TicketDoc = {
      id: 'C',
      summary: 'Outlook password prompt says wrong',
      description: 'Hallo,\nam Ende: eg it says me no again.\nCheers,\nMark',
    };
    const terms = explainMatch(query, candidate, index).sharedTerms.flatMap((s) => s.querySurfaces);
    expect(terms).toEqual(expect.arrayContaining(['outlook', 'password']));
    for (const noise of ['am', 'end', 'says', 'cheers', 'me', 'eg', 'mark'])
      expect(terms).not.toContain(noise);
  });
});
