import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { WorkbenchBackend } from './backend';
import { HttpError, sendBytes, sendHtml, sendJson } from './http-util';
import { messagePage } from './pages/admin';
import { PAGE_SCRIPT, PAGE_SCRIPT_URL, layout } from './pages/layout';
import { viewerOf } from './request-context';
import { allowedHosts, checkRequestOrigin } from './request-guard';
import { getContext, invoke, jiraProxy, rovo } from './routes/bridge';
import { admin, browse, createTicket, editTicket, prefs, queue, ticketList } from './routes/pages';
import { SHIM_URL, readStaticFile } from './static-files';

export interface ServerOptions {
  backend: WorkbenchBackend;
  /** The repository's static/ folder: apps are served from static/<app>/dist/. */
  staticRoot: string;
  /** The host it listens on: requests naming another Host are refused (DNS rebinding). */
  host?: string;
}

type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  backend: WorkbenchBackend,
) => Promise<void>;

interface Route {
  method: string;
  /** Exact path, or a prefix when it ends with '/'. */
  path: string;
  handler: Handler;
}

const APP_PREFIX = /^\/apps\/(issue-panel|admin|queue)(\/.*)?$/;

export function createWorkbenchServer(options: ServerOptions): http.Server {
  const { backend, staticRoot } = options;
  const hosts = allowedHosts(options.host);

  const serveShim: Handler = async (_req, res) => {
    const body = await fs.readFile(path.join(staticRoot, 'workbench-bridge', 'bridge-shim.js'));
    sendBytes(res, 200, body, 'text/javascript; charset=utf-8');
  };
  const servePageScript: Handler = (_req, res) => {
    sendBytes(res, 200, Buffer.from(PAGE_SCRIPT, 'utf8'), 'text/javascript; charset=utf-8');
    return Promise.resolve();
  };
  const status: Handler = (_req, res) => {
    sendJson(res, 200, backend.status());
    return Promise.resolve();
  };

  const routes: Route[] = [
    { method: 'GET', path: '/', handler: ticketList },
    { method: 'GET', path: '/browse/', handler: browse },
    { method: 'GET', path: '/admin', handler: admin },
    { method: 'GET', path: '/queue', handler: queue },
    { method: 'GET', path: SHIM_URL, handler: serveShim },
    { method: 'GET', path: PAGE_SCRIPT_URL, handler: servePageScript },
    { method: 'GET', path: '/__workbench/context', handler: getContext },
    { method: 'GET', path: '/__workbench/status', handler: status },
    { method: 'POST', path: '/__workbench/invoke', handler: invoke },
    { method: 'POST', path: '/__workbench/rovo', handler: rovo },
    { method: 'POST', path: '/__workbench/prefs', handler: prefs },
    { method: 'POST', path: '/__workbench/tickets', handler: createTicket },
    { method: 'POST', path: '/__workbench/tickets/', handler: editTicket },
    { method: '*', path: '/__workbench/jira/', handler: jiraProxy },
  ];

  const serveApp = async (res: http.ServerResponse, app: string, rest: string): Promise<boolean> => {
    const file = await readStaticFile(
      path.join(staticRoot, app, 'dist'),
      rest === '' || rest === '/' ? '/index.html' : rest,
    );
    if (file === null) return false;
    sendBytes(res, 200, file.body, file.contentType, { app: true });
    return true;
  };

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (url.pathname.startsWith('/__workbench/') || url.pathname.startsWith('/apps/')) {
      sendJson(res, 404, { message: `not found: ${url.pathname}` });
      return;
    }
    const viewer = viewerOf(req, url, backend);
    const chrome = {
      title: 'Not found',
      user: viewer.user,
      users: viewer.users,
      theme: viewer.theme,
      locale: viewer.locale,
      returnTo: '/',
    };
    sendHtml(res, 404, layout(chrome, messagePage('Page not found', `Nothing lives at ${url.pathname}.`)));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Only the path matters; the Host header is not trusted for anything.
    const url = new URL(req.url ?? '/', 'http://workbench.local');
    const method = req.method ?? 'GET';
    checkRequestOrigin(req, hosts);
    // Raw `..` in the request line would be normalised away by URL; refuse it outright instead.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (/(^|\/)\.\.?(\/|$)|%2e%2e|%2f|%5c/i.test(rawPath)) {
      sendJson(res, 400, { message: 'path traversal refused' });
      return;
    }
    const app = APP_PREFIX.exec(url.pathname);
    if (app !== null && (method === 'GET' || method === 'HEAD')) {
      if (app[2] === undefined) {
        res.writeHead(301, { location: `/apps/${app[1]}/${url.search}` });
        res.end();
        return;
      }
      if (await serveApp(res, app[1] as string, app[2])) return;
      notFound(req, res, url);
      return;
    }
    const route = routes.find(
      (r) =>
        (r.method === '*' || r.method === method || (method === 'HEAD' && r.method === 'GET')) &&
        (r.path.endsWith('/') && r.path !== '/' ? url.pathname.startsWith(r.path) : url.pathname === r.path),
    );
    if (route === undefined) {
      const known = routes.some((r) => r.path === url.pathname);
      if (known) sendJson(res, 405, { message: `method ${method} not allowed on ${url.pathname}` });
      else notFound(req, res, url);
      return;
    }
    await route.handler(req, res, url, backend);
  };

  return http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : 'internal error';
      if (status >= 500 && !(e instanceof HttpError))
        process.stderr.write(`workbench: ${String((e as Error)?.stack ?? e)}\n`);
      if (res.headersSent) res.end();
      else sendJson(res, status, { message });
    });
  });
}

/** Listens on `port` (0 = any free port) on localhost; resolves with the base URL. */
export async function listen(server: http.Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`;
}

/** Closes the server and every connection, so no handle stays open. */
export async function close(server: http.Server): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((e) => (e ? reject(e) : resolve()));
    // Keep-alive and half-finished requests would hold the port open; at shutdown cut them all.
    server.closeAllConnections();
  });
}
