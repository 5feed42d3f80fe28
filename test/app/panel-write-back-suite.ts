/**
 * The panel stores the sections it refreshed (SLA risk, similar tickets, predictions) only over
 * the row it read: another writer that lands in between (the consumer's recompute, an agent's
 * decision, the SLA sweep) is never undone. Run on SQLite (panel-write-back.test.ts) and MariaDB
 * (panel-write-back.mariadb.test.ts).
 */
import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import type { SqlStorage } from '../../src/adapters/sql/storage';
import { createApp, createEngines } from '../../src/app';
import { PanelData } from '../../src/contracts/panel';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { silentLogger } from '../../src/core/ports/logger';
import type { SuggestionStore } from '../../src/core/ports/storage';
import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import type { StoredSuggestions } from '../../src/core/suggest/suggestions';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

export function describePanelWriteBack(label: string, options: { mariadb: boolean }): void {
  describe(`the panel's write-back on ${label}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ tickets: 80, trigger: false, mariadb: options.mariadb });
      await installAndTrain(h);
    });
    afterAll(() => h.close());

    /** An app whose write-back first lets `meanwhile` write the same row, as a racing writer would. */
    function appWithRacingWriter(meanwhile: (ticketId: string) => Promise<void>) {
      const inner = h.storage.suggestions;
      const suggestions: SuggestionStore = {
        get: inner.get.bind(inner),
        put: inner.put.bind(inner),
        delete: inner.delete.bind(inner),
        async putIfUnchanged(ticketId, value, computedAt, expectedRevision) {
          await meanwhile(ticketId);
          return inner.putIfUnchanged(ticketId, value, computedAt, expectedRevision);
        },
      };
      const storage: SqlStorage = { ...h.storage, suggestions };
      return createApp({
        jira: localJiraClients({ baseUrl: h.emulator.url }),
        storage,
        engines: createEngines(storage),
        config: h.config,
        queue: h.queue,
        clock: { now: h.site.now },
        logger: silentLogger,
      });
    }

    const stored = async (ticketId: string) => {
      const row = await h.storage.suggestions.get(ticketId, parseStoredSuggestions);
      if (row === null) throw new Error(`no suggestions stored for ${ticketId}`);
      return row;
    };

    /** Open issues the backfill computed suggestions for, whose SLA risk was never read. */
    const openIssues = () => h.site.allIssues().filter((i) => i.resolution === null);

    async function openPanel(app: ReturnType<typeof createApp>, key: string) {
      const result = await app.resolvers[RESOLVERS.panelGet]({ issueKey: key }, { accountId: h.users.agent });
      if (!result.ok) throw new Error(result.error.message);
      return PanelData.parse(result.data);
    }

    it('stores what it refreshed when nobody wrote meanwhile', async () => {
      const issue = openIssues()[0];
      if (!issue) throw new Error('no open issue');
      const before = await stored(issue.id);
      expect(before.value.sla).toBeNull();
      await openPanel(h.twin(), issue.key);
      const after = await stored(issue.id);
      expect(after.revision).toBe(before.revision + 1);
      expect(after.value.sla).not.toBeNull();
    });

    it("leaves another writer's row alone when it lands between the panel's read and write", async () => {
      const issue = openIssues()[1];
      if (!issue) throw new Error('no open issue');
      const before = await stored(issue.id);
      expect(before.value.sla).toBeNull();
      // An agent's decision (what actions.ts writes) arrives while the panel is computing.
      const decided: StoredSuggestions = {
        ...before.value,
        decisions: { priority: { state: 'dismissed', value: 'Highest', at: h.site.now() } },
      };
      const app = appWithRacingWriter((ticketId) =>
        ticketId === issue.id
          ? h.storage.suggestions.put(ticketId, decided, h.site.now())
          : Promise.resolve(),
      );
      const panel = await openPanel(app, issue.key);
      // The panel still answers with the SLA risk it computed ...
      expect(panel.sla.status).not.toBe('error');
      // ... but the row is the other writer's, decision included, not the panel's older copy.
      const after = await stored(issue.id);
      expect(after.value.decisions).toEqual(decided.decisions);
      expect(after.value.sla).toBeNull();
      expect(after.revision).toBe(before.revision + 1);
      // The next open reads the new row and stores its refresh on top of it.
      await openPanel(h.twin(), issue.key);
      const next = await stored(issue.id);
      expect(next.value.decisions).toEqual(decided.decisions);
      expect(next.value.sla).not.toBeNull();
    });
  });
}
