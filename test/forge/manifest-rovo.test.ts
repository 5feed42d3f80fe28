import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { ROVO_ACTIONS } from '../../src/contracts/rovo';
import * as forge from '../../src/forge/handlers';

interface Manifest {
  modules: {
    action?: { key: string; function: string; actionVerb: string }[];
    'rovo:agent'?: { key: string; name: string; actions?: string[] }[];
    function: { key: string; handler: string }[];
  };
}

describe('the Rovo modules in manifest.yml', () => {
  it('declare every Rovo action as a GET action on its own handler, all listed by the agent', async () => {
    const read = await validate(false, join(__dirname, '..', '..', 'manifest.yml'));
    const manifest = read.manifestObject?.yamlContent as unknown as Manifest;
    const actions = manifest.modules.action ?? [];
    const handlers = forge.forgeHandlers(() => {
      throw new Error('not called');
    }) as Record<string, unknown>;
    for (const spec of Object.values(ROVO_ACTIONS)) {
      const action = actions.find((a) => a.key === spec.key);
      expect(action).toMatchObject({ function: spec.function, actionVerb: 'GET' });
      const fn = manifest.modules.function.find((f) => f.key === spec.function);
      expect(fn?.handler).toBe(`forge/index.${spec.handler}`);
      expect(typeof handlers[spec.handler]).toBe('function');
    }
    const [agent] = manifest.modules['rovo:agent'] ?? [];
    expect(agent?.name.length).toBeLessThanOrEqual(30);
    expect([...(agent?.actions ?? [])].sort()).toEqual(
      Object.values(ROVO_ACTIONS)
        .map((a) => a.key)
        .sort(),
    );
  });
});
