import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JIRA_ROUTES, type RouteId } from '../../src/adapters/jira/routes';
import { loadSpec } from './openapi';

const routes = Object.entries(JIRA_ROUTES) as [RouteId, (typeof JIRA_ROUTES)[RouteId]][];

describe('every route the app calls is in the official spec', () => {
  it.each(routes)('%s', (_id, route) => {
    const spec = loadSpec(route.spec);
    const methods = Object.keys(spec.paths[route.path] ?? {});
    expect(methods).toContain(route.method.toLowerCase());
  });

  it('the app does not call the removed search endpoints', () => {
    const paths = routes.map(([, r]) => r.path);
    expect(paths).not.toContain('/rest/api/3/search');
    expect(paths).toContain('/rest/api/3/search/jql');
  });
});

describe("the Forge adapter spells every route as a literal route`...` template (Forge's linter reads them)", () => {
  const source = readFileSync(
    join(__dirname, '..', '..', 'src', 'adapters', 'forge', 'forge-jira-transport.ts'),
    'utf8',
  );
  it.each(routes)('%s', (_id, route) => {
    const template = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => `\${p('${name}')}`);
    const literal = new RegExp(`route\`${template.replace(/[$()[\]{}.*+?^|\\]/g, '\\$&')}(\\?\\$\\{q\\})?\``);
    expect(source).toMatch(literal);
  });
});
