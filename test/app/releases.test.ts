import { RESOLVERS } from '../../src/contracts/resolvers';
import { ReleaseState } from '../../src/contracts/governance';
import { classifierName } from '../../src/core/train/models';
import { installAndTrain, startHarness, type Harness } from './harness';

jest.setTimeout(240_000);
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ tickets: 160, seed: 31 });
  await installAndTrain(h);
});
afterAll(async () => h.close());

const as = (accountId: string) => ({ accountId });
async function releases(): Promise<ReleaseState> {
  const result = await h.app.resolvers[RESOLVERS.adminReleases]({}, as(h.users.admin));
  if (!result.ok) throw new Error(result.error.message);
  return ReleaseState.parse(result.data);
}
async function auditActions(): Promise<{ action: string; fieldId: string | null; reason: string | null }[]> {
  return (await h.storage.audit.query({ limit: 200 })).items;
}

describe('model releases', () => {
  it('promotes the first model of each field and audits it', async () => {
    const state = await releases();
    expect(state.fields.priority?.current?.id).toMatch(/^v/);
    const first = (await auditActions()).filter(
      (e) => e.action === 'release-promoted' && e.fieldId === 'priority',
    );
    expect(first).toHaveLength(1);
    expect(first[0]?.reason).toContain('first model');
  });

  it('keeps a candidate for approval under the approve policy, and an approver promotes or rolls back', async () => {
    const saved = await h.app.resolvers[RESOLVERS.adminGovernanceSave](
      { policies: { priority: 'approve' }, approverGroup: null },
      as(h.users.admin),
    );
    expect(saved.ok).toBe(true);
    const stampBefore = await h.storage.models.stamp(classifierName('priority'));
    await h.app.scheduled.retrain();
    const state = await releases();
    const pending = state.fields.priority?.pending;
    expect(pending).not.toBeNull();
    const comparison = state.fields.priority?.pendingComparison;
    expect(comparison?.difference.hi).toBeGreaterThanOrEqual(comparison?.difference.lo ?? 2);
    const audited = (await auditActions()).find(
      (e) => e.action === 'release-pending' && e.fieldId === 'priority',
    );
    expect(audited?.reason).toMatch(/candidate \d+\.\d % \[.*\] vs current .* difference/);
    expect(await h.storage.models.stamp(classifierName('priority'))).toBe(stampBefore);
    // An agent may not approve.
    const refused = await h.app.resolvers[RESOLVERS.adminReleaseApprove](
      { fieldId: 'priority', versionId: pending?.id },
      as(h.users.agent),
    );
    expect(refused.ok).toBe(false);
    const approved = await h.app.resolvers[RESOLVERS.adminReleaseApprove](
      { fieldId: 'priority', versionId: pending?.id },
      as(h.users.admin),
    );
    expect(approved.ok).toBe(true);
    const after = await releases();
    expect(after.fields.priority?.current?.id).toBe(pending?.id);
    expect(await h.storage.models.stamp(classifierName('priority'))).not.toBe(stampBefore);
    const back = after.fields.priority?.previous[0];
    expect(back).toBeDefined();
    const rolled = await h.app.resolvers[RESOLVERS.adminReleaseRollback](
      { fieldId: 'priority', versionId: back?.id },
      as(h.users.admin),
    );
    expect(rolled.ok).toBe(true);
    expect((await releases()).fields.priority?.current?.id).toBe(back?.id);
    const actions = (await auditActions()).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['release-pending', 'release-approved', 'release-rolled-back']),
    );
  });
});
