import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * A static/ folder with a tiny built app in it, so the server tests do not depend on the Vite
 * build; the shim is the real one from the repository.
 */
export function staticFixture(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tl-static-'));
  for (const app of ['issue-panel', 'admin']) {
    mkdirSync(path.join(root, app, 'dist', 'assets'), { recursive: true });
    writeFileSync(
      path.join(root, app, 'dist', 'index.html'),
      `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`,
    );
    writeFileSync(path.join(root, app, 'dist', 'assets', 'app.js'), `console.log(${JSON.stringify(app)});`);
  }
  mkdirSync(path.join(root, 'workbench-bridge'));
  copyFileSync(
    path.resolve(__dirname, '..', '..', '..', 'static', 'workbench-bridge', 'bridge-shim.js'),
    path.join(root, 'workbench-bridge', 'bridge-shim.js'),
  );
  return root;
}
