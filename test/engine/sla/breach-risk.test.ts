import fc from 'fast-check';
import type { SlaCycle, SlaRiskInput } from '../../../src/engine/sla';
import { fitRiskCalibrator, scoreBreachRisk, trainResolutionModel } from '../../../src/engine/sla';
import type { BreachRiskOptions, QueueLoad } from '../../../src/engine/sla';

const H = 3_600_000;

/** History: "network" tickets take 2–10 h, "password" tickets 10–50 min; a few still open. */
function history() {
  const out = [];
  for (let i = 0; i < 40; i++)
    out.push({ ms: (2 + (i % 9)) * H, resolved: true, segments: ['type=network'] });
  for (let i = 0; i < 40; i++)
    out.push({ ms: (10 + i) * 60_000, resolved: true, segments: ['type=password'] });
  for (let i = 0; i < 5; i++) out.push({ ms: 12 * H, resolved: false, segments: ['type=network'] });
  return out;
}

const model = trainResolutionModel(history());

const cycle = (over: Partial<SlaCycle> = {}): SlaCycle => ({
  goalMs: 8 * H,
  elapsedMs: 2 * H,
  remainingMs: 6 * H,
  paused: false,
  withinCalendarHours: true,
  breached: false,
  ...over,
});

const input = (over: Partial<SlaRiskInput> = {}): SlaRiskInput => ({
  metricName: 'Time to resolution',
  cycle: cycle(),
  segments: ['type=network'],
  ...over,
});

const scored = (over: Partial<SlaRiskInput> = {}) => {
  const r = scoreBreachRisk(model, input(over));
  if (r.status !== 'scored') throw new Error(`expected scored, got ${r.status}`);
  return r;
};

