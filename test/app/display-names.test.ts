import { RESOLVERS } from '../../src/contracts/resolvers';
import { PanelData } from '../../src/contracts/panel';
import { installAndTrain, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

describe('the panel names assignees as Jira does', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 200, config: { routing: { showWeak: true } } });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  /** The routing section of the first ticket that has assignees to suggest. */
  async function routedPanel(): Promise<PanelData['routing']> {
    for (const issue of h.site.allIssues().slice(-60)) {
      const result = await h.app.resolvers[RESOLVERS.panelGet](
        { issueKey: issue.key },
        { accountId: h.users.agent },
      );
      if (!result.ok) throw new Error(result.error.message);
      const routing = PanelData.parse(result.data).routing;
      if (routing.status === 'ok' && routing.data.assignees.length > 0) return routing;
    }
    throw new Error('no ticket has an assignee suggestion');
  }

  it('by display name', async () => {
    const routing = await routedPanel();
    if (routing.status !== 'ok') throw new Error('routing failed');
    for (const a of routing.data.assignees) expect(a.name).toBe(h.site.users.get(a.accountId)?.displayName);
  });

  it('by account id when Jira will not name them, and the section still shows', async () => {
    h.emulator.faults.add({ route: 'bulkGetUsers', fault: { kind: 'status', status: 403 }, times: 1000 });
    try {
      const routing = await routedPanel();
      if (routing.status !== 'ok') throw new Error('routing failed');
      for (const a of routing.data.assignees) expect(a.name).toBe(a.accountId);
    } finally {
      h.emulator.faults.clear();
    }
  });
});
