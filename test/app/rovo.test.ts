import { RESOLVERS } from '../../src/contracts/resolvers';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(300_000);

describe('Rovo actions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 200, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  const open = () => {
    const issue = h.site.allIssues().find((i) => i.statusCategory !== 'done');
    if (!issue) throw new Error('no open issue');
    return issue;
  };

  it('answer what the panel shows the same user, and write nothing to Jira', async () => {
    const { key } = open();
    const before = JSON.stringify(h.site.issue(key));
    const panel = await h.app.resolvers[RESOLVERS.panelGet]({ issueKey: key }, { accountId: h.users.admin });
    if (!panel.ok) throw new Error(panel.error.message);
    const data = panel.data as { similar: unknown; sla: unknown; routing: unknown };

    const similar = await h.app.rovo.findSimilar({ issueKey: key }, h.users.admin);
    const sla = await h.app.rovo.explainSlaRisk({ context: { jira: { issueKey: key } } }, h.users.admin);
    const triage = await h.app.rovo.suggestTriage({ issueKey: key }, h.users.admin);
    if (!similar.ok || !sla.ok || !triage.ok) throw new Error('a Rovo action failed');
    const section = (s: unknown) => {
      const x = s as { status: string; data?: unknown; reason?: string };
      return x.status === 'ok' ? x.data : { none: x.reason };
    };
    expect((similar.data as { similar: unknown }).similar).toEqual(section(data.similar));
    expect((sla.data as { sla: unknown }).sla).toEqual(section(data.sla));
    expect((triage.data as { routing: unknown }).routing).toEqual(section(data.routing));
    expect(Array.isArray((triage.data as { classification: unknown }).classification)).toBe(true);
    const after = h.site.issue(key);
    expect(JSON.stringify({ ...after, properties: undefined, propertyWrites: undefined })).toBe(
      JSON.stringify({ ...(JSON.parse(before) as object), properties: undefined, propertyWrites: undefined }),
    );
  });

  it('are permission-true: a customer is refused, problem candidates are for admins only', async () => {
    const { key } = open();
    expect((await h.app.rovo.findSimilar({ issueKey: key }, h.users.customer)).ok).toBe(false);
    expect((await h.app.rovo.problemCandidates({}, h.users.agent)).ok).toBe(false);
    const listed = await h.app.rovo.problemCandidates({ limit: 2 }, h.users.admin);
    if (!listed.ok) throw new Error(listed.error.message);
    expect((listed.data as { candidates: unknown[] }).candidates.length).toBeLessThanOrEqual(2);
  });

  it('ask for a ticket when none is named', async () => {
    const result = await h.app.rovo.suggestTriage({}, h.users.admin);
    expect(result.ok).toBe(false);
  });
});
