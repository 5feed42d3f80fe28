/**
 * `npm run lint:forge`: Forge's own manifest validation and client-side linters, offline
 * (../shared/docs/forge-platform-notes.md §9). `forge lint` needs a login; its two building
 * blocks do not. The permission linter reads the product OpenAPI specs from ../shared/specs
 * unless LOCAL_*_SWAGGER already point elsewhere. Exits 1 on any error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validate } from '@forge/manifest';
import type { ManifestSchema } from '@forge/manifest';
import { lint, problemCount } from '@forge/lint';
import { JIRA_ROUTES } from '../src/adapters/jira/routes';
import type { RouteId } from '../src/adapters/jira/routes';

const root = resolve(__dirname, '..');
const specs = resolve(root, process.env.FORGE_SPECS_DIR ?? '../shared/specs');

const SWAGGERS: Record<string, string> = {
  LOCAL_JIRA_SWAGGER: 'jira-platform-openapi.json',
  LOCAL_JSM_SWAGGER: 'jsm-openapi.json',
  LOCAL_JSW_SWAGGER: 'jira-software-empty-openapi.json',
  LOCAL_CONF_SWAGGER: 'confluence-empty-openapi.json',
  LOCAL_CONF_V2_SWAGGER: 'confluence-v2-empty-openapi.json',
  LOCAL_BB_SWAGGER: 'bitbucket-empty-openapi.json',
};

function useLocalSpecs(): void {
  process.env.USE_LOCAL_SWAGGER ??= '1';
  for (const [name, file] of Object.entries(SWAGGERS)) {
    process.env[name] ??= join(specs, file);
    const path = process.env[name];
    if (path === undefined || !existsSync(path)) {
      console.error(`lint:forge: ${name} points at ${path ?? '(nothing)'}, which does not exist`);
      process.exit(2);
    }
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The manifest's Custom UI resources must exist; build them when they do not (CI lints first). */
function ensureResources(manifest: ManifestSchema): void {
  const missing = (manifest.resources ?? []).filter(
    (r) => 'path' in r && typeof r.path === 'string' && !existsSync(join(root, r.path)),
  );
  if (missing.length === 0) return;
  console.log(`lint:forge: building the Custom UI (${missing.map((r) => r.key).join(', ')} not built yet)`);
  execFileSync('npm', ['run', '--silent', 'build:ui'], { cwd: root, stdio: 'inherit' });
}

/** The JiraPort method behind each route (the names differ only for the search). */
const PORT_METHOD: Record<RouteId, string> = {
  ...(Object.fromEntries(Object.keys(JIRA_ROUTES).map((id) => [id, id])) as Record<RouteId, string>),
  searchJql: 'searchIssues',
};
/** Scopes the app needs besides product APIs: Forge SQL and KVS. */
const PLATFORM_SCOPES = ['storage:app'];

interface OpenApiOperation {
  'x-atlassian-oauth2-scopes'?: { scopes: string[]; state?: string }[];
  security?: Record<string, string[]>[];
}

interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation | undefined>>;
}

/**
 * The scopes an operation needs today: its current OAuth2 scopes; an operation the spec lists
 * without them (JSM's desk knowledge base) names its scopes only in `security`, so those count.
 */
function currentScopes(op: OpenApiOperation | undefined): string[] | undefined {
  const current = op?.['x-atlassian-oauth2-scopes']?.find((s) => s.state === 'Current')?.scopes;
  if (current) return current;
  return op?.security?.map((s) => s.OAuth2 ?? []).find((scopes) => scopes.length > 0);
}

/**
 * Forge's permission linter only sees `requestJira(route`…`)` written inline; the app calls Jira
 * through one adapter, so this check reads which port methods the use-cases call, looks each
 * route up in the official specs, and requires the manifest's scopes to be exactly what those
 * routes need (plus storage:app): nothing missing, nothing spare.
 */
