import { generateDemo, type DemoSite } from '../../../src/local/demo/generate';
import { startEmulator, type RunningEmulator } from '../../../src/local/emulator/server';
import { EmulatorSite } from '../../../src/local/emulator/site';

/** A small demo site (same seed every time) served by the emulator, with the clock fixed. */
export interface EmulatorFixture {
  demo: DemoSite;
  site: EmulatorSite;
  emulator: RunningEmulator;
  clock: { now: number };
}

const demoCache = new Map<number, DemoSite>();

export async function startFixture(tickets = 400): Promise<EmulatorFixture> {
  const demo = demoCache.get(tickets) ?? generateDemo({ tickets, seed: 7 });
  demoCache.set(tickets, demo);
  const clock = { now: demo.site.now };
  const site = new EmulatorSite(demo.site, () => clock.now);
  const emulator = await startEmulator({ site });
  return { demo, site, emulator, clock };
}

export function agentOf(demo: DemoSite): string {
  const agent = demo.site.users.find((u) => u.kind === 'agent');
  if (!agent) throw new Error('demo has no agent');
  return agent.accountId;
}

export function customerOf(demo: DemoSite): string {
  const customer = demo.site.users.find((u) => u.kind === 'customer');
  if (!customer) throw new Error('demo has no customer');
  return customer.accountId;
}
