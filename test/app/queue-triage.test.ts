import { QueueData } from '../../src/contracts/queue';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { triagedMarker } from '../../src/core/suggest/insights';
import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import { installTrainAndSweep, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(300_000);

describe('queue triage page (queue/list)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 300, trigger: false });
    await installTrainAndSweep(h);
  });
  afterAll(() => h.close());

  const list = async (projectKey: string): Promise<QueueData> => {
    const result = await h.app.resolvers[RESOLVERS.queueList]({ projectKey }, { accountId: h.users.admin });
    if (!result.ok) throw new Error(result.error.message);
    return QueueData.parse(result.data);
  };

  it('lists the open untriaged requests of the project, highest risk first, with the top suggestions', async () => {
    const data = await list('IT');
    expect(data.rows.length).toBeGreaterThan(0);
    const config = await h.config.load();
    for (const row of data.rows) {
      expect(row.key.startsWith('IT-')).toBe(true);
      const issue = h.site.issue(row.key);
      expect(issue?.statusCategory).not.toBe('done');
      const ticket = await h.storage.tickets.getByKey(row.key);
      const stored = ticket && (await h.storage.suggestions.get(ticket.id, parseStoredSuggestions));
      if (!ticket || !stored) throw new Error(`no suggestions for ${row.key}`);
      expect(triagedMarker(ticket, stored.value, config)).toBe('no');
    }
    const risks = data.rows.map((r) => r.risk?.percent ?? -1);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
  });

  it('refuses a malformed project key', async () => {
    const result = await h.app.resolvers[RESOLVERS.queueList](
      { projectKey: 'it; drop' },
      { accountId: h.users.admin },
    );
    expect(result.ok).toBe(false);
  });
});
