import { dismisses } from '../../../src/core/knowledge/outage';
import type { FieldDecision } from '../../../src/core/suggest/suggestions';

const decision = (value: string, state: FieldDecision['state'] = 'dismissed'): FieldDecision => ({
  state,
  value,
  at: 0,
});

describe('an outage dismissal', () => {
  it('covers the outage while any name it recorded still names it', () => {
    expect(dismisses(decision('burst:IT-3 IT-9'), ['burst:IT-3'])).toBe(true);
    // A problem raised later for the same burst: still the outage the agent dismissed.
    expect(dismisses(decision('burst:IT-3'), ['burst:IT-3', 'IT-20'])).toBe(true);
    expect(dismisses(decision('IT-9 IT-12'), ['burst:IT-40', 'IT-12'])).toBe(true);
  });

  it('does not cover another outage, and only a dismissal counts', () => {
    expect(dismisses(decision('burst:IT-3 IT-9'), ['burst:IT-30', 'IT-19'])).toBe(false);
    expect(dismisses(decision('burst:IT-3'), [])).toBe(false);
    expect(dismisses(decision('burst:IT-3', 'reopened'), ['burst:IT-3'])).toBe(false);
    // Names are whole: IT-1 is not IT-12.
    expect(dismisses(decision('IT-12'), ['IT-1'])).toBe(false);
  });
});
