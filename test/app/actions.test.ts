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

describe('agent actions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 120, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  const issue = (n: number) => {
    const i = h.site.allIssues()[n];
    if (!i) throw new Error('no issue');
    return i;
  };
  const call = <K extends ResolverKey>(key: K, payload: unknown) =>
    h.app.resolvers[key](payload, { accountId: h.users.agent });

  it('applies a field as the user and records accepted or replaced feedback', async () => {
    // A new request with another's text and no components or priority set yet.
    const customer = h.site.users.get(h.users.customer);
    if (!customer) throw new Error('no customer');
    const target = h.site.createIssue(
      {
        ...issue(5),
        components: [],
        labels: [],
        priority: 'Low',
        status: 'Waiting for support',
        assigneeId: null,
        resolution: null,
      },
      { kind: 'user', user: customer },
    );
    const panel = PanelData.parse(data(await call(RESOLVERS.panelGet, { issueKey: target.key })));
    if (panel.classification.status !== 'ok') throw new Error('no classification');
    const labels = panel.classification.data.find((f) => f.fieldId === 'components');
    const suggested = labels?.candidates[0]?.value;
    if (suggested === undefined) throw new Error('no component suggested');
    expect(
      data(
        await call(RESOLVERS.panelApply, { issueKey: target.key, fieldId: 'components', value: suggested }),
      ),
    ).toMatchObject({ outcome: 'accepted' });
    expect(h.site.issue(target.key)?.components).toContain(suggested);
    // The history shows the agent, not the app, as the author of the change.
    expect(h.site.issue(target.key)?.history.at(-1)?.authorId).toBe(h.users.agent);
    const priority = data(
      await call(RESOLVERS.panelApply, { issueKey: target.key, fieldId: 'priority', value: 'Highest' }),
    );
    expect(['accepted', 'replaced']).toContain((priority as { outcome: string }).outcome);
    expect(h.site.issue(target.key)?.priority).toBe('Highest');

    const again = PanelData.parse(data(await call(RESOLVERS.panelGet, { issueKey: target.key })));
    if (again.classification.status !== 'ok') throw new Error('no classification');
    expect(again.classification.data.find((f) => f.fieldId === 'components')?.status).toBe('applied');
  });

  it('refuses to apply the request type, a field not offered, or to an unknown issue', async () => {
    const key = issue(6).key;
    const refused = [
      await call(RESOLVERS.panelApply, { issueKey: key, fieldId: 'requestType', value: 'x' }),
      await call(RESOLVERS.panelApply, { issueKey: key, fieldId: 'labels', value: 'x' }),
      await call(RESOLVERS.panelApply, { issueKey: key, fieldId: 'customfield_99999', value: 'x' }),
    ];
    expect(refused.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'bad_request',
      'bad_request',
      'bad_request',
    ]);
    const missing = await call(RESOLVERS.panelDismiss, { issueKey: 'IT-99999', fieldId: 'priority' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  it('dismisses, links and assigns, each recorded as feedback and in the audit log', async () => {
    const target = issue(7);
    const other = issue(8);
    expect(
      data(await call(RESOLVERS.panelDismiss, { issueKey: target.key, fieldId: 'priority' })),
    ).toMatchObject({ outcome: 'dismissed' });
    expect(
      data(await call(RESOLVERS.panelLink, { issueKey: target.key, otherKey: other.key, kind: 'duplicate' })),
    ).toMatchObject({ action: 'linked' });
    expect(
      h.site
        .linksOf(target.key)
        .some((l) => l.fromKey === target.key && l.toKey === other.key && /duplicat/i.test(l.type.name)),
    ).toBe(true);
    const selfLink = await call(RESOLVERS.panelLink, {
      issueKey: target.key,
      otherKey: target.key,
      kind: 'related',
    });
    expect(selfLink.ok ? 'ok' : selfLink.error.code).toBe('bad_request');
    expect(
      data(await call(RESOLVERS.panelAssign, { issueKey: target.key, accountId: h.users.agent })),
    ).toMatchObject({ action: 'assigned' });
    expect(h.site.issue(target.key)?.assigneeId).toBe(h.users.agent);

    const audit = data(
      await h.app.resolvers[RESOLVERS.adminAudit]({ issueKey: target.key }, { accountId: h.users.admin }),
    ) as { entries: { action: string; actor: string }[] };
    expect(audit.entries.map((e) => e.action).sort()).toEqual(['assign', 'dismiss', 'link']);
    expect(audit.entries.every((e) => e.actor === h.users.agent)).toBe(true);
    const metrics = data(
      await h.app.resolvers[RESOLVERS.adminMetrics]({ days: 30 }, { accountId: h.users.admin }),
    ) as { fields: { fieldId: string; dismissed: number }[] };
    expect(metrics.fields.some((r) => r.fieldId === 'priority' && r.dismissed >= 1)).toBe(true);
  });
});

describe('auto-apply', () => {
  it('writes a field only in auto-apply mode above the class threshold, with an audit entry and an internal note', async () => {
    const h = await startHarness({ tickets: 150, trigger: false });
    try {
      await installAndTrain(h);
      const customer = h.site.users.get(h.users.customer);
      if (!customer) throw new Error('no customer');
      // New requests like the history's: a resolved ticket's text, no components yet.
      const models = h.site
        .allIssues()
        .filter((i) => i.statusCategory === 'done' && i.components.length === 1);
      const copy = (n: number) => {
        const model = models[n % models.length];
        if (!model) throw new Error('no resolved ticket with one component');
        return h.site.createIssue(
          {
            ...model,
            components: [],
            labels: [],
            status: 'Waiting for support',
            assigneeId: null,
            resolution: null,
          },
          { kind: 'user', user: customer },
        );
      };
      const components = async (key: string) => {
        const panel = PanelData.parse(
          data(await h.twin().resolvers[RESOLVERS.panelGet]({ issueKey: key }, { accountId: h.users.agent })),
        );
        if (panel.classification.status !== 'ok') throw new Error('no classification');
        const field = panel.classification.data.find((f) => f.fieldId === 'components');
        if (!field) throw new Error('no components suggestion');
        return field;
      };

      // Suggest mode (the default): nothing is written, however confident.
      const quiet = copy(0);
      await h.app.consume({ kind: 'ingest', issueId: quiet.id, eventAt: 0 });
      expect(h.site.issue(quiet.key)?.components).toEqual([]);

      const config = await h.config.load();
      await h.config.save({
        ...config,
        fields: config.fields.map((f) =>
          f.fieldId === 'components' ? { ...f, mode: 'auto-apply', precisionTarget: 0.5 } : f,
        ),
      });
      await h.app.scheduled.retrain();
      const applied: string[] = [];
      const held: string[] = [];
      for (let n = 0; n < 25 && (applied.length === 0 || held.length === 0); n++) {
        const issue = copy(n);
        await h.twin().consume({ kind: 'ingest', issueId: issue.id, eventAt: 0 });
        const field = await components(issue.key);
        if (field.meetsTarget) {
          expect(field.status).toBe('auto-applied');
          expect(h.site.issue(issue.key)?.components).toEqual([field.candidates[0]?.value]);
          applied.push(issue.key);
        } else {
          expect(field.status).toBe('not-sure');
          expect(h.site.issue(issue.key)?.components).toEqual([]);
          held.push(issue.key);
        }
      }
      expect(applied.length).toBeGreaterThan(0);
      expect(held.length).toBeGreaterThan(0);

      const key = applied[0] ?? '';
      const written = h.site.issue(key);
      const note = written?.comments.at(-1);
      expect(note?.internal).toBe(true);
      expect(note?.authorId).not.toBe(h.users.agent);
      const audit = data(
        await h.app.resolvers[RESOLVERS.adminAudit]({ issueKey: key }, { accountId: h.users.admin }),
      ) as {
        entries: { action: string; fieldId: string; actor: string }[];
      };
      expect(audit.entries).toEqual([
        expect.objectContaining({ action: 'auto-apply', fieldId: 'components', actor: 'app:triage-lens' }),
      ]);
      // The same event again writes nothing more.
      const comments = written?.comments.length;
      await h.twin().consume({ kind: 'ingest', issueId: written?.id ?? '', eventAt: 0 });
      expect(h.site.issue(key)?.comments.length).toBe(comments);
    } finally {
      await h.close();
    }
  });
});
