import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { PanelData } from '../../src/contracts/panel';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import { startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

/** Which version of the ticket the panel shows, stores and queues for ingest. */
describe('the ticket behind the panel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 30, trigger: false });
  });
  afterAll(() => h.close());

  const issue = () => {
    const i = h.site.allIssues()[2];
    if (!i) throw new Error('no issue');
    return i;
  };
  const open = async () => {
    const result = await h.app.resolvers[RESOLVERS.panelGet](
      { issueKey: issue().key },
      { accountId: h.users.agent },
    );
    if (!result.ok) throw new Error(result.error.message);
    return PanelData.parse(result.data);
  };

  it('stores a version it has not seen and queues its ingest (an event may have been missed)', async () => {
    expect(await h.storage.tickets.get(issue().id)).toBeNull();
    await open();
    expect((await h.storage.tickets.get(issue().id))?.updated).toBe(issue().updated);
    expect(h.queue.pending).toBe(1);
    await h.queue.drain();
    const row = await h.storage.suggestions.get(issue().id, parseStoredSuggestions);
    expect(row?.value.ticketUpdated).toBe(issue().updated);

    // An edit nobody told the app about: the next open stores it and queues it again.
    await localJiraClients({ baseUrl: h.emulator.url })
      .asUser(h.users.agent)
      .editIssue(issue().key, { summary: 'Docking station drops both monitors' });
    const panel = await open();
    expect(panel.ticketText.startsWith('Docking station drops both monitors')).toBe(true);
    expect((await h.storage.tickets.get(issue().id))?.summary).toBe('Docking station drops both monitors');
    expect(h.queue.pending).toBe(1);
    await h.queue.drain();
  });

  it('neither writes nor queues when the stored version is the one Jira answers', async () => {
    const before = await h.storage.tickets.get(issue().id);
    await open();
    expect(h.queue.pending).toBe(0);
    expect(await h.storage.tickets.get(issue().id)).toEqual(before);
  });

  it('shows the stored version when it is newer than what Jira answered', async () => {
    const stored = await h.storage.tickets.get(issue().id);
    if (!stored) throw new Error('not stored');
    await h.storage.tickets.upsert({
      ...stored,
      summary: 'Stored newer summary',
      updated: stored.updated + 60_000,
    });
    const panel = await open();
    expect(panel.ticketText.startsWith('Stored newer summary')).toBe(true);
    expect(h.queue.pending).toBe(0);
    expect((await h.storage.tickets.get(issue().id))?.summary).toBe('Stored newer summary');
  });
});
