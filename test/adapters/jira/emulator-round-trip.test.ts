import { issueToTicket, ticketFieldIds } from '../../../src/adapters/jira/issue-to-ticket';
import { localJiraClients } from '../../../src/local/adapters/http-jira-transport';
import type { Ticket } from '../../../src/core/shared/ticket';
import { DEMO_SITE_FIELDS } from '../../../src/local/emulator/seed';
import { adfToText } from '../../../src/engine/text';
import { startFixture, type EmulatorFixture } from '../../local/emulator/fixture';

let fx: EmulatorFixture;
const tickets = new Map<string, Ticket>();

beforeAll(async () => {
  fx = await startFixture(250);
  const jira = localJiraClients({ baseUrl: fx.emulator.url }).asApp();
  const fields = ticketFieldIds(DEMO_SITE_FIELDS);
  for (const project of ['IT', 'HR', 'FAC']) {
    let token: string | undefined;
    do {
      const page = await jira.searchIssues({
        jql: `project = ${project} ORDER BY key ASC`,
        fields,
        maxResults: 100,
        nextPageToken: token,
      });
      for (const issue of page.issues)
        tickets.set(issue.key, issueToTicket(issue, { fields: DEMO_SITE_FIELDS, adfToText }));
      token = page.nextPageToken;
    } while (token !== undefined);
  }
});

afterAll(async () => {
  await fx.emulator.close();
});

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('seed → emulator JSON → issueToTicket keeps what the engines need', () => {
  it('maps every seeded ticket', () => {
    expect(tickets.size).toBe(fx.demo.site.tickets.length);
  });

  it('keeps fields, texts, people and times', () => {
    const site = fx.demo.site;
    const users = new Map(site.users.map((u) => [u.accountId, u]));
    for (const seed of site.tickets) {
      const t = tickets.get(seed.key);
      expect(t).toBeDefined();
      if (!t) continue;
      expect(t).toMatchObject({
        id: seed.id,
        projectKey: seed.projectKey,
        summary: seed.summary,
        issueType: seed.issueType,
        requestType: site.requestTypes.find((r) => r.id === seed.requestTypeId)?.name ?? null,
        priority: seed.priority,
        components: seed.components,
        labels: seed.labels,
        custom: {
          ...(seed.category === null ? {} : { customfield_10060: seed.category }),
          ...(seed.impact == null ? {} : { customfield_10004: seed.impact }),
        },
        status: seed.status,
        statusCategory: seed.statusCategory,
        resolution: seed.resolution,
        assigneeId: seed.assigneeId,
        team: site.teams.find((x) => x.id === seed.teamId)?.name ?? null,
        reporterId: seed.reporterId,
        reporterDomain: users.get(seed.reporterId)?.email.split('@')[1] ?? null,
        organization: seed.organization,
        created: seed.created,
        updated: seed.updated,
        resolved: seed.resolved,
      });
      expect(squash(t.description)).toBe(squash(seed.description));
      expect(t.comments.map((c) => [squash(c.body), c.internal, c.created])).toEqual(
        seed.comments.map((c) => [squash(c.body), c.internal, c.created]),
      );
    }
  });

  it('keeps planted duplicate links, in the right direction', () => {
    for (const d of fx.demo.planted.duplicates.filter((x) => x.linked)) {
      expect(tickets.get(d.duplicate)?.links).toContainEqual({
        key: d.original,
        type: 'Duplicate',
        direction: 'outward',
      });
      expect(tickets.get(d.original)?.links).toContainEqual({
        key: d.duplicate,
        type: 'Duplicate',
        direction: 'inward',
      });
    }
  });
});
