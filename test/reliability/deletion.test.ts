import { createApp, createEngines } from '../../src/app';
import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import type { JiraClientFactory, JiraPort } from '../../src/core/ports/jira';
import { silentLogger } from '../../src/core/ports/logger';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { startHarness } from '../app/harness';
import type { Harness } from '../app/harness';

jest.setTimeout(180_000);

/**
 * Deletion end to end: tickets filed through the emulator's REST API, ingested from their
 * events, shown as similar; one deleted through `DELETE /rest/api/3/issue/{key}`, whose
 * `avi:jira:deleted:issue` event reaches the app as Forge would deliver it. From then on the
 * ticket is nowhere, and a stale ingest (its issue fetched before the delete, its writes after)
 * does not bring it back.
 */
describe('an issue deleted in Jira stays deleted', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quickTraining: true, tickets: 80 });
    await h.app.handleInstalled();
    await h.queue.drain();
  });
  afterAll(() => h.close());

  /** One REST call as a user; a pooled connection the server has closed meanwhile is retried once. */
  const rest = async (path: string, init: { method: string; as: string; body?: unknown }) => {
    const send = () =>
      fetch(`${h.emulator.url}${path}`, {
        method: init.method,
        headers: { Authorization: `Bearer user:${init.as}`, 'Content-Type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    return send().catch(send);
  };

  async function file(summary: string): Promise<{ id: string; key: string }> {
    const res = await rest('/rest/api/3/issue', {
      method: 'POST',
      as: h.users.agent,
      body: { fields: { project: { key: 'IT' }, summary, issuetype: { name: 'Incident' } } },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; key: string };
  }

  async function panelText(key: string): Promise<string> {
    const result = await h.app.resolvers[RESOLVERS.panelGet]({ issueKey: key }, { accountId: h.users.agent });
    if (!result.ok) throw new Error(result.error.message);
    return JSON.stringify(result.data);
  }

  async function recurringText(): Promise<string> {
    const result = await h.app.resolvers[RESOLVERS.adminRecurring]({}, { accountId: h.users.admin });
    if (!result.ok) throw new Error(result.error.message);
    return JSON.stringify(result.data);
  }

  async function storedAnywhere(id: string) {
    return {
      ticket: await h.storage.tickets.get(id),
      entries: await h.storage.index.entries([id]),
      suggestions: await h.storage.suggestions.get(id, (v) => v),
    };
  }
  const nowhere = { ticket: null, entries: [], suggestions: null };

  /**
   * An app whose Jira reads the issue at once but answers only when `release` is called: a slow
   * consumer that fetched the issue before the delete and writes after it.
   */
  function slowApp() {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let fetched = () => undefined as void;
    const read = new Promise<void>((resolve) => (fetched = resolve));
    const real = localJiraClients({ baseUrl: h.emulator.url });
    const jira: JiraClientFactory = {
      asUser: (id) => real.asUser(id),
      asApp: () =>
        new Proxy<JiraPort>(real.asApp(), {
          get: (target, prop, receiver) => {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (prop !== 'getIssue' || typeof value !== 'function') return value;
            return async (...args: unknown[]) => {
              const issue: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(
                target,
                args,
              );
              fetched();
              await gate;
              return issue;
            };
          },
        }),
    };
    const app = createApp({
      jira,
      storage: h.storage,
      engines: createEngines(h.storage),
      config: h.config,
      queue: h.queue,
      clock: { now: h.site.now },
      logger: silentLogger,
    });
    return { app, read, release: () => release() };
  }

  it('is never shown again, and a stale ingest does not resurrect it', async () => {
    const summary = 'Badge reader at the north entrance rejects every badge since the firmware update';
    const doomed = await file(summary);
    const other = await file(`${summary} this morning`);
    await h.queue.drain();
    expect(await panelText(other.key)).toContain(`"key":"${doomed.key}"`);

    const slow = slowApp();
    const stale = slow.app.consume({ kind: 'ingest', issueId: doomed.id, eventAt: 0 });
    await slow.read;

    // An agent may not delete (Jira's default scheme gives Delete issues to administrators).
    expect(
      (await rest(`/rest/api/3/issue/${doomed.key}`, { method: 'DELETE', as: h.users.agent })).status,
    ).toBe(403);
    const res = await rest(`/rest/api/3/issue/${doomed.key}`, { method: 'DELETE', as: h.users.admin });
    expect(res.status).toBe(204);
    await h.queue.drain();
    expect(await storedAnywhere(doomed.id)).toEqual(nowhere);
    expect(await h.storage.tickets.isBuried(doomed.id)).toBe(true);

    // The slow consumer writes now, after the delete event's ingest has run.
    slow.release();
    await stale;
    expect(await storedAnywhere(doomed.id)).toEqual(nowhere);
    // And a replayed event (at-least-once delivery) refetches: Jira says it is gone.
    await h.app.consume({ kind: 'ingest', issueId: doomed.id, eventAt: 0 });
    await h.queue.drain();
    expect(await storedAnywhere(doomed.id)).toEqual(nowhere);
    expect((await h.storage.index.stats()).documents).toBe(await h.storage.tickets.count());

    expect(await panelText(other.key)).not.toContain(`"key":"${doomed.key}"`);
    expect(await recurringText()).not.toContain(`"key":"${doomed.key}"`);
  });
});
