/** Jest runs TypeScript through SWC (fast, no type-check); `npm run typecheck` checks types. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // e2e (Chromium) and MariaDB suites need services; .ci/run runs them with their own configs.
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '\\.mariadb\\.test\\.ts$'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
