import { InputError } from '../../../src/engine/errors';
import {
  detectRecurring,
  dismissCluster,
  emptyDismissals,
  expireDismissals,
  parseDismissals,
} from '../../../src/engine/recurring';
import { SimilarityIndex } from '../../../src/engine/similar';
import type { TicketDoc } from '../../../src/engine/similar';
import { DESK } from '../similar/fixtures';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 8);

const outage = (i: number, hours: number, extra: Partial<TicketDoc> = {}): TicketDoc => ({
  id: `OUT-${i}`,
  summary:
    i % 2 === 0
      ? 'Email server not reachable, Outlook disconnected'
      : 'Outlook cannot connect to the email server',
  description: 'Outlook shows disconnected from the email server since this morning.',
  createdMs: T0 + hours * HOUR,
  ...extra,
});

const source = (): SimilarityIndex => {
  const index = new SimilarityIndex();
  for (const t of DESK) index.add(t);
  for (let i = 0; i < 30; i++)
    index.add({
      id: `BG-${i}`,
      summary: `misc request number ${i}`,
      description: 'please help with my laptop settings',
    });
  return index;
};

const NOW = T0 + 24 * HOUR;

describe('detectRecurring', () => {
  it('groups at least N similar tickets within T hours, with terms, members and first/last seen', () => {
    const tickets = [
      outage(0, 0),
      outage(1, 1),
      outage(2, 3),
      ...DESK.map((t) => ({ ...t, createdMs: T0 + 2 * HOUR })),
    ];
    const [cluster, ...rest] = detectRecurring({ tickets, nowMs: NOW, source: source() });
    expect(rest).toHaveLength(0);
    expect(cluster?.memberIds).toEqual(['OUT-0', 'OUT-1', 'OUT-2']);
    expect(cluster?.key).toBe('OUT-0');
    expect(cluster?.firstSeenMs).toBe(T0);
    expect(cluster?.lastSeenMs).toBe(T0 + 3 * HOUR);
    expect(cluster?.terms).toEqual(expect.arrayContaining(['outlook']));
    expect(cluster?.problemLinked).toBe(false);
  });

  it('needs the N tickets within one T-hour span, and ignores tickets outside the look-back', () => {
    const spread = [outage(0, 0), outage(1, 30), outage(2, 60)];
    expect(detectRecurring({ tickets: spread, nowMs: T0 + 61 * HOUR, source: source() })).toEqual([]);
    const old = [outage(0, -500), outage(1, -499), outage(2, -498)];
    expect(detectRecurring({ tickets: old, nowMs: NOW, source: source() })).toEqual([]);
  });

  it('says when a problem ticket already links the cluster', () => {
    const tickets = [outage(0, 0), outage(1, 1, { linkedIds: ['PRB-7'] }), outage(2, 2)];
    const [cluster] = detectRecurring({
      tickets,
      nowMs: NOW,
      source: source(),
      problemIds: new Set(['PRB-7']),
    });
    expect(cluster?.problemLinked).toBe(true);
    expect(cluster?.problemIds).toEqual(['PRB-7']);
  });

  it('remembers a dismissal until the cluster more than doubles', () => {
    const first = [outage(0, 0), outage(1, 1), outage(2, 2)];
    const [cluster] = detectRecurring({ tickets: first, nowMs: NOW, source: source() });
    const state = dismissCluster(emptyDismissals(), cluster!, NOW);
    // Round trip through storage: the state is plain JSON, validated on the way back.
    const stored = parseDismissals(JSON.parse(JSON.stringify(state)));
    expect(detectRecurring({ tickets: first, nowMs: NOW, source: source(), dismissed: stored })).toEqual([]);
    const grown = [...first, outage(3, 3), outage(4, 4), outage(5, 5), outage(6, 6)];
    const back = detectRecurring({ tickets: grown, nowMs: NOW, source: source(), dismissed: stored });
    expect(back[0]?.memberIds).toHaveLength(7);
    expect(expireDismissals(stored, NOW + 40 * 24 * HOUR, 30).dismissed).toEqual([]);
  });

  it('has defined results for empty and odd input', () => {
    expect(detectRecurring({ tickets: [], nowMs: NOW, source: new SimilarityIndex() })).toEqual([]);
    const blank = [0, 1, 2].map((i) => ({ id: `B${i}`, summary: '', createdMs: T0 + i * HOUR }));
    expect(detectRecurring({ tickets: blank, nowMs: NOW, source: source() })).toEqual([]);
    const hostile = [0, 1, 2].map((i) => ({
      id: i === 0 ? '__proto__' : `H${i}`,
      summary: 'constructor <script> prototype outage',
      createdMs: T0 + i * HOUR,
    }));
    expect(detectRecurring({ tickets: hostile, nowMs: NOW, source: source() })[0]?.memberIds).toHaveLength(3);
  });

  it.each([
    [{ minTickets: 1, windowHours: 24, minSimilarity: 0.4, lookbackHours: 24 }],
    [{ minTickets: 3, windowHours: 0, minSimilarity: 0.4, lookbackHours: 24 }],
    [{ minTickets: 3, windowHours: 24, minSimilarity: 1.5, lookbackHours: 24 }],
  ])('rejects a bad configuration %j', (config) => {
    expect(() => detectRecurring({ tickets: [], nowMs: NOW, source: source(), config })).toThrow(InputError);
  });

  it('rejects malformed stored dismissals', () => {
    expect(() =>
      parseDismissals({ kind: 'triage-lens/recurring-dismissals', version: 2, dismissed: [] }),
    ).toThrow(InputError);
    expect(() => parseDismissals(null)).toThrow(InputError);
  });
});
