import { RESOLVERS } from '../../src/contracts/resolvers';
import { startWorkbench, type RunningWorkbench } from '../../src/local/workbench/start';
import { staticFixture } from '../local/workbench/fixture';
import { postJson, rawRequest } from '../local/workbench/http';

/**
 * The workbench as another site in the same browser would attack it (issue 13): real HTTP
 * requests with the headers a browser sends for a cross-origin page, a no-cors text/plain post,
 * a rebinding DNS name, a missing or unknown session, and a poisoned returnTo.
 */

jest.setTimeout(180_000);

let wb: RunningWorkbench;
let admin: string;
let host: string;

beforeAll(async () => {
  wb = await startWorkbench({ port: 0, demoTickets: 60, staticRoot: staticFixture() });
  await wb.ready();
  admin = [...wb.emulator.site.users.values()].find((u) => u.kind === 'admin')!.accountId;
  host = new URL(wb.url).host;
});

afterAll(async () => {
  await wb.stop();
});

const session = (user: string) => `tl_user=${encodeURIComponent(user)}`;

const SAVE_RETENTION_1 = JSON.stringify({
  functionKey: RESOLVERS.adminConfigSave,
  payload: { retentionDays: 1 },
  context: { app: 'admin' },
});

async function adminCall(functionKey: string, user = admin): Promise<unknown> {
  const res = await postJson(
    wb.url,
    '/__workbench/invoke',
    { functionKey, payload: {}, context: { app: 'admin' } },
    user,
  );
  return res.json;
}

async function retentionDays(): Promise<number> {
  const config = (await adminCall(RESOLVERS.adminConfigGet)) as { data: { retentionDays: number } };
  return config.data.retentionDays;
}

function invokeRaw(headers: Record<string, string>, body = SAVE_RETENTION_1) {
  return rawRequest(wb.url, '/__workbench/invoke', { method: 'POST', headers: { host, ...headers }, body });
}

