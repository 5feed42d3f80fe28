import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AdminConfig } from '../../../src/contracts/config';
import { RESOLVERS } from '../../../src/contracts/resolvers';
import { startWorkbench, type RunningWorkbench } from '../../../src/local/workbench/start';
import { staticFixture } from './fixture';
import { postJson, rawRequest } from './http';

jest.setTimeout(180_000);

let wb: RunningWorkbench;
let key: string;
let admin: string;
let agent: string;

beforeAll(async () => {
  wb = await startWorkbench({ port: 0, demoTickets: 150, staticRoot: staticFixture() });
  // The newest ticket: the first row of the list page.
  key = wb.emulator.site.allIssues().reduce((a, b) => (b.created > a.created ? b : a)).key;
  const users = [...wb.emulator.site.users.values()];
  admin = users.find((u) => u.kind === 'admin')!.accountId;
  agent = users.find((u) => u.kind === 'agent')!.accountId;
});

afterAll(async () => {
  await wb.stop();
});

/** The session cookie the user picker sets. */
const as = (user: string) => ({ headers: { cookie: `tl_user=${encodeURIComponent(user)}` } });

describe('pages', () => {
  it('lists tickets with a create form', async () => {
    const res = await fetch(`${wb.url}/`, as(agent));
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain(`href="/browse/${key}"`);
    expect(page).toContain('data-testid="create-form"');
    expect(page).toContain('data-testid="user-switcher"');
  });

  it('shows an issue like JSM, with the panel iframe beside it', async () => {
    const res = await fetch(`${wb.url}/browse/${key}?theme=dark&locale=de`, as(agent));
    const page = await res.text();
    expect(res.status).toBe(200);
    for (const field of ['priority', 'requestType', 'components', 'labels', 'assignee', 'status']) {
      expect(page).toContain(`data-testid="issue-field-${field}"`);
    }
    expect(page).toContain('data-testid="issue-links"');
    expect(page).toContain(`src="/apps/issue-panel/?issueKey=${key}&amp;theme=dark&amp;locale=de"`);
  });

  it('answers 404 for unknown issues, escaping what was asked for', async () => {
    expect((await fetch(`${wb.url}/browse/NOPE-999999`, as(agent))).status).toBe(404);
    const res = await fetch(`${wb.url}/browse/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    // %2F in a path is refused before routing, like other traversal tricks.
    expect(res.status).toBe(400);
    const res2 = await fetch(`${wb.url}/browse/%3Cscript%3Ealert(1)`, as(agent));
    const page = await res2.text();
    expect(res2.status).toBe(404);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)');
    expect((await fetch(`${wb.url}/no/such/page`)).status).toBe(404);
  });

  it('renders ticket text escaped', async () => {
    const created = await postJson(
      wb.url,
      '/__workbench/tickets',
      {
        project: wb.emulator.site.serviceDesks[0]!.projectKey,
        summary: '<img src=x onerror=alert(1)> printer',
        description: '"><script>alert(2)</script>',
      },
      agent,
    );
    expect(created.status).toBe(201);
    const newKey = (created.json as { key: string }).key;
    const page = await (await fetch(`${wb.url}/browse/${newKey}`, as(agent))).text();
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert(2)');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; printer');
  });

  it('switches the acting user with a cookie, refusing unknown users', async () => {
    const ok = await fetch(`${wb.url}/__workbench/prefs`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: agent, theme: 'dark', returnTo: '//evil.example/' }).toString(),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/');
    expect(ok.headers.getSetCookie().join(';')).toContain(`tl_user=${encodeURIComponent(agent)}`);
    const bad = await fetch(`${wb.url}/__workbench/prefs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=nobody',
    });
    expect(bad.status).toBe(400);
  });
});

