import { RESOLVERS } from '../../src/contracts/resolvers';
import type { ResolverKey } from '../../src/contracts/resolvers';
import type { ResolverResult } from '../../src/contracts/common';
import { AdminMetrics } from '../../src/contracts/admin';
import { PanelData, type FieldSuggestion } from '../../src/contracts/panel';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(180_000);

function data<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** An agent's decisions in the panel, and taking them back: server, audit and metrics agree. */
describe('decisions and undo', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 120, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  const call = <K extends ResolverKey>(key: K, payload: unknown) =>
    h.app.resolvers[key](payload, { accountId: h.users.agent });
  const field = async (issueKey: string, fieldId: string): Promise<FieldSuggestion> => {
    const panel = PanelData.parse(data(await call(RESOLVERS.panelGet, { issueKey })));
    if (panel.classification.status !== 'ok') throw new Error('no classification');
    const found = panel.classification.data.find((f) => f.fieldId === fieldId);
    if (!found) throw new Error(`no ${fieldId}`);
    return found;
  };
  const metrics = async (fieldId: string) => {
    const m = AdminMetrics.parse(
      data(await h.app.resolvers[RESOLVERS.adminMetrics]({ days: 30 }, { accountId: h.users.admin })),
    );
    const rows = m.fields.filter((r) => r.fieldId === fieldId);
    const sum = (k: 'accepted' | 'replaced' | 'dismissed') => rows.reduce((n, r) => n + r[k], 0);
    return { accepted: sum('accepted'), replaced: sum('replaced'), dismissed: sum('dismissed') };
  };
  const auditActions = async (issueKey: string) => {
    const audit = data(
      await h.app.resolvers[RESOLVERS.adminAudit]({ issueKey }, { accountId: h.users.admin }),
    ) as { entries: { action: string }[] };
    return audit.entries.map((e) => e.action).sort();
  };
  /** A fresh request copying a past one's text, with priority and components empty. */
  const newRequest = (n: number) => {
    const customer = h.site.users.get(h.users.customer);
    const model = h.site.allIssues()[n];
    if (!customer || !model) throw new Error('no seed');
    return h.site.createIssue(
      {
        ...model,
        components: [],
        labels: [],
        priority: null,
        status: 'Waiting for support',
        assigneeId: null,
        resolution: null,
      },
      { kind: 'user', user: customer },
    );
  };

  it('says how much history a suggestion rests on, counted as the resolved tickets it learnt from', async () => {
    // Training reads resolved tickets; classes under 3 examples are left out (the engine's default).
    const counts = new Map<string, number>();
    for (const i of h.site.allIssues())
      if (i.resolution !== null && i.priority !== null)
        counts.set(i.priority, (counts.get(i.priority) ?? 0) + 1);
    const learnt = [...counts.values()].filter((n) => n >= 3).reduce((a, b) => a + b, 0);
    const shown = await field(newRequest(10).key, 'priority');
    expect(shown.history?.tickets).toBe(learnt);
    if (shown.status === 'suggested') expect(shown.history?.valueTickets).toBe(counts.get(shown.value ?? ''));
    else expect(shown.status).toBe('not-sure');
  });

  it('after replacing a suggestion shows it as replaced by the chosen value, not as applied', async () => {
    const target = newRequest(11);
    const before = await field(target.key, 'priority');
    const suggested = before.candidates[0]?.value;
    if (!suggested) throw new Error('no priority candidate');
    const other = suggested === 'Highest' ? 'Lowest' : 'Highest';
    await call(RESOLVERS.panelApply, { issueKey: target.key, fieldId: 'priority', value: other });
    const after = await field(target.key, 'priority');
    expect(after).toMatchObject({
      status: 'replaced',
      value: suggested,
      chosen: other,
      byViewer: true,
      undo: true,
    });
  });

  it('undoes a dismissal: the suggestion is back, the metrics no longer count it, the audit has both', async () => {
    const target = newRequest(12);
    const start = await metrics('components');
    const shown = await field(target.key, 'components');
    data(await call(RESOLVERS.panelDismiss, { issueKey: target.key, fieldId: 'components' }));
    expect(await field(target.key, 'components')).toMatchObject({ status: 'dismissed', undo: true });
    expect((await metrics('components')).dismissed).toBe(start.dismissed + 1);

    expect(
      data(await call(RESOLVERS.panelUndo, { issueKey: target.key, fieldId: 'components' })),
    ).toMatchObject({
      undone: 'dismissed',
    });
    expect((await field(target.key, 'components')).status).toBe(shown.status);
    expect((await metrics('components')).dismissed).toBe(start.dismissed);
    expect(await auditActions(target.key)).toEqual(['dismiss', 'undo-dismiss']);
    // Nothing left to undo.
    const again = await call(RESOLVERS.panelUndo, { issueKey: target.key, fieldId: 'components' });
    expect(again.ok ? 'ok' : again.error.code).toBe('bad_request');
  });

  it('undoes an applied value: Jira gets the old value back, and the suggestion is open again', async () => {
    const target = newRequest(13);
    const start = await metrics('components');
    const value = (await field(target.key, 'components')).candidates[0]?.value;
    if (!value) throw new Error('no component candidate');
    data(await call(RESOLVERS.panelApply, { issueKey: target.key, fieldId: 'components', value }));
    expect(h.site.issue(target.key)?.components).toEqual([value]);
    expect(await field(target.key, 'components')).toMatchObject({ status: 'applied', value, undo: true });

    data(await call(RESOLVERS.panelUndo, { issueKey: target.key, fieldId: 'components' }));
    expect(h.site.issue(target.key)?.components).toEqual([]);
    const reopened = await field(target.key, 'components');
    expect(['suggested', 'not-sure']).toContain(reopened.status);
    expect(reopened.current).toEqual([]);
    const end = await metrics('components');
    expect(end.accepted + end.replaced).toBe(start.accepted + start.replaced);
    expect(await auditActions(target.key)).toEqual(['apply', 'undo-apply']);
  });

  it('sets the request type within its issue type, and refuses another issue type with the way to do it', async () => {
    const issue = h.site.allIssues().find((i) => i.requestTypeId !== null);
    if (!issue) throw new Error('no request with a type');
    const desk = h.site.serviceDesks.find((d) => d.projectKey === issue.projectKey);
    const types = h.site.requestTypes.filter(
      (r) => r.serviceDeskId === desk?.id && r.id !== issue.requestTypeId,
    );
    const same = types.find((r) => r.issueType === issue.issueType);
    const other = types.find((r) => r.issueType !== issue.issueType);
    if (!same || !other) throw new Error('the demo desk has no request types to switch between');

    data(await call(RESOLVERS.panelApply, { issueKey: issue.key, fieldId: 'requestType', value: same.name }));
    expect(h.site.issue(issue.key)?.requestTypeId).toBe(same.id);

    const refused = await call(RESOLVERS.panelApply, {
      issueKey: issue.key,
      fieldId: 'requestType',
      value: other.name,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/another issue type/);
    expect(h.site.issue(issue.key)?.requestTypeId).toBe(same.id);
  });
});
