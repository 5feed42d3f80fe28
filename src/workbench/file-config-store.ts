import { promises as fs } from 'node:fs';
import { AdminConfig, DEFAULT_CONFIG } from '../contracts/config';
import type { ConfigStore } from '../core/ports/storage';

/**
 * The workbench's stand-in for Forge KVS: the admin configuration as one JSON file beside the
 * database. A missing or no-longer-valid file reads as the defaults, as the port promises.
 */
export class FileConfigStore implements ConfigStore {
  constructor(private readonly path: string) {}

  async load(): Promise<AdminConfig> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch {
      return DEFAULT_CONFIG;
    }
    try {
      const parsed = AdminConfig.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : DEFAULT_CONFIG;
    } catch {
      return DEFAULT_CONFIG;
    }
  }

  async save(config: AdminConfig): Promise<void> {
    const valid = AdminConfig.parse(config);
    // Write then rename, so a crash mid-write never leaves half a file behind.
    const tmp = `${this.path}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(valid, null, 2), 'utf8');
    await fs.rename(tmp, this.path);
  }
}

/** For a throwaway workbench (no database file): configuration lives as long as the process. */
export class MemoryConfigStore implements ConfigStore {
  private config: AdminConfig = DEFAULT_CONFIG;
  load(): Promise<AdminConfig> {
    return Promise.resolve(this.config);
  }
  save(config: AdminConfig): Promise<void> {
    this.config = AdminConfig.parse(config);
    return Promise.resolve();
  }
}
