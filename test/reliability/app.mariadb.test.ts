import { RESOLVERS } from '../../src/contracts/resolvers';
import { PanelData } from '../../src/contracts/panel';
import { localJiraClients } from '../../src/local/adapters/http-jira-transport';
import { parseStoredSuggestions } from '../../src/core/suggest/suggestions';
import { startHarness } from '../app/harness';

jest.setTimeout(300_000);

/** The use-cases on MariaDB (the MySQL dialect Forge SQL speaks): install, faults, races, panel. */
describe('the app on MariaDB', () => {
  it('backfills through faults exactly once, converges under racing consumers and answers the panel', async () => {
    const h = await startHarness({
      tickets: 90,
      trigger: false,
      backfillPageSize: 20,
      jiraTimeoutMs: 1_000,
      mariadb: true,
    });
    try {
      h.emulator.faults.add({
        route: 'searchJql',
        fault: { kind: 'status', status: 429, retryAfterSeconds: 0 },
        times: 4,
        after: 1,
      });
      h.emulator.faults.add({ route: 'searchJql', fault: { kind: 'malformed' }, times: 1, after: 3 });
      h.emulator.faults.add({ route: 'searchJql', fault: { kind: 'expire-token' }, times: 1, after: 4 });
      await h.app.handleInstalled();
      await h.queue.drain();
      const ids = h.site
        .allIssues()
        .map((i) => i.id)
        .sort();
      expect((await h.storage.tickets.getMany(ids)).map((t) => t.id).sort()).toEqual(ids);
      expect((await h.storage.index.stats()).documents).toBe(ids.length);
      expect((await h.storage.jobs.get('backfill'))?.status.state).toBe('done');

      const issue = h.site.allIssues()[4];
      if (!issue) throw new Error('no issue');
      const jira = localJiraClients({ baseUrl: h.emulator.url }).asUser(h.users.agent);
      const message = { kind: 'ingest', issueId: issue.id, eventAt: 0 };
      await Promise.all([
        h.app.consume(message),
        h.twin().consume(message),
        jira.editIssue(issue.key, { summary: 'Monitor flickers after docking' }),
      ]);
      await Promise.all([h.app.consume(message), h.twin().consume(message)]);
      const ticket = await h.storage.tickets.get(issue.id);
      expect(ticket?.summary).toBe('Monitor flickers after docking');
      expect((await h.storage.suggestions.get(issue.id, parseStoredSuggestions))?.value.ticketUpdated).toBe(
        ticket?.updated,
      );

      const panel = await h.app.resolvers[RESOLVERS.panelGet](
        { issueKey: issue.key },
        { accountId: h.users.agent },
      );
      if (!panel.ok) throw new Error(panel.error.message);
      const data = PanelData.parse(panel.data);
      for (const s of [data.classification, data.routing, data.similar, data.sla])
        expect(s.status).not.toBe('error');
    } finally {
      await h.close();
    }
  });
});
