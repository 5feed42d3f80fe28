/**
 * Fails when a module imports itself through others, type-only imports included: a cycle means two
 * files are one concept split in the wrong place (issue 16). Reads the server project
 * (tsconfig.json) and the Custom UI project (static/tsconfig.json) with the compiler's own module
 * resolution. `npx tsx scripts/check-import-cycles.ts`; exits 1 with one line per cycle.
 */
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const PROJECTS = ['tsconfig.json', 'static/tsconfig.json'];

/** Each project file → the project files it imports or re-exports from. */
export function importGraph(configPath: string): Map<string, string[]> {
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const config = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
  const inProject = (file: string): boolean => !file.includes(`${path.sep}node_modules${path.sep}`);
  const graph = new Map<string, string[]>();
  for (const file of config.fileNames.filter(inProject)) {
    const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest);
    const targets: string[] = [];
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : null;
      if (specifier === null) continue;
      const resolved = ts.resolveModuleName(specifier, file, config.options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && inProject(resolved.resolvedFileName))
        targets.push(path.resolve(resolved.resolvedFileName));
    }
    graph.set(path.resolve(file), targets);
  }
  return graph;
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

if (require.main === module) {
  const all = PROJECTS.flatMap((p) => cycles(importGraph(path.join(ROOT, p))));
  const unique = [...new Map(all.map((c) => [c.join('|'), c])).values()];
  for (const c of unique)
    process.stderr.write(`import cycle: ${c.map((f) => path.relative(ROOT, f)).join(' ↔ ')}\n`);
  if (unique.length === 0) process.stdout.write('import cycles: none\n');
  process.exitCode = unique.length === 0 ? 0 : 1;
}
