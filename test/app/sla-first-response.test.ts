import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { RESOLVERS } from '../../src/contracts/resolvers';
import type { ResolverResult } from '../../src/contracts/common';
import { PanelData } from '../../src/contracts/panel';
import { STORAGE_KEYS } from '../../src/core/ports/storage-keys';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

function data<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

describe('SLA: time to first response', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 200, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  it("stores JSM's completed first-response cycles at training and estimates a new request from them", async () => {
    const stored = await h.storage.models.load(STORAGE_KEYS.slaFirstResponses.name, 1);
    expect(stored.status).toBe('ok');
    // What JSM reports for the resolved requests: their completed first-response cycles.
    const jira = localJiraClients({ baseUrl: h.emulator.url }).asApp();
    const responses: number[] = [];
    const resolutions: number[] = [];
    for (const issue of h.site.allIssues().filter((i) => i.resolved !== null)) {
      resolutions.push((issue.resolved ?? 0) - issue.created);
    }
    for (const issue of h.site
      .allIssues()
      .filter((i) => i.resolved !== null)
      .slice(0, 300)) {
      const metrics = await jira.getSla(issue.key);
      for (const m of metrics)
        if (/first response/i.test(m.name)) for (const c of m.completedCycles) responses.push(c.elapsedTime);
    }
    expect(responses.length).toBeGreaterThanOrEqual(20);
    // The demo's first responses come far sooner than resolutions: the two histories differ.
    expect(median(responses)).toBeLessThan(median(resolutions) / 2);

    const customer = h.site.users.get(h.users.customer);
    const model = h.site.allIssues().find((i) => i.statusCategory === 'done' && i.priority !== null);
    if (!customer || !model) throw new Error('no customer or resolved ticket');
    const target = h.site.createIssue(
      { ...model, assigneeId: null, status: 'Waiting for support', resolution: null },
      { kind: 'user', user: customer },
    );
    const panel = PanelData.parse(
      data(await h.app.resolvers[RESOLVERS.panelGet]({ issueKey: target.key }, { accountId: h.users.agent })),
    );
    if (panel.sla.status !== 'ok') throw new Error(`no SLA reading: ${panel.sla.status}`);
    const risk = panel.sla.data;
    expect(risk).toMatchObject({ metricKind: 'first-response', basis: 'history' });
    expect(risk.historyCount).toBeGreaterThanOrEqual(20);
    const expected = risk.expected?.medianMs ?? Number.NaN;
    // Estimated as a first response, near what first responses took, not as a resolution.
    expect(expected).toBeGreaterThan(median(responses) / 4);
    expect(expected).toBeLessThan(median(responses) * 4);
    expect(expected).toBeLessThan(median(resolutions) / 2);
  });
});