function scopeProblems(manifestScopes: readonly string[]): string[] {
  const specFor = {
    platform: process.env.LOCAL_JIRA_SWAGGER ?? '',
    jsm: process.env.LOCAL_JSM_SWAGGER ?? '',
  };
  const spec = {
    platform: JSON.parse(readFileSync(specFor.platform, 'utf8')) as OpenApi,
    jsm: JSON.parse(readFileSync(specFor.jsm, 'utf8')) as OpenApi,
  };
  const callers = [...sourceFiles(join(root, 'src', 'core')), ...sourceFiles(join(root, 'src', 'app'))]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const needed = new Map<string, string[]>();
  const problems: string[] = [];
  for (const [id, r] of Object.entries(JIRA_ROUTES) as [RouteId, (typeof JIRA_ROUTES)[RouteId]][]) {
    if (!new RegExp(`\\.${PORT_METHOD[id]}\\(`).test(callers)) continue;
    const op = spec[r.spec].paths[r.path]?.[r.method.toLowerCase()];
    const current = currentScopes(op);
    if (!current) {
      problems.push(`${r.method} ${r.path}: no current OAuth2 scopes in the ${r.spec} spec`);
      continue;
    }
    for (const scope of current) needed.set(scope, [...(needed.get(scope) ?? []), `${r.method} ${r.path}`]);
  }
  for (const [scope, routes] of needed) {
    if (!manifestScopes.includes(scope))
      problems.push(`scope ${scope} missing (needed by ${routes.join(', ')})`);
  }
  for (const scope of manifestScopes) {
    if (!needed.has(scope) && !PLATFORM_SCOPES.includes(scope))
      problems.push(`scope ${scope} is not needed by any route the app calls`);
  }
  for (const [scope, routes] of needed) console.log(`scope ${scope}: ${routes.join(', ')}`);
  return problems;
}

/** Scopes as the manifest lists them: a list, or (newer form) a map keyed by scope. */
function scopeList(scopes: readonly string[] | Record<string, unknown> | undefined): string[] {
  if (scopes === undefined) return [];
  return Array.isArray(scopes) ? [...(scopes as readonly string[])] : Object.keys(scopes);
}

/**
 * Statsig answers as for a CLI that cannot reach Atlassian: every gate off and no remotely
 * published list of deprecated runtimes (the schema still rejects unknown runtimes).
 */
const statsigOff = new Proxy(
  {},
  { get: (_target, name) => () => Promise.resolve(name === 'getDeprecatedRuntimes' ? [] : false) },
);

async function main(): Promise<number> {
  process.chdir(root);
  useLocalSpecs();
  const first = await validate(false, 'manifest.yml');
  const manifest = first.manifestObject?.yamlContent as ManifestSchema | undefined;
  if (!manifest) {
    for (const e of first.errors ?? [])
      console.error(`manifest.yml:${e.line ?? 0}:${e.column ?? 0} ${e.message}`);
    return 1;
  }
  ensureResources(manifest);
  const checked = await validate(false, 'manifest.yml');
  const manifestErrors = (checked.errors ?? []).filter((e) => e.level === 'error');
  for (const e of checked.errors ?? [])
    console.log(
      `manifest.yml:${e.line ?? 0}:${e.column ?? 0} ${e.level ?? 'error'} ${e.message} (${e.reference ?? ''})`,
    );

  const files = process.env.LINT_FORGE_FILES?.split(',') ?? sourceFiles(join(root, 'src'));
  const logger = { info: (message: string) => console.log(message) };
  const results = await lint(files, manifest, 'development', logger, statsigOff as never, {
    linter: { mode: 'client-side' },
  });
  for (const result of results) {
    for (const rule of [...result.errors, ...result.warnings]) {
      console.log(
        `${relative(root, result.file)}:${rule.line}:${rule.column} ${rule.class} ${rule.message} (${rule.reference})`,
      );
    }
  }
  const counts = problemCount(results);
  const scopes = scopeProblems(scopeList(manifest.permissions?.scopes));
  for (const p of scopes) console.log(`manifest.yml permissions: error ${p}`);
  console.log(
    `lint:forge: manifest ${manifestErrors.length} error(s); linters ${counts.errors} error(s), ${counts.warnings} warning(s) over ${files.length} files; scopes ${scopes.length} error(s)`,
  );
  return manifestErrors.length + counts.errors + scopes.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('lint:forge failed:', error);
    process.exit(2);
  },
);
