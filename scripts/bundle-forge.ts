/**
 * `npm run bundle:forge`: bundles the Forge functions (src/forge/index.ts) the way Forge's
 * bundler does, into one CommonJS file for Node 22, and reports its size: the figure
 * docs/operations.md quotes. Fails if a local-only module (a native DB driver, the workbench)
 * would end up in the function.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const outfile = join(root, 'dist', 'forge-bundle', 'index.js');
/** Modules that must never reach a Forge function (native addons, local servers). */
const FORBIDDEN = [
  /node_modules\/better-sqlite3\//,
  /node_modules\/mysql2\//,
  // src/local/ is the local tooling: workbench, emulator, CLI, simulators.
  /src\/local\//,
];

async function main(): Promise<number> {
  const result = await build({
    entryPoints: [join(root, 'src', 'forge', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile,
    metafile: true,
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    // tsconfig.json's `paths` point the stemmers at type declarations for tsc; the bundle must
    // resolve the packages' real entry points instead.
    tsconfigRaw: { compilerOptions: {} },
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((path) => FORBIDDEN.some((re) => re.test(path)));
  const bytes = readFileSync(outfile);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `bundle:forge: ${outfile.slice(root.length + 1)} ${kib(bytes.length)} (gzip ${kib(gzipSync(bytes).length)}), ${inputs.length} modules`,
  );
  const heaviest = new Map<string, number>();
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'src';
    heaviest.set(pkg, (heaviest.get(pkg) ?? 0) + input.bytes);
  }
  for (const [pkg, size] of [...heaviest].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${pkg.padEnd(28)} ${kib(size)} (source)`);
  if (leaked.length > 0) {
    console.error(
      `bundle:forge: local-only modules in the Forge bundle:\n  ${leaked.slice(0, 10).join('\n  ')}`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bundle:forge failed:', error);
    process.exit(2);
  },
);
