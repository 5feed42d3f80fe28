import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { Insights, INSIGHTS_PROPERTY_KEY } from '../../src/contracts/insights';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import type { EmuIssue } from '../../src/local/emulator/site';
import { installTrainAndSweep, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

describe('insights issue property', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 300, trigger: false });
    await installTrainAndSweep(h);
  });
  afterAll(() => h.close());

  const open = (): EmuIssue[] => h.site.allIssues().filter((i) => i.statusCategory !== 'done');
  const insightsOf = (i: EmuIssue): Insights | undefined => {
    const raw = i.properties?.[INSIGHTS_PROPERTY_KEY];
    return raw === undefined ? undefined : Insights.parse(raw);
  };
  const writes = (): number => h.site.allIssues().reduce((n, i) => n + (i.propertyWrites ?? 0), 0);
  const search = async (jql: string): Promise<string[]> => {
    const page = await localJiraClients({ baseUrl: h.emulator.url })
      .asApp()
      .searchIssues({ jql, fields: ['key'], maxResults: 5000 });
    return page.issues.map((i) => i.key).sort();
  };

  it('is written on every open ticket with suggestions, valid and versioned', async () => {
    const written = open().filter((i) => insightsOf(i) !== undefined);
    expect(written.length).toBe(open().length);
    for (const issue of written) {
      const row = await h.storage.suggestions.get(issue.id, parseStoredSuggestions);
      expect(row?.value.insightsDigest).toMatch(/^[0-9a-f]{32}$/);
    }
    const withRisk = written.filter((i) => insightsOf(i)?.riskMetric !== undefined);
    expect(withRisk.length).toBeGreaterThan(0);
    expect(written.some((i) => insightsOf(i)?.suggestedTeam !== undefined)).toBe(true);
  });

  it('is found by the documented JQL', async () => {
    const untriaged = open()
      .filter((i) => insightsOf(i)?.triaged === 'no')
      .map((i) => i.key)
      .sort();
    expect(untriaged.length).toBeGreaterThan(0);
    expect(await search('statusCategory != Done AND triageLensTriaged = no')).toEqual(untriaged);
    const risky = open()
      .filter((i) => (insightsOf(i)?.riskPercent ?? -1) >= 50)
      .map((i) => i.key)
      .sort();
    expect(await search(`issue.property[${INSIGHTS_PROPERTY_KEY}].riskPercent >= 50`)).toEqual(risky);
  });

  it('is not rewritten when nothing in it changed (a second sweep, a recompute)', async () => {
    const before = writes();
    await h.app.scheduled.slaSweep();
    await h.queue.drain();
    const [first] = open();
    if (!first) throw new Error('no open ticket');
    await h.app.consume({ kind: 'ingest', issueId: first.id, eventAt: h.site.now() });
    expect(writes()).toBe(before);
  });

  it('follows an agent decision at once: dismissing the last suggestion marks the ticket triaged', async () => {
    const target = open().find((i) => insightsOf(i)?.triaged === 'no');
    if (!target) throw new Error('no untriaged ticket');
    const panel = await h.app.resolvers[RESOLVERS.panelGet](
      { issueKey: target.key },
      { accountId: h.users.admin },
    );
    if (!panel.ok) throw new Error(panel.error.message);
    const fields = (panel.data as { classification: { data?: { fieldId: string; status: string }[] } })
      .classification.data;
    const suggested = (fields ?? []).filter((f) => f.status === 'suggested');
    expect(suggested.length).toBeGreaterThan(0);
    for (const f of suggested) {
      const r = await h.app.resolvers[RESOLVERS.panelDismiss](
        { issueKey: target.key, fieldId: f.fieldId },
        { accountId: h.users.admin },
      );
      if (!r.ok) throw new Error(r.error.message);
    }
    expect(insightsOf(target)?.triaged).toBe('yes');
    expect(await search(`key = ${target.key} AND triageLensTriaged = yes`)).toEqual([target.key]);
  });
});
