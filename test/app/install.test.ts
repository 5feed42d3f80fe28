import { RESOLVERS } from '../../src/contracts/resolvers';
import { PanelData } from '../../src/contracts/panel';
import { startHarness, installAndTrain } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

describe('install → backfill → train → panel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 200 });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  it('stores every issue of the site exactly once and finishes the backfill', async () => {
    const siteIds = h.site
      .allIssues()
      .map((i) => i.id)
      .sort();
    expect(await h.storage.tickets.count()).toBe(siteIds.length);
    const status = (await h.storage.jobs.get('backfill'))?.status;
    expect(status).toMatchObject({ state: 'done', processed: siteIds.length });
    expect(h.queue.deadLetters).toEqual([]);
  });

  it('trains the configured fields and records their held-back quality', async () => {
    const result = await h.app.resolvers[RESOLVERS.adminStatus]({}, { accountId: h.users.admin });
    if (!result.ok) throw new Error(result.error.message);
    const data = result.data as { fields: { fieldId: string; classes: unknown[] }[]; tickets: number };
    expect(data.tickets).toBe(h.site.allIssues().length);
    expect(data.fields.map((f) => f.fieldId)).toEqual(expect.arrayContaining(['requestType', 'priority']));
    expect(data.fields.every((f) => f.classes.length > 0)).toBe(true);
  });

  it('answers the panel with four sections that validate against the contract', async () => {
    const open = h.site.allIssues().find((i) => i.statusCategory !== 'done');
    if (!open) throw new Error('the demo has no open issue');
    const result = await h.app.resolvers[RESOLVERS.panelGet](
      { issueKey: open.key },
      { accountId: h.users.agent },
    );
    if (!result.ok) throw new Error(result.error.message);
    const panel = PanelData.parse(result.data);
    expect(panel.issueKey).toBe(open.key);
    expect(panel.classification.status).toBe('ok');
    for (const s of [panel.routing, panel.similar, panel.sla]) expect(s.status).not.toBe('error');
  });
});
