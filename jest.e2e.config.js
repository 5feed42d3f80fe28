/**
 * Browser tests: Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) drives the real workbench.
 * Run with `npx jest -c jest.e2e.config.js` after `npm run build:ui`.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // One workbench and one browser per file; files run one after another on the shared CPU.
  maxWorkers: 1,
  testTimeout: 120_000,
};
