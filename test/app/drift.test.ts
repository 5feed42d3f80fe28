import { DEFAULT_CONFIG } from '../../src/contracts/config';
import { DriftView } from '../../src/contracts/governance';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { startHarness, type Harness } from './harness';

jest.setTimeout(60_000);
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    tickets: 40,
    seed: 5,
    config: {
      fields: DEFAULT_CONFIG.fields.map((f) => (f.fieldId === 'priority' ? { ...f, mode: 'auto-apply' } : f)),
    },
  });
});
afterAll(async () => h.close());

describe('drift watch', () => {
  it('moves an auto-applied field back to suggest on the decision that takes its live bound below target', async () => {
    const keys = h.seed.tickets.map((t) => t.key);
    const ids = h.seed.tickets.map((t) => t.id);
    // 25 tickets where the app's value stood, then replacements one by one.
    for (let i = 0; i < 25; i++)
      await h.storage.feedback.append({
        at: h.site.now(),
        ticketId: ids[i] ?? '',
        issueKey: keys[i] ?? '',
        fieldId: 'priority',
        outcome: 'auto-applied',
        suggested: 'High',
        chosen: 'High',
        actor: 'app:triage-lens',
      });
    let decisions = 0;
    for (let i = 25; i < 40; i++) {
      const result = await h
        .twin()
        .resolvers[RESOLVERS.panelDismiss](
          { issueKey: keys[i], fieldId: 'priority' },
          { accountId: h.users.admin },
        );
      expect(result.ok).toBe(true);
      decisions++;
      if ((await h.config.load()).fields.find((f) => f.fieldId === 'priority')?.mode !== 'auto-apply') break;
    }
    expect((await h.config.load()).fields.find((f) => f.fieldId === 'priority')?.mode).toBe('suggest');
    // 25 right, then wrong ones: no demotion before 30 decisions, then at once (25 of 30: bound about 70 %).
    expect(decisions).toBe(5);
    const audit = (await h.storage.audit.query({ action: 'auto-demote', limit: 5 })).items;
    expect(audit[0]?.reason).toMatch(/one-sided 95 % lower bound .* below the target 90\.0 %/);
    const view = await h.twin().resolvers[RESOLVERS.adminDrift]({}, { accountId: h.users.admin });
    if (!view.ok) throw new Error(view.error.message);
    const parsed = DriftView.parse(view.data);
    expect(parsed.demotions[0]).toMatchObject({ fieldId: 'priority', acknowledged: false });
    const ack = await h
      .twin()
      .resolvers[RESOLVERS.adminDriftAcknowledge](
        { fieldId: 'priority', at: parsed.demotions[0]?.at },
        { accountId: h.users.admin },
      );
    expect(ack.ok && DriftView.parse(ack.data).demotions[0]?.acknowledged).toBe(true);
  });
});
