/**
 * The MariaDB integration suites (`*.mariadb.test.ts`): the same repository tests as the SQLite
 * run, against a MariaDB server (MARIADB_HOST/PORT/USER/PASSWORD, default 127.0.0.1:3306 root).
 * Run: `npx jest -c jest.mariadb.config.js`. Each file creates and drops its own database.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/*.mariadb.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  // The files share one server; running them one at a time keeps timings and locks predictable.
  maxWorkers: 1,
  testTimeout: 60_000,
};
