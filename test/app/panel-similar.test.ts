import { RESOLVERS } from '../../src/contracts/resolvers';
import type { ResolverResult } from '../../src/contracts/common';
import { PanelData } from '../../src/contracts/panel';
import type { SimilarTicket } from '../../src/contracts/panel';
import { textToAdf } from '../../src/adapters/jira/text-to-adf';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(180_000);

function data<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('the similar section', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 120, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  const panel = async (issueKey: string) =>
    PanelData.parse(
      data(await h.app.resolvers[RESOLVERS.panelGet]({ issueKey }, { accountId: h.users.admin })),
    );

  const customer = () => {
    const user = h.site.users.get(h.users.customer);
    if (!user) throw new Error('no customer');
    return { kind: 'user' as const, user };
  };

  it('lists each group in the order of the score it shows', async () => {
    let checked = 0;
    for (const issue of h.site.allIssues().slice(0, 60)) {
      const similar = (await panel(issue.key)).similar;
      if (similar.status !== 'ok') continue;
      for (const group of [similar.data.duplicates, similar.data.related, similar.data.weak]) {
        const scores = group.map((t: SimilarTicket) => t.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        if (group.length > 1) checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('offers the nearest weak matches when nothing is close enough, and only then', async () => {
    const model = h.site.allIssues()[0];
    if (!model) throw new Error('no issue');
    const target = h.site.createIssue(
      {
        ...model,
        summary: 'My flamingo needs leave',
        description: textToAdf('The okapi and the zebra went to the quartz mountain.'),
        status: 'Waiting for support',
        resolution: null,
        assigneeId: null,
      },
      customer(),
    );
    const similar = (await panel(target.key)).similar;
    if (similar.status !== 'ok') throw new Error(`similar section: ${similar.status}`);
    expect(similar.data.duplicates).toEqual([]);
    expect(similar.data.related).toEqual([]);
    expect(similar.data.weak.length).toBeGreaterThan(0);
    expect(similar.data.weak.length).toBeLessThanOrEqual(3);
    for (const t of similar.data.weak) expect(t.kind).toBe('weak');
    // A ticket with close neighbours gets no weak ones beside them.
    for (const issue of h.site.allIssues().slice(0, 30)) {
      const s = (await panel(issue.key)).similar;
      if (s.status === 'ok' && s.data.duplicates.length + s.data.related.length > 0)
        expect(s.data.weak).toEqual([]);
    }
  });
});

describe('routing kinds the site rates weak', () => {
  it('are hidden by default with their measured accuracy, and shown when the admin asks', async () => {
    const h = await startHarness({ quickTraining: true, tickets: 120, trigger: false });
    try {
      await installAndTrain(h);
      const stored = await h.storage.models.load('quality:route:assignee', 1);
      if (stored.status !== 'ok') throw new Error('the assignee model has no quality figures');
      const quality = JSON.parse(String(stored.payload)) as { accuracy: number };
      // The demo desk spreads a team's tickets over its agents: the assignee model is weak there.
      expect(quality.accuracy).toBeLessThan(0.5);
      const issueKey = h.site.allIssues()[0]?.key ?? '';
      // Each read is a new invocation (another app), so it reads the configuration afresh.
      const read = async () => {
        const panel = PanelData.parse(
          data(await h.twin().resolvers[RESOLVERS.panelGet]({ issueKey }, { accountId: h.users.agent })),
        );
        if (panel.routing.status !== 'ok') throw new Error(`routing ${panel.routing.status}`);
        return panel.routing.data;
      };
      const hidden = await read();
      expect(hidden.assignees).toEqual([]);
      expect(hidden.hidden).toEqual(
        expect.arrayContaining([{ kind: 'assignee', accuracy: quality.accuracy }]),
      );
      await h.config.save({ ...(await h.config.load()), routing: { showWeak: true } });
      const shown = await read();
      expect(shown.assignees.length).toBeGreaterThan(0);
      expect(shown.hidden).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
