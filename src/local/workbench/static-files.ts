import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path below a mount point to a file inside `root`, or null when the path escapes
 * the root (`..`, encoded `%2e%2e`, backslashes, NUL) or cannot be decoded. The check is on
 * the decoded segments, before any file system access.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, ...segments);
  if (file !== absoluteRoot && !file.startsWith(absoluteRoot + path.sep)) return null;
  return file;
}

export const SHIM_URL = '/__workbench/bridge-shim.js';
const SHIM_TAG = `<script src="${SHIM_URL}"></script>`;

/** Puts the bridge shim first in <head>, so it defines window.__bridge before any bundle runs. */
export function injectShim(indexHtml: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(indexHtml);
  if (head === null) return SHIM_TAG + indexHtml;
  const at = head.index + head[0].length;
  return indexHtml.slice(0, at) + SHIM_TAG + indexHtml.slice(at);
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a regular file, or null when it is missing, a directory, or outside the root. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveInside(root, urlPath);
  if (file === null) return null;
  try {
    const real = await fs.realpath(file);
    const realRoot = await fs.realpath(root);
    // A symlink inside dist/ must not lead out of it either.
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile()) return null;
    const body = await fs.readFile(real);
    if (path.basename(real) === 'index.html') {
      return {
        body: Buffer.from(injectShim(body.toString('utf8')), 'utf8'),
        contentType: contentTypeOf(real),
      };
    }
    return { body, contentType: contentTypeOf(real) };
  } catch {
    return null;
  }
}
