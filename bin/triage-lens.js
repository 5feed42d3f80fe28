#!/usr/bin/env node
'use strict';
// Launcher: runs the compiled CLI (built by `npm run build`, which `npm ci` triggers via `prepare`).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'local', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('triage-lens: not built yet; run `npm run build` first\n');
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
