import { textToAdf } from '../../src/adapters/jira/text-to-adf';
import { RESOLVERS } from '../../src/contracts/resolvers';
import type { ResolverResult } from '../../src/contracts/common';
import { PanelData } from '../../src/contracts/panel';
import { agentTeamsOf } from '../../src/core/train/route-models';
import { makeTicket } from '../support/tickets';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

function data<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('agentTeamsOf (who resolved for which team)', () => {
  it('makes an agent a member of a team after two resolved tickets there, whatever the id', () => {
    const tickets = [
      makeTicket({ id: '1', assigneeId: 'a1', team: 'Network' }),
      makeTicket({ id: '2', assigneeId: 'a1', team: 'Network' }),
      makeTicket({ id: '3', assigneeId: 'a1', team: 'Payroll' }),
      makeTicket({ id: '4', assigneeId: '__proto__', team: 'Payroll' }),
      makeTicket({ id: '5', assigneeId: '__proto__', team: 'Payroll' }),
      makeTicket({ id: '6', assigneeId: null, team: 'Payroll' }),
      makeTicket({ id: '7', assigneeId: 'a2', team: null }),
    ];
    expect([...agentTeamsOf(tickets)]).toEqual([
      ['a1', ['Network']],
      ['__proto__', ['Payroll']],
    ]);
  });
});

describe('learned routing in the app', () => {
  let h: Harness;
  beforeAll(async () => {
    // What the models route is under test here, so the weak-kind filter is off.
    h = await startHarness({ tickets: 150, trigger: false, config: { routing: { showWeak: true } } });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  it('routes a ticket like no other by the team and resolver models, with reasons', async () => {
    const customer = h.site.users.get(h.users.customer);
    const template = h.site.allIssues()[3];
    if (!customer || !template) throw new Error('no seed');
    const target = h.site.createIssue(
      {
        ...template,
        summary: 'Qwertzuiop florbix gnarvel',
        description: textToAdf('Zyxwq plomb vrantel.'),
        teamId: null,
        assigneeId: null,
        resolution: null,
        status: 'Waiting for support',
      },
      { kind: 'user', user: customer },
    );
    const panel = PanelData.parse(
      data(await h.app.resolvers[RESOLVERS.panelGet]({ issueKey: target.key }, { accountId: h.users.agent })),
    );
    expect(panel.similar).toEqual({ status: 'empty', reason: 'no-similar' });
    if (panel.routing.status !== 'ok') throw new Error(`routing ${panel.routing.status}`);
    const top = panel.routing.data.teams[0];
    expect(top?.reasons.some((r) => r.code === 'classifier')).toBe(true);
    expect(panel.routing.data.assignees.length).toBeGreaterThan(0);
  });
});
