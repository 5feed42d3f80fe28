import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/**
 * One Vite config for every Custom UI app: relative asset URLs (`base: './'`) so the same bundle
 * loads inside Forge's iframe and under the workbench's `/apps/<app>/` path, and Vite's own oxc
 * transform for TSX (automatic runtime) instead of a React plugin.
 */
export function customUiConfig(appDir: string): UserConfig {
  return defineConfig({
    root: appDir,
    base: './',
    logLevel: 'warn',
    resolve: {
      alias: {
        '@contracts': resolve(appDir, '../../src/contracts'),
        '@shared': resolve(appDir, '../shared'),
      },
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: resolve(appDir, 'dist'),
      emptyOutDir: true,
      target: 'es2020',
      chunkSizeWarningLimit: 2000,
      sourcemap: false,
    },
  });
}
