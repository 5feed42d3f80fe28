import { generateDemo } from '../../../src/local/demo/generate';
import { slaValues } from '../../../src/local/emulator/sla';
import { SLA_TIME_TO_RESOLUTION } from '../../../src/local/emulator/seed';
import { EmulatorSite } from '../../../src/local/emulator/site';

const HOUR = 3_600_000;

/** `*` in a goal's priorities is JSM's "All remaining issues": it covers other priorities and none. */
describe('emulated JSM SLA goals: the catch-all goal', () => {
  const demo = generateDemo({ tickets: 30, seed: 2 });
  const projectKey = demo.site.serviceDesks[0]!.projectKey;
  const site = new EmulatorSite({
    ...demo.site,
    slaGoals: [
      {
        id: '9',
        name: SLA_TIME_TO_RESOLUTION,
        projectKey,
        goalMsByPriority: { High: 8 * HOUR, '*': 72 * HOUR },
      },
    ],
  });
  const goalOf = (priority: string | null): number | undefined => {
    const issue = site.allIssues().find((i) => i.projectKey === projectKey)!;
    const metric = slaValues('http://x', site, { ...issue, priority })[0] as
      | {
          ongoingCycle?: { goalDuration: { millis: number } };
          completedCycles: { goalDuration: { millis: number } }[];
        }
      | undefined;
    return (metric?.ongoingCycle ?? metric?.completedCycles[0])?.goalDuration.millis;
  };

  it('a named priority keeps its own goal; another priority and an issue without one get the catch-all', () => {
    expect(goalOf('High')).toBe(8 * HOUR);
    expect(goalOf('Low')).toBe(72 * HOUR);
    expect(goalOf(null)).toBe(72 * HOUR);
  });

  it('without a catch-all, an issue no goal names has no SLA (as before)', () => {
    const plain = new EmulatorSite({
      ...demo.site,
      slaGoals: [{ id: '9', name: SLA_TIME_TO_RESOLUTION, projectKey, goalMsByPriority: { High: 8 * HOUR } }],
    });
    const issue = plain.allIssues().find((i) => i.projectKey === projectKey)!;
    expect(slaValues('http://x', plain, { ...issue, priority: null })).toEqual([]);
    expect(slaValues('http://x', plain, { ...issue, priority: 'Low' })).toEqual([]);
  });
});