describe('cross-site requests to /__workbench/invoke', () => {
  it('refuses a text/plain no-cors post from another page with 415, the configuration unchanged', async () => {
    const before = await retentionDays();
    const res = await invokeRaw({
      cookie: session(admin),
      'content-type': 'text/plain;charset=UTF-8',
      'sec-fetch-site': 'same-origin',
      origin: `http://${host}`,
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual({ message: 'unsupported content type: send application/json' });
    expect(await retentionDays()).toBe(before);
  });

  it.each([
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['an opaque Origin (sandboxed frame, data: URL)', { origin: 'null' }],
    ['the same host on another port', { origin: `http://127.0.0.1:1` }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin but a foreign Referer', { referer: 'http://evil.example/attack.html' }],
  ])('refuses %s with 403 and stores nothing', async (_name, headers: Record<string, string>) => {
    const before = await retentionDays();
    const res = await invokeRaw({ cookie: session(admin), 'content-type': 'application/json', ...headers });
    expect(res.status).toBe(403);
    expect((JSON.parse(res.body) as { message: string }).message).toMatch(/^refused: /);
    expect(await retentionDays()).toBe(before);
  });

  it('accepts the same request from its own origin (what the bridge shim sends)', async () => {
    const res = await invokeRaw(
      {
        cookie: session(admin),
        'content-type': 'application/json',
        origin: `http://${host}`,
        referer: `${wb.url}/apps/admin/`,
      },
      JSON.stringify({ functionKey: RESOLVERS.adminConfigGet, payload: {}, context: { app: 'admin' } }),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it('refuses a foreign Host (DNS rebinding) on every route, reads included', async () => {
    for (const path of ['/', '/admin', '/__workbench/status', '/__workbench/jira/rest/api/3/myself']) {
      const res = await rawRequest(wb.url, path, {
        headers: { host: 'rebind.evil.example', cookie: session(admin) },
      });
      expect(res.status).toBe(403);
    }
  });

  it('refuses a cross-origin form post that would set the session (login CSRF)', async () => {
    const res = await rawRequest(wb.url, '/__workbench/prefs', {
      method: 'POST',
      headers: { host, origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: `user=${encodeURIComponent(admin)}`,
    });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('no session, no admin', () => {
  it.each([RESOLVERS.adminTrain, RESOLVERS.adminBackfill, RESOLVERS.adminConfigSave, RESOLVERS.panelGet])(
    '%s answers 401 without a cookie and with an unknown one, and starts no job',
    async (functionKey) => {
      const jobsBefore = JSON.stringify(await adminCall(RESOLVERS.adminStatus));
      for (const cookie of [undefined, session('not-a-user'), session('')]) {
        const res = await rawRequest(wb.url, '/__workbench/invoke', {
          method: 'POST',
          headers: { host, 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
          body: JSON.stringify({
            functionKey,
            payload: { retentionDays: 1, issueKey: 'IT-1' },
            context: { app: 'admin' },
          }),
        });
        expect(res.status).toBe(401);
        expect((JSON.parse(res.body) as { message: string }).message).toContain('pick a user first');
      }
      expect(JSON.stringify(await adminCall(RESOLVERS.adminStatus))).toBe(jobsBefore);
    },
  );

  it('the context, the Jira proxy and ticket creation refuse an unknown visitor', async () => {
    expect((await fetch(`${wb.url}/__workbench/context?app=admin`)).status).toBe(401);
    expect((await fetch(`${wb.url}/__workbench/jira/rest/api/3/myself`)).status).toBe(401);
    const created = await postJson(wb.url, '/__workbench/tickets', { summary: 'from nobody' });
    expect(created.status).toBe(401);
  });

  it('shows an unknown visitor the user picker instead of any page, with no ticket on it', async () => {
    const someKey = wb.emulator.site.allIssues()[0]!.key;
    for (const path of ['/', `/browse/${someKey}`, '/admin']) {
      const page = await (
        await fetch(`${wb.url}${path}`, { headers: { cookie: session('stale-id') } })
      ).text();
      expect(page).toContain('data-testid="user-picker"');
      expect(page).toContain(`data-testid="pick-user-${admin}"`);
      expect(page).toContain(`name="returnTo" value="${path}"`);
      expect(page).not.toContain(`href="/browse/${someKey}"`);
      expect(page).not.toContain('admin-frame');
    }
  });

  it('picking a user sets a Strict, HttpOnly session cookie and goes back', async () => {
    const res = await fetch(`${wb.url}/__workbench/prefs`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: wb.url },
      body: new URLSearchParams({ user: admin, returnTo: '/admin' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^tl_user=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });
});

describe('returnTo', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write');
  });
  afterEach(() => stderr.mockRestore());

  it.each([
    ['/admin\r\nSet-Cookie: tl_user=evil', '/'],
    ['/\nLocation: http://evil.example', '/'],
    ['http://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/browse/IT-1?theme=dark', '/browse/IT-1?theme=dark'],
    ['/browse/ünïcode', '/browse/%C3%BCn%C3%AFcode'],
  ])('%j goes to %s, never 500 and nothing on stderr', async (returnTo, location) => {
    const res = await fetch(`${wb.url}/__workbench/prefs`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session(admin) },
      body: new URLSearchParams({ theme: 'light', returnTo }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(location);
    expect(res.headers.getSetCookie().every((c) => !c.includes('evil'))).toBe(true);
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  const csp = (res: { headers: Headers }) => res.headers.get('content-security-policy') ?? '';

  it('every workbench page sends a strict CSP, nosniff and no framing by other pages', async () => {
    const key = wb.emulator.site.allIssues()[0]!.key;
    const headers = { cookie: session(admin) };
    for (const path of ['/', `/browse/${key}`, '/admin', '/no/such/page', '/browse/NOPE-1']) {
      const res = await fetch(`${wb.url}${path}`, { headers });
      const page = await res.text();
      expect(csp(res)).toContain("script-src 'self'");
      expect(csp(res)).toContain("frame-ancestors 'none'");
      expect(csp(res)).toContain("object-src 'none'");
      expect(csp(res)).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // The CSP forbids inline script, so the pages must have none to keep working.
      expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    }
    const picker = await fetch(`${wb.url}/`);
    expect(csp(picker)).toContain("script-src 'self'");
  });

  it('the Custom UI apps get Forge-like CSP, framed by the workbench only', async () => {
    for (const app of ['issue-panel', 'admin']) {
      const res = await fetch(`${wb.url}/apps/${app}/`);
      expect(csp(res)).toContain("script-src 'self'");
      expect(csp(res)).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp(res)).toContain("frame-ancestors 'self'");
      expect(csp(res)).toContain("connect-src 'self'");
    }
  });
});
