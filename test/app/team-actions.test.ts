import { RESOLVERS } from '../../src/contracts/resolvers';
import type { ResolverKey } from '../../src/contracts/resolvers';
import type { ResolverResult } from '../../src/contracts/common';
import { PanelData } from '../../src/contracts/panel';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

function data<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('applying a suggested team', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 150, trigger: true });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  const call = <K extends ResolverKey>(key: K, payload: unknown, accountId = h.users.agent) =>
    h.app.resolvers[key](payload, { accountId });
  const panel = async (issueKey: string) => {
    const p = PanelData.parse(data(await call(RESOLVERS.panelGet, { issueKey })));
    if (p.routing.status !== 'ok') throw new Error('no routing');
    return p.routing.data;
  };

  /** A new request with a resolved ticket's text and no team yet, ingested as Forge would. */
  async function newRequest() {
    const customer = h.site.users.get(h.users.customer);
    const model = h.site.allIssues().find((i) => i.statusCategory === 'done' && i.teamId !== null);
    if (!customer || !model) throw new Error('no customer or resolved ticket with a team');
    const issue = h.site.createIssue(
      { ...model, teamId: null, assigneeId: null, status: 'Waiting for support', resolution: null },
      { kind: 'user', user: customer },
    );
    await h.queue.drain();
    return issue;
  }

  it('sets the Team field by the team id as the agent, audited, shown as current, and undoable', async () => {
    const target = await newRequest();
    const before = await panel(target.key);
    const team = before.teams[0];
    if (!team) throw new Error('no team suggested');
    expect(before.currentTeam).toBeNull();
    expect(before.teamUndo).toBe(false);

    expect(
      data(await call(RESOLVERS.panelApplyTeam, { issueKey: target.key, team: team.name })),
    ).toMatchObject({
      action: 'applied',
      outcome: 'accepted',
    });
    const expectedId = h.site.teams.find((t) => t.name === team.name)?.id;
    expect(h.site.issue(target.key)?.teamId).toBe(expectedId);
    expect(h.site.issue(target.key)?.history.at(-1)?.authorId).toBe(h.users.agent);
    const after = await panel(target.key);
    expect(after.currentTeam).toBe(team.name);
    expect(after.teamUndo).toBe(true);

    expect(data(await call(RESOLVERS.panelUndoTeam, { issueKey: target.key }))).toMatchObject({
      action: 'undone',
      undone: 'applied',
    });
    expect(h.site.issue(target.key)?.teamId).toBeNull();
    const undone = await panel(target.key);
    expect(undone.currentTeam).toBeNull();
    expect(undone.teamUndo).toBe(false);
    // Nothing is left to take back.
    const again = await call(RESOLVERS.panelUndoTeam, { issueKey: target.key });
    expect(again.ok ? 'ok' : again.error.code).toBe('bad_request');

    const audit = data(
      await h.app.resolvers[RESOLVERS.adminAudit]({ issueKey: target.key }, { accountId: h.users.admin }),
    ) as { entries: { action: string; actor: string; before: string | null; after: string | null }[] };
    const actions = audit.entries.map((e) => [e.action, e.before, e.after]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['apply-team', null, team.name],
        ['undo-apply-team', team.name, null],
      ]),
    );
    expect(audit.entries.every((e) => e.actor === h.users.agent)).toBe(true);
  });

  it('another team than the suggestion counts as replaced; undo gives back the earlier team', async () => {
    const target = await newRequest();
    const routing = await panel(target.key);
    const first = routing.teams[0];
    const other = h.site.teams.find(
      (t) => t.name !== first?.name && routing.teams.some((c) => c.name === t.name),
    );
    if (!first || !other) throw new Error('fewer than two teams suggested');
    data(await call(RESOLVERS.panelApplyTeam, { issueKey: target.key, team: first.name }));
    expect(
      data(await call(RESOLVERS.panelApplyTeam, { issueKey: target.key, team: other.name })),
    ).toMatchObject({
      outcome: 'replaced',
    });
    expect(h.site.issue(target.key)?.teamId).toBe(other.id);
    data(await call(RESOLVERS.panelUndoTeam, { issueKey: target.key }));
    expect(h.site.issue(target.key)?.teamId).toBe(h.site.teams.find((t) => t.name === first.name)?.id);
  });

  it('refuses an unknown team, a portal customer and an unknown issue', async () => {
    const target = await newRequest();
    const unknown = await call(RESOLVERS.panelApplyTeam, { issueKey: target.key, team: 'No such team' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('bad_request');
    const customer = await call(
      RESOLVERS.panelApplyTeam,
      { issueKey: target.key, team: h.site.teams[0]?.name ?? 'x' },
      h.users.customer,
    );
    expect(customer.ok).toBe(false);
    const missing = await call(RESOLVERS.panelApplyTeam, { issueKey: 'IT-99999', team: 'x' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    expect(h.site.issue(target.key)?.teamId).toBeNull();
  });
});
