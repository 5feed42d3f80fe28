import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileConfigStore } from '../../../src/local/adapters/config-file';
import { DEFAULT_CONFIG } from '../../../src/contracts/config';

const dir = mkdtempSync(join(tmpdir(), 'tl-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file config store', () => {
  it('reads defaults for a missing or invalid file and round-trips a saved config', async () => {
    const path = join(dir, 'nested', 'config.json');
    const store = new FileConfigStore(path);
    expect(await store.load()).toEqual(DEFAULT_CONFIG);
    const config = {
      ...DEFAULT_CONFIG,
      retentionDays: 90,
      away: [{ accountId: 'acc-1', note: '<script>🚨 "x" \\ </script>' }],
    };
    await Promise.all([store.save(config), store.save(config)]);
    expect(await store.load()).toEqual(config);
    writeFileSync(path, '{"version": 1, "fields": 3}');
    expect(await store.load()).toEqual(DEFAULT_CONFIG);
    writeFileSync(path, 'not json');
    expect(await store.load()).toEqual(DEFAULT_CONFIG);
  });
});
