// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports the pure engine must never use: platform, I/O, UI, clocks live at the edges. */
const impureModules = [
  '@forge/*',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'react',
  'react-dom',
  '@atlaskit/*',
  'kysely',
  'better-sqlite3',
  'mysql2',
];

/** Product code never imports the local tools (they never ship to Forge). */
const noLocalTooling = {
  group: ['**/local/**'],
  message: 'src/local/ is local tooling (workbench, emulator, CLI); product code must not import it.',
};

/**
 * Outside src/engine, an engine folder is imported through its index (`engine/tabular`, never
 * `engine/tabular/encoder`): the index is that engine's public API. engine/similar is left out
 * while its pipeline is rewritten (issue 16). Tests of an engine's internals (test/engine/) may
 * import deeper: they test the modules, not the surface.
 */
const engineThroughIndex = {
  group: ['**/engine/*/*', '!**/engine/similar/*'],
  message: "Import an engine through its index (e.g. '../engine/tabular'); export what you need there.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'static/*/dist/',
      'bin/',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // What ships to Forge (everything in src/ but src/local/) never reaches the local tools.
    files: ['src/**/*.ts'],
    ignores: ['src/local/**', 'src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noLocalTooling, engineThroughIndex] }],
    },
  },
  {
    files: ['src/local/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    ignores: ['test/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [engineThroughIndex] }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: impureModules,
              message: 'src/engine is pure: no Forge, I/O, storage or UI imports (use a port in src/core).',
            },
            {
              group: ['**/core/**', '**/adapters/**', '**/forge/**', '**/local/**'],
              message: 'src/engine must not depend on outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'No I/O in the engine.' },
        { name: 'process', message: 'No process access in the engine; pass values in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the clock in; the engine is deterministic.' },
        { object: 'Math', property: 'random', message: 'Use a seeded RNG passed in.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
