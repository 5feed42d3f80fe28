import type { Ticket } from '../../../src/core/shared/ticket';
import { makeTicket } from '../../support/tickets';
import { derivedSlaGoals, slaReadiness } from '../../../src/local/readiness/sla-readiness';

const HOUR = 3_600_000;

function ticket(i: number, priority: string, hoursToResolve: number): Ticket {
  const created = Date.UTC(2026, 0, 1) + i * HOUR;
  return makeTicket({
    id: String(1000 + i),
    key: `IT-${i + 1}`,
    priority,
    status: 'Done',
    statusCategory: 'done',
    resolution: 'Done',
    created,
    updated: created,
    resolved: created + hoursToResolve * HOUR,
  });
}

// High tickets take 1–9 h, Low ones 10–90 h, and one in ten of each three times its longest.
const tickets = Array.from({ length: 400 }, (_, i) => {
  const step = Math.floor(i / 2) % 10;
  const scale = i % 2 === 0 ? 1 : 10;
  return ticket(i, i % 2 === 0 ? 'High' : 'Low', (step === 9 ? 27 : step + 1) * scale);
});

describe('SLA readiness without --sla-goals', () => {
  it("derives goals per priority from the older tickets' resolution times", () => {
    const goals = derivedSlaGoals(tickets)!;
    expect(goals.get('High')).toBeLessThan(goals.get('Low')!);
    const high = tickets.slice(0, 320).filter((t) => t.priority === 'High');
    const within = high.filter((t) => t.resolved! - t.created <= goals.get('High')!).length;
    expect(within / high.length).toBeGreaterThanOrEqual(0.8);
    expect(within / high.length).toBeLessThan(0.95);
  });

  it('measures calibration against the derived goals and says where they came from', () => {
    const r = slaReadiness(tickets, null, Date.UTC(2026, 2, 1));
    expect(r.problem).toBeNull();
    expect(r.goals).toMatch(/export's own.*High .* h/);
    expect(r.tickets).toBeGreaterThan(20);
    expect(r.brier).not.toBeNull();
  });

  it('says so when too few tickets are resolved to derive goals', () => {
    const open = tickets.slice(0, 30).map((t) => ({ ...t, resolved: null }));
    expect(derivedSlaGoals(open)).toBeNull();
    expect(slaReadiness(open, null, Date.UTC(2026, 2, 1)).problem).toMatch(/--sla-goals/);
  });
});
