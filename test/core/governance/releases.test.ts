import type { FieldModel } from '../../../src/core/ports/engines';
import { compare, notWorse, type Candidate } from '../../../src/core/governance/releases';
import { pairedDifference, wilson } from '../../../src/core/governance/stats';
import type { Ticket } from '../../../src/core/shared/ticket';

const always = (label: string): FieldModel =>
  ({
    labels: [label],
    targetPrecision: 0.9,
    predict: () => ({ ranked: [{ label, probability: 0.9 }] }),
  }) as unknown as FieldModel;

function candidate(rows: { resolved: number; label: string; right: boolean }[]): Candidate {
  return {
    fieldId: 'priority',
    trainedAt: new Date(0).toISOString(),
    model: always('x'),
    quality: {
      fieldId: 'priority',
      trainedAt: '',
      examples: 0,
      accuracy: 0,
      classes: [],
      curve: [],
      leftOut: [],
    },
    values: new Map(),
    slice: rows.map((r, i) => ({
      ticket: { id: String(i), created: r.resolved - 1000, resolved: r.resolved } as Ticket,
      label: r.label,
      candidateRight: r.right,
    })),
  };
}

describe('release comparison', () => {
  it('rejects a candidate that is worse on the same tickets, promotes one that is not', () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({
      resolved: 10_000 + i,
      label: 'High',
      right: i % 4 === 0,
    }));
    const worse = compare(candidate(rows), always('High'), 5_000);
    expect(worse.tickets).toBe(80);
    expect(worse.current.value).toBe(1);
    expect(worse.candidate.value).toBeCloseTo(0.25);
    expect(worse.difference.hi).toBeLessThan(0);
    expect(notWorse(worse)).toBe(false);
    const equal = compare(candidate(rows.map((r) => ({ ...r, right: true }))), always('High'), 5_000);
    expect(notWorse(equal)).toBe(true);
  });

  it('compares on the tickets the current model never saw only', () => {
    const rows = [
      ...Array.from({ length: 50 }, (_, i) => ({ resolved: 1_000 + i, label: 'Low', right: true })),
      ...Array.from({ length: 10 }, (_, i) => ({ resolved: 9_000 + i, label: 'Low', right: true })),
    ];
    const c = compare(candidate(rows), always('Low'), 5_000);
    expect(c.tickets).toBe(10);
    expect(notWorse(compare(candidate(rows.slice(0, 50)), always('High'), 5_000))).toBe(true);
  });
});

describe('intervals', () => {
  it('Wilson stays inside [0, 1] and narrows with n', () => {
    const small = wilson(9, 10);
    const large = wilson(900, 1000);
    expect(small.lo).toBeGreaterThan(0.5);
    expect(small.hi).toBeLessThanOrEqual(1);
    expect(large.hi - large.lo).toBeLessThan(small.hi - small.lo);
    expect(wilson(0, 0)).toEqual({ value: 0, lo: 0, hi: 1 });
  });

  it('a paired difference of identical results is exactly zero', () => {
    expect(pairedDifference([true, false, true], [true, false, true])).toEqual({ value: 0, lo: 0, hi: 0 });
  });
});
