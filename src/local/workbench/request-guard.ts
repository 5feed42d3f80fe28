import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-util';

/**
 * Who may talk to the workbench. It serves a user's real tickets (`workbench --input`), so
 * another site open in the same browser must not be able to act through it (CSRF), and a
 * hostile DNS name pointing at 127.0.0.1 must not be able to read it (DNS rebinding).
 */

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Host names the workbench answers to: loopback and the one it was bound to (any, for 0.0.0.0). */
export function allowedHosts(bindHost: string | undefined): ReadonlySet<string> | 'any' {
  if (bindHost !== undefined && WILDCARD.has(bindHost)) return 'any';
  const names = new Set(LOOPBACK);
  if (bindHost !== undefined) names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost.toLowerCase());
  return names;
}

function hostName(host: string): string {
  // `[::1]:3000` → `[::1]`; `localhost:3000` → `localhost`.
  const bracket = /^(\[[^\]]*\])(?::\d+)?$/.exec(host);
  if (bracket !== null) return (bracket[1] as string).toLowerCase();
  return (host.split(':')[0] ?? '').toLowerCase();
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses (403) a request whose Host is not the workbench's, and a state-changing request that
 * a browser sent from another origin: a foreign or opaque (`null`) Origin, a cross-site
 * Sec-Fetch-Site, or no Origin but a foreign Referer. A client that sends none of them (curl, a
 * script) is not a browser carrying someone's cookie, so it passes.
 */
export function checkRequestOrigin(req: IncomingMessage, hosts: ReadonlySet<string> | 'any'): void {
  const host = req.headers.host;
  if (host === undefined || host === '' || /[^A-Za-z0-9.:[\]-]/.test(host))
    throw new HttpError(403, 'refused: missing or malformed Host header');
  if (hosts !== 'any' && !hosts.has(hostName(host)))
    throw new HttpError(403, `refused: the workbench does not answer to host "${hostName(host)}"`);
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  const self = `http://${host.toLowerCase()}`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin.toLowerCase() !== self)
      throw new HttpError(403, `refused: cross-origin request from ${origin}`);
    return;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, `refused: ${site} request`);
  const referer = req.headers.referer;
  if (referer !== undefined && originOf(referer)?.toLowerCase() !== self)
    throw new HttpError(403, 'refused: request without Origin from a foreign page');
}

/** Resolver calls carry JSON only: a `text/plain` no-cors post from another page gets 415. */
export function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'unsupported content type: send application/json');
}

function hasControlOrBackslash(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * A path on this site to go back to, or `/`: no scheme or host (`//evil`, `/\evil`), no control
 * characters (a CR/LF would split the Location header).
 */
export function safeLocalPath(value: string | undefined): string {
  if (value === undefined || !value.startsWith('/') || hasControlOrBackslash(value)) return '/';
  if (value.startsWith('//')) return '/';
  try {
    const base = 'http://workbench.local';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
