import { DEFAULT_CONFIG, type FieldConfig } from '../../../src/contracts/config';
import { livePrecisionOf, MIN_DECISIONS, shouldDemote } from '../../../src/core/governance/drift';
import type { FeedbackEvent } from '../../../src/core/ports/storage';

const priority = DEFAULT_CONFIG.fields.find((f) => f.fieldId === 'priority');
if (priority === undefined) throw new Error('the default configuration has no priority');
const field: FieldConfig = { ...priority, mode: 'auto-apply' };
const row = (ticket: number, outcome: FeedbackEvent['outcome'], at = ticket): FeedbackEvent => ({
  at,
  ticketId: String(ticket),
  issueKey: `IT-${ticket}`,
  fieldId: 'priority',
  outcome,
  suggested: 'High',
  chosen: outcome === 'replaced' ? 'Low' : 'High',
  actor: 'a',
});

describe('live precision', () => {
  it('counts the latest decision per ticket: an auto-applied value later replaced is wrong', () => {
    // Newest first: ticket 1 was auto-applied, then replaced.
    const live = livePrecisionOf(field, [
      row(1, 'replaced', 10),
      row(2, 'accepted'),
      row(1, 'auto-applied', 1),
    ]);
    expect(live.decisions).toBe(2);
    expect(live.right).toBe(1);
    expect(live.perClass[0]).toMatchObject({ label: 'High', decisions: 2 });
  });

  it('demotes only with enough decisions and a lower bound below the target', () => {
    const healthy = Array.from({ length: 200 }, (_, i) => row(i, i % 50 === 0 ? 'replaced' : 'auto-applied'));
    expect(livePrecisionOf(field, healthy).precision.lo).toBeGreaterThan(0.9);
    expect(shouldDemote(livePrecisionOf(field, healthy))).toBe(false);
    const few = Array.from({ length: MIN_DECISIONS - 1 }, (_, i) => row(i, 'replaced'));
    expect(shouldDemote(livePrecisionOf(field, few))).toBe(false);
    const drifted = [...Array.from({ length: 12 }, (_, i) => row(1000 + i, 'replaced')), ...healthy];
    expect(shouldDemote(livePrecisionOf(field, drifted))).toBe(true);
  });
});
