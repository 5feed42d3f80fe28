import { RESOLVERS } from '../../src/contracts/resolvers';
import { PRIORITY_NAMES } from '../../src/local/emulator/site';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(180_000);

/**
 * Twenty agents' actions on one ticket at once (resolver calls in parallel, as twenty Forge
 * invocations): the stored ticket ends as Jira holds it, and the audit log reads as Jira's own
 * history, each "before" the value that action really replaced.
 */
describe('concurrent actions on one ticket', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 60, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  it('leave the stored ticket current and every audit "before" true', async () => {
    const target = h.site.allIssues().find((i) => i.statusCategory !== 'done');
    if (!target) throw new Error('no open issue');
    const original = target.priority;
    const values = Array.from({ length: 20 }, (_, i) => PRIORITY_NAMES[i % PRIORITY_NAMES.length] as string);
    const apps = [h.app, h.twin(), h.twin(), h.twin()];
    const results = await Promise.all(
      values.map((value, i) =>
        (apps[i % apps.length] ?? h.app).resolvers[RESOLVERS.panelApply](
          { issueKey: target.key, fieldId: 'priority', value },
          { accountId: h.users.agent },
        ),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const jiraNow = h.site.issue(target.key);
    const stored = await h.storage.tickets.get(target.id);
    expect(stored?.priority).toBe(jiraNow?.priority);
    expect(stored?.updated).toBe(jiraNow?.updated);

    const audit = (await h.storage.audit.query({ issueKey: target.key, action: 'apply', limit: 50 })).items
      .slice()
      .reverse();
    expect(audit).toHaveLength(20);
    // Each action replaced what the previous one set: a chain from the original to Jira's value.
    expect(audit[0]?.before).toBe(original);
    for (let i = 1; i < audit.length; i++) expect(audit[i]?.before).toBe(audit[i - 1]?.after);
    expect(audit.at(-1)?.after).toBe(jiraNow?.priority);
    // And it is Jira's own history of the field (changes that set the same value leave none).
    const history = (jiraNow?.history ?? [])
      .flatMap((entry) => entry.items)
      .filter((c) => c.fieldId === 'priority')
      .map((c) => [c.fromString, c.toString]);
    expect(history).toEqual(audit.filter((a) => a.before !== a.after).map((a) => [a.before, a.after]));
  });
});
