import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import type { IssueEvent } from '../../src/local/emulator/site';
import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { installAndTrain, startHarness } from '../app/harness';
import type { Harness } from '../app/harness';

jest.setTimeout(120_000);

/** What the store holds for one issue: the ticket and its derived rows. */
async function snapshot(h: Harness, id: string) {
  const ticket = await h.storage.tickets.get(id);
  const suggestions = await h.storage.suggestions.get(id, parseStoredSuggestions);
  const [entry] = await h.storage.index.entries([id]);
  return { ticket, suggestions: suggestions?.value ?? null, entry };
}

describe('ingest under duplicate, reordered and concurrent events', () => {
  let h: Harness;
  let events: IssueEvent[];
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 80, trigger: false, concurrency: 2 });
    await installAndTrain(h);
    events = [];
    h.site.onIssueEvent((e) => events.push(e));
  });
  afterAll(() => h.close());

  function openIssue(n: number) {
    const issue = h.site.allIssues()[n * 7];
    if (!issue) throw new Error('not enough issues');
    return issue;
  }

  it('ends in the same state whatever the order and number of deliveries', async () => {
    const issue = openIssue(0);
    const jira = localJiraClients({ baseUrl: h.emulator.url }).asUser(h.users.agent);
    events.length = 0;
    await jira.editIssue(issue.key, { summary: 'Printer on floor 3 jams (first edit)' });
    await jira.editIssue(issue.key, { summary: 'Printer on floor 3 jams on every A3 job' });
    await jira.addComment(issue.key, 'Tried another tray, same result.', { internal: false });
    expect(events).toHaveLength(3);

    // Newest first, then every event again: late and duplicated, as Forge may deliver them.
    for (const e of [...events].reverse()) await h.app.handleIssueEvent({ ...e, timestamp: 1 });
    for (const e of events) await h.app.handleIssueEvent({ ...e, timestamp: 2 });
    await h.queue.drain();
    const after = await snapshot(h, issue.id);
    expect(after.ticket?.summary).toBe('Printer on floor 3 jams on every A3 job');
    expect(after.ticket?.comments.at(-1)?.body).toContain('Tried another tray');
    expect(after.suggestions?.ticketUpdated).toBe(after.ticket?.updated);

    // Delivering them all once more changes nothing at all.
    for (const e of events) await h.app.handleIssueEvent(e);
    await h.queue.drain();
    expect(await snapshot(h, issue.id)).toEqual(after);
    expect(h.queue.deadLetters).toEqual([]);
  });

  it('converges when two consumers ingest the same issue at once', async () => {
    const issue = openIssue(1);
    const jira = localJiraClients({ baseUrl: h.emulator.url }).asUser(h.users.agent);
    await jira.editIssue(issue.key, { summary: 'Laptop battery swells' });
    const twin = h.twin();
    const message = { kind: 'ingest', issueId: issue.id, eventAt: 0 };
    // The first consumer fetched the old version; the edit lands while both are running.
    const racing = Promise.all([
      h.app.consume(message),
      twin.consume(message),
      jira.editIssue(issue.key, { summary: 'Laptop battery swells and the lid no longer closes' }),
    ]);
    await racing;
    await Promise.all([h.app.consume(message), twin.consume(message)]);
    const state = await snapshot(h, issue.id);
    expect(state.ticket?.summary).toBe('Laptop battery swells and the lid no longer closes');
    expect(state.suggestions?.ticketUpdated).toBe(state.ticket?.updated);
    expect(state.entry?.lengths[0]).toBeGreaterThan(0);
  });

  it('forgets an issue deleted in Jira', async () => {
    const issue = openIssue(2);
    expect(h.site.deleteIssue(issue.key)).toBe(true);
    await h.app.consume({ kind: 'ingest', issueId: issue.id, eventAt: 0 });
    expect(await snapshot(h, issue.id)).toEqual({ ticket: null, suggestions: null, entry: undefined });
  });

  it('drops an event without an issue id and a message of unknown shape', async () => {
    const pending = h.queue.pending;
    await h.app.handleIssueEvent({ issue: { id: '../../etc' } });
    await h.app.handleIssueEvent({ issue: { key: 'IT-1' } });
    expect(h.queue.pending).toBe(pending);
    await expect(h.app.consume({ kind: 'ingest', issueId: { $gt: '' } })).resolves.toBeUndefined();
    await expect(h.app.consume('__proto__')).resolves.toBeUndefined();
  });
});
