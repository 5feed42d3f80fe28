import { CONFIG_KEY, CONFIG_PART_CHARS, KvsConfigStore } from '../../../src/adapters/forge/kvs-config';
import type { KeyValue } from '../../../src/adapters/forge/kvs-config';
import { DEFAULT_CONFIG } from '../../../src/contracts/config';
import type { AdminConfig } from '../../../src/contracts/config';

/** An in-memory KVS with the 240 KiB value limit Forge enforces. */
function memoryKv(): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => Promise.resolve(structuredClone(data.get(key))),
    set(key, value) {
      if (Buffer.byteLength(JSON.stringify(value)) > 240 * 1024)
        return Promise.reject(new Error('value too large'));
      if (!/^[a-zA-Z0-9:._\s\-#]{1,500}$/.test(key)) return Promise.reject(new Error(`bad key ${key}`));
      data.set(key, structuredClone(value));
      return Promise.resolve();
    },
    delete(key) {
      data.delete(key);
      return Promise.resolve();
    },
  };
}

const big: AdminConfig = {
  ...DEFAULT_CONFIG,
  // ~2 × 150 KB of rule text, emoji and markup included: more than one KVS value holds.
  rules: Array.from({ length: 150 }, (_, i) => ({
    id: `r${i}`,
    when: `<script>${'🚨ü"\\'.repeat(500)}</script>`,
    i,
  })),
  away: [{ accountId: 'acc-1', from: '2026-01-01', note: "it's 'quoted' \\ 🚨" }],
  capacities: { 'acc-1': 5, constructor: 3 },
  retentionDays: 365,
};

describe('KVS config store', () => {
  it('returns the defaults before anything is saved', async () => {
    expect(await new KvsConfigStore(memoryKv()).load()).toEqual(DEFAULT_CONFIG);
  });

  it('round-trips a config larger than one KVS value, and cleans up the previous parts', async () => {
    const kv = memoryKv();
    const store = new KvsConfigStore(kv);
    await store.save(big);
    expect(JSON.stringify(big).length).toBeGreaterThan(CONFIG_PART_CHARS);
    expect(await store.load()).toEqual(big);
    const firstKeys = [...kv.data.keys()];
    expect(firstKeys.length).toBeGreaterThan(2);
    await store.save({ ...DEFAULT_CONFIG, retentionDays: 30 });
    expect((await store.load()).retentionDays).toBe(30);
    expect([...kv.data.keys()].filter((k) => k !== CONFIG_KEY)).toHaveLength(1);
  });

  it('refuses to save an invalid config, and reads a damaged one as the defaults', async () => {
    const kv = memoryKv();
    const store = new KvsConfigStore(kv);
    await expect(store.save({ ...DEFAULT_CONFIG, retentionDays: -1 })).rejects.toThrow();
    await store.save({ ...DEFAULT_CONFIG, retentionDays: 99 });
    const partKey = [...kv.data.keys()].find((k) => k !== CONFIG_KEY) as string;
    await kv.set(partKey, '{"version":1');
    expect(await store.load()).toEqual(DEFAULT_CONFIG);
    await kv.set(CONFIG_KEY, { format: 2 });
    expect(await store.load()).toEqual(DEFAULT_CONFIG);
  });
});
