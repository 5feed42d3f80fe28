import { DEFAULT_CONFIG } from '../../../src/contracts/config';
import type { RoutingSuggestion } from '../../../src/contracts/panel';
import { withoutWeakKinds } from '../../../src/core/train/route-quality';

const candidate = (id: string) => ({ id, name: id, score: 1, fit: 0.5, reasons: [], available: true });
const routing: RoutingSuggestion = {
  teams: [candidate('Network')],
  assignees: [{ ...candidate('a'), accountId: 'a' }],
  currentAssignee: null,
};
const weakAssignee = [{ kind: 'assignee' as const, accuracy: 0.17 }];

describe('withoutWeakKinds', () => {
  it('leaves out a weak kind and says which, keeping the others', () => {
    const shown = withoutWeakKinds(routing, weakAssignee, DEFAULT_CONFIG);
    expect(shown.assignees).toEqual([]);
    expect(shown.teams).toEqual(routing.teams);
    expect(shown.hidden).toEqual(weakAssignee);
  });

  it('shows everything when the admin asks for weak kinds, or a rule decided', () => {
    expect(
      withoutWeakKinds(routing, weakAssignee, { ...DEFAULT_CONFIG, routing: { showWeak: true } }),
    ).toEqual(routing);
    const ruled = { ...routing, decidedByRule: { id: 'r1', name: 'VPN to Network' } };
    expect(withoutWeakKinds(ruled, weakAssignee, DEFAULT_CONFIG)).toEqual(ruled);
  });

  it('changes nothing when no kind is weak', () => {
    expect(withoutWeakKinds(routing, [], DEFAULT_CONFIG)).toEqual(routing);
  });
});
