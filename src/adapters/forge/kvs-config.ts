import { createHash, randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { AdminConfig, DEFAULT_CONFIG } from '../../contracts/config';
import type { ConfigStore } from '../../core/ports/storage';

/** The three Forge KVS calls the config store needs (`@forge/kvs`'s `kvs` satisfies it). */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export const CONFIG_KEY = 'triage-lens:config';
/**
 * Characters per stored part. A KVS value holds at most 240 KiB; a UTF-16 code unit takes at
 * most 3 bytes in UTF-8, so 64 Ki characters stay under 192 KiB whatever the text.
 */
export const CONFIG_PART_CHARS = 64 * 1024;

const Head = z.object({
  format: z.literal(1),
  generation: z.string().regex(/^[0-9a-f-]{36}$/),
  parts: z.number().int().min(1).max(200),
  checksum: z.string(),
});
type Head = z.infer<typeof Head>;

const partKey = (generation: string, i: number) => `${CONFIG_KEY}:part:${generation}:${i}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * AdminConfig in Forge KVS. A config with many rules or away entries can pass one value's
 * 240 KiB, so the JSON is split into parts under a fresh generation and a small head written
 * last points at them: a reader sees the old config or the new one, never a mix. A config that
 * no longer validates (older build) reads as DEFAULT_CONFIG, whose modes never auto-apply.
 */
export class KvsConfigStore implements ConfigStore {
  constructor(private readonly kv: KeyValue = kvs) {}

  async load(): Promise<AdminConfig> {
    // A save racing with this read can swap the parts under us: read twice before giving up.
    for (let attempt = 0; attempt < 2; attempt++) {
      const head = Head.safeParse(await this.kv.get(CONFIG_KEY));
      if (!head.success) return DEFAULT_CONFIG;
      const text = await this.readParts(head.data);
      if (text === null) continue;
      try {
        const parsed = AdminConfig.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : DEFAULT_CONFIG;
      } catch {
        return DEFAULT_CONFIG;
      }
    }
    return DEFAULT_CONFIG;
  }

  private async readParts(head: Head): Promise<string | null> {
    const parts: string[] = [];
    for (let i = 0; i < head.parts; i++) {
      const part = await this.kv.get(partKey(head.generation, i));
      if (typeof part !== 'string') return null;
      parts.push(part);
    }
    const text = parts.join('');
    return sha256(text) === head.checksum ? text : null;
  }

  async save(config: AdminConfig): Promise<void> {
    const text = JSON.stringify(AdminConfig.parse(config));
    const previous = Head.safeParse(await this.kv.get(CONFIG_KEY));
    const generation = randomUUID();
    const parts: string[] = [];
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + CONFIG_PART_CHARS);
      if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
      parts.push(text.slice(i, end));
      i = end;
    }
    for (let i = 0; i < parts.length; i++) await this.kv.set(partKey(generation, i), parts[i]);
    const head: Head = { format: 1, generation, parts: parts.length, checksum: sha256(text) };
    await this.kv.set(CONFIG_KEY, head);
    if (previous.success) {
      for (let i = 0; i < previous.data.parts; i++)
        await this.kv.delete(partKey(previous.data.generation, i));
    }
  }
}
