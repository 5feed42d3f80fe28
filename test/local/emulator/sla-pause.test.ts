import { slaValues } from '../../../src/local/emulator/sla';
import { SLA_TIME_TO_RESOLUTION } from '../../../src/local/emulator/seed';
import type { EmuIssue } from '../../../src/local/emulator/site';
import { statusId } from '../../../src/local/emulator/site';
import { startFixture, type EmulatorFixture } from './fixture';

const MIN = 60_000;

interface Cycle {
  paused: boolean;
  elapsedTime: { millis: number };
  remainingTime: { millis: number };
}

function resolutionCycle(f: EmulatorFixture, issue: EmuIssue): Cycle {
  const metric = slaValues('http://x', f.site, issue).find((m) => m.name === SLA_TIME_TO_RESOLUTION);
  return (metric as { ongoingCycle: Cycle }).ongoingCycle;
}

function setStatus(f: EmulatorFixture, issue: EmuIssue, to: string): void {
  const change = {
    fieldId: 'status',
    from: statusId(issue.status),
    fromString: issue.status,
    to: statusId(to),
    toString: to,
  };
  f.site.updateIssue(issue, [change], (i) => (i.status = to), { kind: 'app' });
}

describe('emulated JSM SLA clock: "Waiting for customer" pauses time to resolution', () => {
  let f: EmulatorFixture;
  beforeAll(async () => {
    f = await startFixture(120);
  });
  afterAll(() => f.emulator.close());

  it('elapsed time stands still while paused and runs again once the request is back with support', () => {
    const issue = f.site
      .allIssues()
      .find((i) => i.resolved === null && i.status === 'In Progress' && i.priority !== null);
    if (!issue) throw new Error('demo has no open ticket in progress');
    f.clock.now += 10 * MIN;
    const before = resolutionCycle(f, issue);
    setStatus(f, issue, 'Waiting for customer');
    f.clock.now += 30 * MIN;
    const paused = resolutionCycle(f, issue);
    expect(paused.paused).toBe(true);
    expect(paused.elapsedTime.millis).toBe(before.elapsedTime.millis);
    expect(paused.remainingTime.millis).toBe(before.remainingTime.millis);
    setStatus(f, issue, 'In Progress');
    f.clock.now += 5 * MIN;
    const resumed = resolutionCycle(f, issue);
    expect(resumed.paused).toBe(false);
    expect(resumed.elapsedTime.millis).toBe(before.elapsedTime.millis + 5 * MIN);
  });

  it('a seeded request waiting for the customer does not count down between two reads', () => {
    const issue = f.site
      .allIssues()
      .find((i) => i.resolved === null && i.status === 'Waiting for customer' && i.priority !== null);
    if (!issue) throw new Error('demo has no ticket waiting for the customer');
    const first = resolutionCycle(f, issue);
    f.clock.now += 45 * MIN;
    const second = resolutionCycle(f, issue);
    expect(first.paused).toBe(true);
    expect(second.elapsedTime.millis).toBe(first.elapsedTime.millis);
  });
});
