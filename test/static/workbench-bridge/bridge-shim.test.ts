import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const SHIM = readFileSync(
  join(__dirname, '..', '..', '..', 'static', 'workbench-bridge', 'bridge-shim.js'),
  'utf8',
);

interface Call {
  url: string;
  init: { method?: string; body?: string; headers?: Record<string, string> } | undefined;
}

type CallBridge = (name: string, payload?: unknown) => Promise<unknown>;

/** Runs the shim in a fresh sandbox with a recording `fetch` that answers from `respond`. */
function loadShim(href: string, respond: (call: Call) => { status: number; body: string }) {
  const calls: Call[] = [];
  const attributes = new Map<string, string>();
  const url = new URL(href);
  const window: Record<string, unknown> = {
    location: { search: url.search, pathname: url.pathname },
  };
  const sandbox = {
    window,
    document: {
      documentElement: {
        setAttribute: (name: string, value: string) => attributes.set(name, value),
        style: {} as Record<string, string>,
      },
    },
    URLSearchParams,
    Promise,
    JSON,
    Error,
    Object,
    setTimeout,
    fetch: (target: string, init?: Call['init']) => {
      const call = { url: target, init };
      calls.push(call);
      const answer = respond(call);
      return Promise.resolve(
        new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } }),
      );
    },
  };
  runInNewContext(SHIM, sandbox);
  const bridge = window.__bridge as { callBridge: CallBridge };
  return { callBridge: bridge.callBridge, calls, attributes };
}

const CONTEXT = {
  accountId: 'acc-1',
  locale: 'de_DE',
  theme: { colorMode: 'dark' },
  extension: { type: 'jira:issueContext' },
};

function contextOr(call: Call, other: () => { status: number; body: string }) {
  return call.url.startsWith('/__workbench/context')
    ? { status: 200, body: JSON.stringify(CONTEXT) }
    : other();
}

describe('workbench bridge shim', () => {
  it('forwards the page parameters when it asks for the context, and asks only once', async () => {
    const shim = loadShim('http://wb/apps/issue-panel/?issueKey=IT-7&theme=dark&locale=de', (call) =>
      contextOr(call, () => ({ status: 404, body: '{}' })),
    );
    await expect(shim.callBridge('getContext')).resolves.toEqual(CONTEXT);
    await shim.callBridge('getContext');
    const contextCalls = shim.calls.filter((c) => c.url.startsWith('/__workbench/context'));
    expect(contextCalls).toHaveLength(1);
    const query = new URLSearchParams(contextCalls[0]!.url.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      app: 'issue-panel',
      issueKey: 'IT-7',
      theme: 'dark',
      locale: 'de',
    });
  });

  it('posts invoke calls with the function key, payload and what it knows of the context', async () => {
    const shim = loadShim('http://wb/apps/issue-panel/?issueKey=IT-7', (call) =>
      contextOr(call, () => ({ status: 200, body: '{"ok":true,"data":{"n":1}}' })),
    );
    await expect(
      shim.callBridge('invoke', { functionKey: 'panel/get', payload: { issueKey: 'IT-7' } }),
    ).resolves.toEqual({
      ok: true,
      data: { n: 1 },
    });
    const invoke = shim.calls.find((c) => c.url === '/__workbench/invoke');
    expect(invoke?.init?.method).toBe('POST');
    expect(JSON.parse(invoke?.init?.body ?? 'null')).toEqual({
      functionKey: 'panel/get',
      payload: { issueKey: 'IT-7' },
      context: { app: 'issue-panel', issueKey: 'IT-7' },
    });
  });

  it('leaves the issue key out of the context on pages without one (the admin page)', async () => {
    const shim = loadShim('http://wb/apps/admin/', (call) =>
      contextOr(call, () => ({ status: 200, body: '{"ok":true,"data":1}' })),
    );
    await shim.callBridge('invoke', { functionKey: 'admin/status' });
    const invoke = shim.calls.find((c) => c.url === '/__workbench/invoke');
    expect(JSON.parse(invoke?.init?.body ?? 'null')).toEqual({
      functionKey: 'admin/status',
      payload: {},
      context: { app: 'admin' },
    });
  });

  it('turns a failing resolver into a rejection with the server message, or a readable one for non-JSON pages', async () => {
    let answer = { status: 500, body: '{"message":"resolver exploded"}' };
    const shim = loadShim('http://wb/apps/issue-panel/?issueKey=IT-7', (call) =>
      contextOr(call, () => answer),
    );
    await expect(shim.callBridge('invoke', { functionKey: 'panel/get' })).rejects.toThrow(
      'resolver exploded',
    );
    answer = { status: 502, body: '<html>Bad gateway</html>' };
    await expect(shim.callBridge('invoke', { functionKey: 'panel/get' })).rejects.toThrow(/answered 502/);
  });

  it('sets the theme attributes on <html> the way the host does', async () => {
    const shim = loadShim('http://wb/apps/issue-panel/', (call) =>
      contextOr(call, () => ({ status: 404, body: '' })),
    );
    await shim.callBridge('enableTheming');
    expect(shim.attributes.get('data-color-mode')).toBe('dark');
    expect(shim.attributes.get('data-theme')).toContain('dark:dark');
  });

  it('maps requestJira to the workbench Jira proxy with method, headers and body', async () => {
    const shim = loadShim('http://wb/apps/issue-panel/', (call) =>
      contextOr(call, () => ({ status: 201, body: '{"id":"1"}' })),
    );
    const answer = (await shim.callBridge('fetchProduct', {
      product: 'jira',
      restPath: '/rest/api/3/issueLink',
      fetchRequestInit: { method: 'POST', body: '{"a":1}', headers: [['content-type', 'application/json']] },
    })) as { status: number; body: string };
    expect(answer.status).toBe(201);
    expect(answer.body).toBe('{"id":"1"}');
    const call = shim.calls.find((c) => c.url.startsWith('/__workbench/jira/'));
    expect(call?.url).toBe('/__workbench/jira/rest/api/3/issueLink');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.body).toBe('{"a":1}');
  });

  it('rejects bridge calls it does not know, including inherited property names', async () => {
    const shim = loadShim('http://wb/apps/issue-panel/', () => ({ status: 404, body: '' }));
    await expect(shim.callBridge('openModal')).rejects.toThrow('does not support "openModal"');
    await expect(shim.callBridge('__proto__')).rejects.toThrow('does not support');
    await expect(shim.callBridge('constructor')).rejects.toThrow('does not support');
  });
});