describe('bridge endpoints', () => {
  it('gives Forge-shaped context for the issue panel', async () => {
    const res = await fetch(`${wb.url}/__workbench/context?app=issue-panel&issueKey=${key}&locale=de`, {
      headers: { cookie: `tl_user=${agent}` },
    });
    const ctx = (await res.json()) as Record<string, unknown>;
    const issue = wb.emulator.site.issue(key)!;
    expect(ctx).toMatchObject({
      accountId: agent,
      cloudId: 'workbench',
      locale: 'de_DE',
      theme: { colorMode: 'light' },
      extension: {
        type: 'jira:issueContext',
        issue: { key, id: issue.id, type: issue.issueType },
        project: { key: issue.projectKey },
      },
    });
  });

  it('refuses bad context requests', async () => {
    expect((await fetch(`${wb.url}/__workbench/context?app=evil`, as(agent))).status).toBe(400);
    expect(
      (await fetch(`${wb.url}/__workbench/context?app=issue-panel&issueKey=not-a-key`, as(agent))).status,
    ).toBe(400);
    expect(
      (await fetch(`${wb.url}/__workbench/context?app=issue-panel&issueKey=ZZZ-99999`, as(agent))).status,
    ).toBe(404);
  });

  it('validates invoke requests', async () => {
    expect((await postJson(wb.url, '/__workbench/invoke', '{not json', agent)).status).toBe(400);
    expect((await postJson(wb.url, '/__workbench/invoke', { payload: {} }, agent)).status).toBe(400);
    const unknown = await postJson(
      wb.url,
      '/__workbench/invoke',
      { functionKey: '__proto__', payload: {} },
      agent,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: 'no resolver named "__proto__"' });
    expect((await fetch(`${wb.url}/__workbench/invoke`)).status).toBe(405);
  });

  it('passes the resolver envelope through, errors included', async () => {
    const bad = await postJson(
      wb.url,
      '/__workbench/invoke',
      { functionKey: RESOLVERS.panelGet, payload: { issueKey: 'x' }, context: { app: 'issue-panel' } },
      agent,
    );
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const missing = await postJson(
      wb.url,
      '/__workbench/invoke',
      {
        functionKey: RESOLVERS.panelGet,
        payload: { issueKey: 'ZZZ-99999' },
        context: { app: 'issue-panel', issueKey: 'ZZZ-99999' },
      },
      agent,
    );
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('runs admin resolvers for admins only', async () => {
    const asAgent = await postJson(
      wb.url,
      '/__workbench/invoke',
      { functionKey: RESOLVERS.adminConfigGet, payload: {}, context: { app: 'admin' } },
      agent,
    );
    expect(asAgent.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asAdmin = await postJson(
      wb.url,
      '/__workbench/invoke',
      { functionKey: RESOLVERS.adminConfigGet, payload: {}, context: { app: 'admin' } },
      admin,
    );
    expect(asAdmin.json).toMatchObject({ ok: true, data: { version: 1 } });
  });

  it('proxies requestJira to the emulator as the acting user', async () => {
    const res = await fetch(`${wb.url}/__workbench/jira/rest/api/3/issue/${key}?fields=summary`, {
      headers: { cookie: `tl_user=${agent}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { key: string }).key).toBe(key);
    const missing = await fetch(`${wb.url}/__workbench/jira/rest/api/3/issue/ZZZ-99999`, as(agent));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errorMessages: string[] }).errorMessages.length).toBeGreaterThan(0);
    expect((await fetch(`${wb.url}/__workbench/jira/etc/passwd`, as(agent))).status).toBe(400);
  });

  it('passes emulator faults through the proxy as Jira would answer', async () => {
    wb.emulator.faults.add({ route: 'getIssue', fault: { kind: 'status', status: 503 }, times: 1 });
    const res = await fetch(`${wb.url}/__workbench/jira/rest/api/3/issue/${key}`, as(agent));
    expect(res.status).toBe(503);
  });
});

describe('static apps', () => {
  it('serves index.html with the bridge shim first in <head>', async () => {
    const res = await fetch(`${wb.url}/apps/issue-panel/?issueKey=${key}`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toMatch(
      /<head><script src="\/__workbench\/bridge-shim\.js"><\/script><meta charset="utf-8">/,
    );
    const asset = await fetch(`${wb.url}/apps/admin/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(await asset.text()).toBe('console.log("admin");');
  });

  it('serves the shim verbatim', async () => {
    const shim = await (await fetch(`${wb.url}/__workbench/bridge-shim.js`)).text();
    expect(shim).toBe(
      readFileSync(
        path.resolve(__dirname, '..', '..', '..', 'static', 'workbench-bridge', 'bridge-shim.js'),
        'utf8',
      ),
    );
  });

  it.each([
    '/apps/issue-panel/../../package.json',
    '/apps/issue-panel/%2e%2e/%2e%2e/package.json',
    '/apps/issue-panel/..%2f..%2fpackage.json',
    '/apps/issue-panel/..%5c..%5cpackage.json',
    '/apps/admin/./../../../etc/passwd',
  ])('refuses path traversal: %s', async (p) => {
    const res = await rawRequest(wb.url, p);
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('"name": "triage-lens"');
  });

  it('answers 404 for missing files and unknown apps', async () => {
    expect((await fetch(`${wb.url}/apps/issue-panel/nope.js`)).status).toBe(404);
    expect((await fetch(`${wb.url}/apps/other/index.html`)).status).toBe(404);
    expect((await fetch(`${wb.url}/__workbench/nothing`)).status).toBe(404);
  });
});

describe('trigger path', () => {
  it('ingests a new ticket and the panel then has suggestions', async () => {
    await wb.ready();
    const project = wb.emulator.site.serviceDesks[0]!.projectKey;
    const created = await postJson(
      wb.url,
      '/__workbench/tickets',
      {
        project,
        summary: 'VPN client cannot connect from home office',
        description: 'The VPN drops every few minutes since this morning.',
      },
      agent,
    );
    expect(created.status).toBe(201);
    const newKey = (created.json as { key: string }).key;
    let panel: { ok: boolean; data?: { classification: { status: string } } } = { ok: false };
    for (let i = 0; i < 100; i++) {
      panel = (
        await postJson(
          wb.url,
          '/__workbench/invoke',
          {
            functionKey: RESOLVERS.panelGet,
            payload: { issueKey: newKey },
            context: { app: 'issue-panel', issueKey: newKey },
          },
          agent,
        )
      ).json as typeof panel;
      if (panel.ok && panel.data?.classification.status === 'ok') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(panel).toMatchObject({ ok: true, data: { classification: { status: 'ok' } } });
  });

  it('a configuration saved on the admin page counts at once, in the pages and for scripts', async () => {
    await wb.ready();
    const invoke = async (functionKey: string, payload: unknown, as: string) =>
      (
        await postJson(
          wb.url,
          '/__workbench/invoke',
          { functionKey, payload, context: { app: 'admin', issueKey: key } },
          as,
        )
      ).json as { ok: boolean; data?: unknown };
    const fieldsShown = async () => {
      const panel = (await invoke(RESOLVERS.panelGet, { issueKey: key }, agent)) as {
        data?: { classification: { status: string; data?: { fieldId: string }[] } };
      };
      return (panel.data?.classification.data ?? []).map((f) => f.fieldId);
    };
    const config = (await invoke(RESOLVERS.adminConfigGet, {}, admin)).data as AdminConfig;
    expect(await fieldsShown()).toContain('priority');
    // A script's handle reads the configuration before and after the save.
    expect(await wb.app.resolvers[RESOLVERS.adminConfigGet]({}, { accountId: admin })).toMatchObject({
      data: config,
    });
    const off = {
      ...config,
      fields: config.fields.map((f) => (f.fieldId === 'priority' ? { ...f, mode: 'off' as const } : f)),
    };
    try {
      expect(await invoke(RESOLVERS.adminConfigSave, off, admin)).toMatchObject({ ok: true });
      expect(await fieldsShown()).not.toContain('priority');
      const seen = await wb.app.resolvers[RESOLVERS.adminConfigGet]({}, { accountId: admin });
      expect(seen).toMatchObject({ ok: true, data: off });
    } finally {
      await invoke(RESOLVERS.adminConfigSave, config, admin);
    }
    expect(await fieldsShown()).toContain('priority');
  });

  it('edits go through the emulator and fire the update trigger', async () => {
    const res = await postJson(
      wb.url,
      `/__workbench/tickets/${key}`,
      { summary: 'Edited summary', comment: 'A comment' },
      agent,
    );
    expect(res.status).toBe(200);
    const issue = wb.emulator.site.issue(key)!;
    expect(issue.summary).toBe('Edited summary');
    expect(issue.comments.length).toBeGreaterThan(0);
    const bad = await postJson(wb.url, `/__workbench/tickets/${key}`, { labels: 'x'.repeat(3000) }, agent);
    expect(bad.status).toBe(400);
  });
});