describe('scoreBreachRisk', () => {
  it('slow segments with little time left are likelier to breach than fast ones', () => {
    const tight = cycle({ elapsedMs: 0, remainingMs: 1 * H, goalMs: 1 * H });
    const network = scored({ cycle: tight, segments: ['type=network'] });
    const password = scored({ cycle: tight, segments: ['type=password'] });
    expect(network.probability).toBeGreaterThan(0.8);
    // Not ~0: the password segment (40 tickets) is shrunk toward all tickets, many of them slow.
    expect(password.probability).toBeLessThan(0.3);
    expect(network.band).toBe('likely-breach');
    expect(password.band).toBe('on-track');
  });

  it('says why in words: how long similar tickets take and how much time is left', () => {
    const r = scored({
      cycle: cycle({ elapsedMs: 0, remainingMs: 2 * H, goalMs: 2 * H }),
      segmentLabel: 'network',
    });
    const first = r.drivers[0];
    expect(first?.code).toBe('similar-take');
    expect(first).toMatchObject({ segment: 'network', remainingMs: 2 * H });
    // Hours, not minutes or days: a believable "similar tickets take N h".
    const medianMs = first?.code === 'similar-take' ? first.medianMs : 0;
    expect(medianMs).toBeGreaterThanOrEqual(H);
    expect(medianMs).toBeLessThan(48 * H);
  });

  it('gives the expected resolution with an ordered interval', () => {
    const r = scored({ cycle: cycle({ elapsedMs: 0, remainingMs: 8 * H }) });
    expect(r.expected.lowMs).toBeLessThanOrEqual(r.expected.medianMs);
    expect(r.expected.medianMs).toBeLessThanOrEqual(r.expected.highMs);
    expect(r.expected.medianMs).toBeGreaterThan(3 * H);
    expect(r.expected.medianMs).toBeLessThan(9 * H);
  });

  it('a queue three times its usual size raises the risk and is named', () => {
    const calm = scored({ load: { teamOpen: 10, teamUsualOpen: 10 } });
    const busy = scored({ load: { teamOpen: 30, teamUsualOpen: 10 } });
    expect(busy.probability).toBeGreaterThan(calm.probability);
    const driver = busy.drivers.find((d) => d.code === 'queue-load');
    expect(driver).toMatchObject({ who: 'team' });
    expect(driver?.code === 'queue-load' ? driver.ratio : 0).toBeCloseTo(3, 1);
    expect(calm.drivers.some((d) => d.code === 'queue-load')).toBe(false);
  });

  it('no SLA on the metric is a defined result, not an error', () => {
    expect(scoreBreachRisk(model, input({ cycle: null }))).toMatchObject({ status: 'no-sla' });
  });

  it('an already breached SLA is certain and says so', () => {
    for (const c of [cycle({ breached: true }), cycle({ elapsedMs: 9 * H, remainingMs: -1 * H })]) {
      const r = scoreBreachRisk(model, input({ cycle: c }));
      expect(r).toMatchObject({ status: 'scored', probability: 1, band: 'breached' });
      if (r.status === 'scored') expect(r.heuristic.band).toBe('breached');
    }
  });

  it('a paused clock is scored as if it resumed now and says so', () => {
    const running = scored();
    const paused = scored({ cycle: cycle({ paused: true }) });
    expect(paused.probability).toBeCloseTo(running.probability);
    expect(paused.drivers.map((d) => d.code)).toContain('paused');
    expect(scored({ cycle: cycle({ withinCalendarHours: false }) }).drivers.map((d) => d.code)).toContain(
      'outside-hours',
    );
  });

  it.each([
    ['negative elapsed', { elapsedMs: -1 }, /negative/],
    ['zero goal', { goalMs: 0 }, /goal must be positive/],
    ['NaN remaining', { remainingMs: Number.NaN }, /not a number/],
    ['absurd goal (seconds given as years)', { goalMs: 1e15 }, /ten years/],
  ])('%s is invalid with a reason', (_name, over, reason) => {
    const r = scoreBreachRisk(model, input({ cycle: cycle(over) }));
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.reason).toMatch(reason);
  });

  it('an unknown segment leans on all tickets and says history is thin', () => {
    const r = scored({ segments: ['type=never-seen'] });
    expect(r.drivers.map((d) => d.code)).toContain('little-history');
    expect(r.probability).toBeGreaterThanOrEqual(0);
    expect(r.probability).toBeLessThanOrEqual(1);
  });

  it('a ticket older than all history falls back to the remaining-time rule', () => {
    const allResolved = trainResolutionModel(history().filter((h) => h.resolved));
    const r = scoreBreachRisk(
      allResolved,
      input({ cycle: cycle({ elapsedMs: 500 * H, goalMs: 600 * H, remainingMs: 100 * H }) }),
    );
    expect(r.status === 'scored' && r.drivers[0]?.code).toBe('beyond-history');
    // The rule's share of the goal used: 500 of 600 h.
    if (r.status === 'scored') expect(r.probability).toBeCloseTo(500 / 600);
  });

  it('more remaining time never raises breach risk, all else equal (property)', () => {
    const calibrator = fitRiskCalibrator([
      { raw: 0.1, breached: false },
      { raw: 0.2, breached: false },
      { raw: 0.7, breached: true },
      { raw: 0.9, breached: true },
      { raw: 0.5, breached: false },
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.constantFrom('type=network', 'type=password', 'type=other'),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 50 })),
        (elapsedMin, r1Min, extraMin, segment, paused, teamOpen) => {
          const at = (remainingMin: number) => {
            const r = scoreBreachRisk(
              model,
              {
                metricName: 'm',
                cycle: cycle({
                  goalMs: 24 * H,
                  elapsedMs: elapsedMin * 60_000,
                  remainingMs: remainingMin * 60_000,
                  paused,
                }),
                segments: [segment],
                ...(teamOpen === null ? {} : { load: { teamOpen, teamUsualOpen: 10 } }),
              },
              { calibrator },
            );
            if (r.status !== 'scored') throw new Error(r.status);
            return r.probability;
          };
          expect(at(r1Min + extraMin)).toBeLessThanOrEqual(at(r1Min) + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('more queue load never lowers breach risk, all else equal (property)', () => {
    const calibrator = fitRiskCalibrator([
      { raw: 0.1, breached: false },
      { raw: 0.3, breached: true },
      { raw: 0.2, breached: false },
      { raw: 0.8, breached: true },
    ]);
    const options: BreachRiskOptions[] = [{}, { calibrator }, { blend: { a: 0.8, b: 0.5, c: -0.2 } }];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 * 60 }),
        fc.integer({ min: 1, max: 30 * 60 }),
        fc.constantFrom('type=network', 'type=password', 'type=other'),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.integer({ min: 0, max: 12 })),
        fc.constantFrom(...options),
        (elapsedMin, remainingMin, segment, open, extra, usual, assignee, option) => {
          const at = (teamOpen: number) => {
            const load: QueueLoad = {
              teamOpen,
              teamUsualOpen: usual,
              ...(assignee === null ? {} : { assigneeOpen: 3, assigneeUsualOpen: assignee }),
            };
            const r = scoreBreachRisk(
              model,
              {
                metricName: 'm',
                cycle: cycle({
                  goalMs: (elapsedMin + remainingMin) * 60_000,
                  elapsedMs: elapsedMin * 60_000,
                  remainingMs: remainingMin * 60_000,
                }),
                segments: [segment],
                load,
                fieldProbability: 0.3,
              },
              option,
            );
            if (r.status !== 'scored') throw new Error(r.status);
            return r;
          };
          const calm = at(open);
          const busy = at(open + extra);
          expect(busy.probability).toBeGreaterThanOrEqual(calm.probability - 1e-12);
          // Expected resolution moves later (or stays), never earlier.
          expect(busy.expected.medianMs).toBeGreaterThanOrEqual(calm.expected.medianMs - 1000);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a team with no usual load (no members, no history) gives the no-load result', () => {
    const none = scored();
    for (const load of [
      { teamOpen: 7 },
      { teamOpen: 7, teamUsualOpen: 0 },
      { teamOpen: Number.NaN, teamUsualOpen: 4 },
      { teamOpen: -3, teamUsualOpen: 4 },
      { assigneeOpen: 2, assigneeUsualOpen: Number.POSITIVE_INFINITY },
      {},
    ]) {
      const r = scored({ load });
      expect(r.probability).toBeCloseTo(none.probability, 12);
      expect(r.drivers.some((d) => d.code === 'queue-load')).toBe(false);
    }
  });

  it('an empty queue now is named and lowers the risk, within the clamp', () => {
    const usual = scored({ load: { teamOpen: 10, teamUsualOpen: 10 } });
    const empty = scored({ load: { teamOpen: 0, teamUsualOpen: 10 } });
    expect(empty.probability).toBeLessThanOrEqual(usual.probability);
    expect(empty.probability).toBeGreaterThan(0);
    const driver = empty.drivers.find((d) => d.code === 'queue-load');
    expect(driver).toMatchObject({ who: 'team', ratio: 0 });
  });
});
