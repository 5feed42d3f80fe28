import { RESOLVERS } from '../../src/contracts/resolvers';
import { PanelData } from '../../src/contracts/panel';
import { classifierName } from '../../src/core/train/models';
import { textClassifierEngine } from '../../src/app/engines/classifier';
import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { forgetWarmState } from '../../src/app';
import { installAndTrain, startHarness } from '../app/harness';
import type { Harness } from '../app/harness';

jest.setTimeout(120_000);

describe('a corrupt or old-format model row', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 120, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  const priorityModel = classifierName('priority');

  async function panelOf(key: string) {
    const app = h.twin();
    const result = await app.resolvers[RESOLVERS.panelGet]({ issueKey: key }, { accountId: h.users.agent });
    if (!result.ok) throw new Error(result.error.message);
    return PanelData.parse(result.data);
  }

  /** An agent edits the issue and the consumer ingests it: the models predict afresh. */
  async function editAndIngest(key: string, summary: string) {
    const issue = h.site.issue(key);
    if (!issue) throw new Error(`no ${key}`);
    await localJiraClients({ baseUrl: h.emulator.url }).asUser(h.users.agent).editIssue(key, { summary });
    await h.twin().consume({ kind: 'ingest', issueId: issue.id, eventAt: 0 });
  }

  it.each([
    [
      'checksum mismatch',
      async () => {
        await h.db.db
          .updateTable('tl_model_chunks')
          .set({ data: 'garbage' } as never)
          .where('name', '=', priorityModel)
          .execute();
        // The header is unchanged, so a warm container keeps the model it parsed before the
        // damage; a container that starts now reads the damaged chunks.
        forgetWarmState();
      },
    ],
    [
      'older format version',
      () =>
        h.db.db
          .updateTable('tl_models')
          .set({ version: textClassifierEngine.formatVersion - 1 })
          .where('name', '=', priorityModel)
          .execute(),
    ],
    [
      'unreadable payload',
      () =>
        h.storage.models.save(
          priorityModel,
          '{"kind":"classifier","version":1,"payload":{}}',
          textClassifierEngine.formatVersion,
        ),
    ],
  ])('is rebuilt, not crashed on: %s', async (name, damage) => {
    await damage();
    const key = h.site.allIssues()[3]?.key ?? '';
    // A new ticket version is predicted afresh; the damaged field is left out, not fatal.
    await editAndIngest(key, `VPN keeps dropping (${name})`);
    const panel = await panelOf(key);
    if (panel.classification.status === 'ok')
      expect(panel.classification.data.map((f) => f.fieldId)).not.toContain('priority');
    expect(panel.classification.status).not.toBe('error');
    // The ingest asked for a retrain of exactly the damaged field; running it restores the model.
    await h.queue.drain();
    expect((await h.storage.models.load(priorityModel, textClassifierEngine.formatVersion)).status).toBe(
      'ok',
    );
    await editAndIngest(key, `VPN keeps dropping after the fix (${name})`);
    const healed = await panelOf(key);
    expect(healed.classification.status).toBe('ok');
    if (healed.classification.status === 'ok')
      expect(healed.classification.data.map((f) => f.fieldId)).toContain('priority');
  });
});
