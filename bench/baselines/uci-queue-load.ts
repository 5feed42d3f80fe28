/**
 * Team queue load at the moment each UCI incident is opened, for the SLA engine's queue-load
 * input: the queue is the first event's assignment_group (known at open; '?' has none). "Open
 * now" counts the group's incidents opened at or before that moment and not yet ended (resolved,
 * or last updated when never resolved): only what is known at that moment. "Usual" is the
 * engine's own usualOpenLoad over the eight weeks before `usualAt` (the end of training).
 */
import type { QueueLoad } from '../../src/engine/sla';
import { usualOpenLoad } from '../../src/engine/sla';

export interface QueueSpan {
  group: string;
  openedAt: number;
  endedAt: number;
}

export function queueLoadAtOpen(
  spans: readonly QueueSpan[],
  usualFrom: readonly number[],
  usualAt: number,
): QueueLoad[] {
  const byGroup = new Map<string, { opens: number[]; ends: number[] }>();
  for (const s of spans) {
    if (s.group === '?' || s.group === '') continue;
    const g = byGroup.get(s.group) ?? { opens: [], ends: [] };
    g.opens.push(s.openedAt);
    g.ends.push(s.endedAt);
    byGroup.set(s.group, g);
  }
  for (const g of byGroup.values()) {
    g.opens.sort((a, b) => a - b);
    g.ends.sort((a, b) => a - b);
  }
  const usual = usualOpenLoad(
    usualFrom.flatMap((i) => {
      const s = spans[i] as QueueSpan;
      return s.group === '?' ? [] : [{ keys: [s.group], created: s.openedAt, resolved: s.endedAt }];
    }),
    { now: usualAt },
  );
  return spans.map((s) => {
    const g = byGroup.get(s.group);
    const typical = usual.get(s.group);
    if (g === undefined || typical === undefined) return {};
    // Opened at or before t, minus ended at or before t.
    const open = atMost(g.opens, s.openedAt) - atMost(g.ends, s.openedAt);
    return { teamOpen: Math.max(0, open), teamUsualOpen: typical };
  });
}

/** How many of the sorted values are ≤ t. */
function atMost(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
