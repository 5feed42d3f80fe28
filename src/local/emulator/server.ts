import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { JIRA_ROUTES, type RouteId } from '../../adapters/jira/routes';
import { FaultPlan, FaultRule } from './faults';
import { DELETE_ISSUE_PATH, handleDeleteIssue } from './delete-issue';
import { handleCreateIssue, handleRoute, type RequestContext } from './handlers';
import { jiraErrorReply, type Reply } from './replies';
import type { Actor, EmulatorSite } from './site';

export interface EmulatorOptions {
  site: EmulatorSite;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  faults?: FaultPlan;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  site: EmulatorSite;
  faults: FaultPlan;
  /** Stops listening and cuts open connections (including deliberately hung ones). */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const ROUTE_PATTERNS: { id: RouteId; method: string; pattern: RegExp; names: string[] }[] = (
  Object.entries(JIRA_ROUTES) as [RouteId, (typeof JIRA_ROUTES)[RouteId]][]
).map(([id, r]) => {
  const names: string[] = [];
  // The shared paths hold only letters, digits, '/' and {parameters}: nothing to escape.
  const source = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { id, method: r.method, pattern: new RegExp(`^${source}$`), names };
});

/**
 * A local Jira Service Management: the REST subset the app calls, over an in-memory site,
 * with Jira's status codes and error bodies, and faults on demand.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const { site } = options;
  const faults = options.faults ?? new FaultPlan();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        send(res, jiraErrorReply(500, [`Internal server error: ${message.slice(0, 200)}`]));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    if (raw === null) return send(res, jiraErrorReply(413, ['The request body is too large.']));

    if (url.pathname.startsWith('/__emulator/')) return send(res, control(method, url.pathname, raw));
    if (url.pathname === '/rest/api/3/search') {
      return send(
        res,
        jiraErrorReply(410, [
          'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
        ]),
      );
    }

    const actor = authenticate(site, req.headers.authorization);
    if (actor === null) {
      return send(
        res,
        jiraErrorReply(401, [
          'You are not authenticated. Authentication required to perform this operation.',
        ]),
      );
    }
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(
          res,
          jiraErrorReply(400, ['Unexpected character in the request body: it is not valid JSON.']),
        );
      }
    }

    if (url.pathname === '/rest/api/3/issue' && method === 'POST') {
      return send(res, handleCreateIssue({ site, base, actor, url, body }));
    }
    const deleting = method === 'DELETE' ? DELETE_ISSUE_PATH.exec(url.pathname) : null;
    if (deleting) return send(res, handleDeleteIssue({ site, base, actor, url, body }, deleting[1] ?? ''));

    const candidates = ROUTE_PATTERNS.filter((p) => p.pattern.test(url.pathname));
    const route = candidates.find((p) => p.method === method);
    if (!route) {
      if (candidates.length === 0) return send(res, jiraErrorReply(404, ['Not found.']));
      const allow = candidates.map((p) => p.method).join(', ');
      return send(res, {
        ...jiraErrorReply(405, [`Method ${method} is not allowed here.`]),
        headers: { Allow: allow },
      });
    }
    const routeId = route.id;
    const params = matchParams(route, url.pathname);

    const hasToken = typeof body === 'object' && body !== null && 'nextPageToken' in body;
    const fault = faults.take(routeId, hasToken);
    if (fault) {
      switch (fault.kind) {
        case 'hang':
          return; // never answered; close() cuts the socket
        case 'drop':
          req.socket.destroy();
          return;
        case 'malformed':
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"issues": [{"id": "1000');
          return;
        case 'status': {
          const headers: Record<string, string> = {};
          if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
          const text =
            fault.status === 429
              ? 'Rate limit exceeded.'
              : fault.status >= 500
                ? 'Internal server error.'
                : 'Injected error.';
          return send(res, { ...jiraErrorReply(fault.status, [text]), headers });
        }
        case 'expire-token':
          return send(res, jiraErrorReply(400, ['The provided next page token is invalid or expired.']));
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, fault.ms));
          break;
      }
    }
    const ctx: RequestContext = { site, base, actor, url, body };
    send(res, handleRoute(routeId, params, ctx));
  }

  function control(method: string, path: string, raw: string): Reply {
    if (path === '/__emulator/health' && method === 'GET')
      return { status: 200, json: { ok: true, issues: site.allIssues().length } };
    if (path === '/__emulator/faults' && method === 'DELETE') {
      faults.clear();
      return { status: 204 };
    }
    if (path === '/__emulator/faults' && method === 'POST') {
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        return jiraErrorReply(400, ['Body is not JSON.']);
      }
      const rule = FaultRule.safeParse(data);
      if (!rule.success)
        return jiraErrorReply(400, [`Invalid fault rule: ${rule.error.issues[0]?.message ?? ''}`]);
      faults.add(rule.data);
      return { status: 201, json: { ok: true } };
    }
    return jiraErrorReply(404, ['Unknown emulator control endpoint.']);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    site,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function matchParams(route: { pattern: RegExp; names: string[] }, path: string): Record<string, string> {
  const m = route.pattern.exec(path);
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  route.names.forEach((name, i) => {
    params[name] = decodeURIComponent(m?.[i + 1] ?? '');
  });
  return params;
}

/** The emulator's stand-in for Forge auth: `Bearer app` or `Bearer user:<accountId>`. */
function authenticate(site: EmulatorSite, header: string | undefined): Actor | null {
  if (header === 'Bearer app') return { kind: 'app' };
  const m = /^Bearer user:(.+)$/.exec(header ?? '');
  const user = m?.[1] ? site.users.get(m[1]) : undefined;
  return user ? { kind: 'user', user } : null;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.json === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  headers['Content-Type'] = 'application/json;charset=UTF-8';
  res.writeHead(reply.status, headers);
  res.end(text);
}
