import { shownCandidates } from '../../src/app/engines/routing';
import type { RankedCandidate } from '../../src/engine/route';

function ranked(id: string, score: number, available = true): RankedCandidate {
  return { id, name: id, score, reasons: [], available };
}

describe('routing candidates as the panel shows them', () => {
  it('lists available candidates by their shown fit, never a lower figure above a higher one', () => {
    const shown = shownCandidates([
      ranked('a', 0.1),
      ranked('b', 0.5),
      ranked('c', 0.9, false),
      ranked('d', -2),
    ]);
    expect(shown.map((c) => c.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(shown[0]?.fit).toBeCloseTo(0.5 / 1.5);
    expect(shown.find((c) => c.id === 'd')?.fit).toBe(0);
  });

  it('shows no fit at all when nothing scored positive', () => {
    expect(shownCandidates([ranked('a', 0), ranked('b', -1)]).map((c) => c.fit)).toEqual([0, 0]);
  });
});
