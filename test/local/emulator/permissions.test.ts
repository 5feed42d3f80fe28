import { localJiraClients } from '../../../src/local/adapters/http-jira-transport';
import type { JiraPort } from '../../../src/core/ports/jira';
import {
  issueToTicket,
  DEFAULT_SITE_FIELDS,
  ticketFieldIds,
} from '../../../src/adapters/jira/issue-to-ticket';
import { adfToText } from '../../../src/engine/text';
import { jiraFailure } from '../../adapters/jira/helpers';
import { startFixture, type EmulatorFixture } from './fixture';

/** The emulator's Jira permissions: desk roles, security levels, internal comments, strict JQL keys. */
let fx: EmulatorFixture;
let clients: ReturnType<typeof localJiraClients>;
const desks = () => [...new Set(fx.site.allIssues().map((i) => i.projectKey))];
const staff = (kind: 'agent' | 'admin') => {
  const user = fx.demo.site.users.find((u) => u.kind === kind);
  if (!user) throw new Error(`no ${kind}`);
  return user.accountId;
};
const as = (accountId: string): JiraPort => clients.asUser(accountId);

beforeAll(async () => {
  fx = await startFixture(120);
  clients = localJiraClients({ baseUrl: fx.emulator.url });
});
afterAll(async () => {
  await fx.emulator.close();
});
afterEach(() => {
  fx.site.projectAccess.clear();
  fx.site.securityLevels.clear();
  for (const i of fx.site.allIssues()) i.securityLevelId = null;
});

describe('per-desk browse permission', () => {
  it('hides another desk from an agent outside its roles, in reads, searches and counts', async () => {
    const [mine, theirs] = desks();
    if (!mine || !theirs) throw new Error('the demo needs two desks');
    const agent = staff('agent');
    fx.site.setProjectAccess({ projectKey: theirs, accountIds: [] });
    const foreign = fx.site.allIssues().find((i) => i.projectKey === theirs && i.reporterId !== agent);
    const own = fx.site.allIssues().find((i) => i.projectKey === mine);
    expect((await jiraFailure(as(agent).getIssue(foreign?.key ?? '', ['summary']))).kind).toBe('not_found');
    await expect(as(agent).getIssue(own?.key ?? '', ['summary'])).resolves.toMatchObject({ key: own?.key });
    const page = await as(agent).searchIssues({
      jql: `project = ${theirs}`,
      fields: ['key'],
      maxResults: 500,
    });
    expect(page.issues).toHaveLength(0);
    expect(await as(agent).countIssues(`project in (${mine}, ${theirs})`)).toBe(
      fx.site.allIssues().filter((i) => i.projectKey === mine).length,
    );
    const perms = await as(agent).getMyPermissions({ permissions: ['BROWSE_PROJECTS'], projectKey: theirs });
    expect(perms.get('BROWSE_PROJECTS')).toBe(false);
    expect((await jiraFailure(as(agent).getSla(foreign?.key ?? ''))).kind).toBe('not_found');
  });

  it('lets a listed agent in and keeps the app seeing everything', async () => {
    const [, theirs] = desks();
    const agent = staff('agent');
    fx.site.setProjectAccess({ projectKey: theirs ?? '', accountIds: [agent] });
    const foreign = fx.site.allIssues().find((i) => i.projectKey === theirs);
    await expect(as(agent).getIssue(foreign?.key ?? '', ['summary'])).resolves.toBeDefined();
    const admin = staff('admin');
    expect((await jiraFailure(as(admin).getIssue(foreign?.key ?? '', ['summary']))).kind).toBe('not_found');
    await expect(clients.asApp().getIssue(foreign?.key ?? '', ['summary'])).resolves.toBeDefined();
  });

  it('leaves out links to issues the caller cannot see', async () => {
    const linked = fx.site.links.find((l) => {
      const a = fx.site.issue(l.fromKey);
      const b = fx.site.issue(l.toKey);
      return a && b && a.projectKey === b.projectKey;
    });
    if (!linked) throw new Error('the demo has no link');
    const agent = staff('agent');
    const target = fx.site.issue(linked.toKey);
    if (!target) throw new Error('no target');
    const read = async () =>
      issueToTicket(await as(agent).getIssue(linked.fromKey, ticketFieldIds(DEFAULT_SITE_FIELDS)), {
        fields: DEFAULT_SITE_FIELDS,
        adfToText,
      }).links.map((l) => l.key);
    expect(await read()).toContain(linked.toKey);
    fx.site.securityLevels.set('900', {
      id: '900',
      name: 'Board',
      projectKey: target.projectKey,
      memberIds: [],
    });
    target.securityLevelId = '900';
    expect(await read()).not.toContain(linked.toKey);
  });
});

describe('issue security levels', () => {
  it('shows a secured issue to its level members and its reporter only', async () => {
    const agent = staff('agent');
    const admin = staff('admin');
    const issue = fx.site.allIssues()[0];
    if (!issue) throw new Error('no issue');
    fx.site.securityLevels.set('901', {
      id: '901',
      name: 'HR confidential',
      projectKey: issue.projectKey,
      memberIds: [admin],
    });
    issue.securityLevelId = '901';
    expect((await jiraFailure(as(agent).getIssue(issue.key, ['summary']))).kind).toBe('not_found');
    await expect(as(admin).getIssue(issue.key, ['summary'])).resolves.toBeDefined();
    await expect(as(issue.reporterId).getIssue(issue.key, ['summary'])).resolves.toBeDefined();
  });
});

describe('internal comments', () => {
  it('are returned to the desk’s staff and withheld from the customer', async () => {
    const issue = fx.site
      .allIssues()
      .find((i) => i.comments.some((c) => c.internal) && i.comments.some((c) => !c.internal));
    if (!issue) throw new Error('the demo has no ticket with internal and public comments');
    const count = async (jira: JiraPort) => {
      const raw = await jira.getIssue(issue.key, ['comment']);
      const comment = raw.fields.comment as { comments: { jsdPublic: boolean }[] };
      return { all: comment.comments.length, internal: comment.comments.filter((c) => !c.jsdPublic).length };
    };
    const internal = issue.comments.filter((c) => c.internal).length;
    expect(await count(as(staff('agent')))).toEqual({ all: issue.comments.length, internal });
    expect(await count(as(issue.reporterId))).toEqual({ all: issue.comments.length - internal, internal: 0 });
  });
});

describe('JQL naming issues the caller cannot see', () => {
  it('is refused with one sentence per unknown key, as Jira Cloud does', async () => {
    const [mine, theirs] = desks();
    const agent = staff('agent');
    fx.site.setProjectAccess({ projectKey: theirs ?? '', accountIds: [] });
    const own = fx.site.allIssues().find((i) => i.projectKey === mine);
    const foreign = fx.site.allIssues().find((i) => i.projectKey === theirs);
    const error = await jiraFailure(
      as(agent).searchIssues({ jql: `key in (${own?.key}, ${foreign?.key}, ZZ-404)`, fields: ['key'] }),
    );
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      `An issue with key '${foreign?.key}' does not exist for the field 'key'.`,
      "An issue with key 'ZZ-404' does not exist for the field 'key'.",
    ]);
    const page = await as(agent).searchIssues({ jql: `key in (${own?.key})`, fields: ['key'] });
    expect(page.issues.map((i) => i.key)).toEqual([own?.key]);
  });
});
