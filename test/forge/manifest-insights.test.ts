import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { INDEXED_INSIGHTS, INSIGHTS_PROPERTY_KEY } from '../../src/contracts/insights';

describe('the jira:entityProperty module indexes exactly the insights the app writes', () => {
  it('manifest.yml declares the contract list, each alias once', async () => {
    const read = await validate(false, join(__dirname, '..', '..', 'manifest.yml'));
    const manifest = read.manifestObject?.yamlContent as unknown as {
      modules: { 'jira:entityProperty'?: { propertyKey: string; entityType?: string; values: unknown[] }[] };
    };
    const modules = manifest.modules['jira:entityProperty'] ?? [];
    expect(modules).toHaveLength(1);
    const [module] = modules;
    expect(module?.propertyKey).toBe(INSIGHTS_PROPERTY_KEY);
    expect(module?.entityType ?? 'issue').toBe('issue');
    expect(module?.values).toEqual(INDEXED_INSIGHTS);
    expect(new Set(INDEXED_INSIGHTS.map((v) => v.searchAlias.toLowerCase())).size).toBe(
      INDEXED_INSIGHTS.length,
    );
  });
});
