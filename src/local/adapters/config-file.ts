import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AdminConfig, DEFAULT_CONFIG } from '../../contracts/config';
import type { ConfigStore } from '../../core/ports/storage';

/**
 * AdminConfig in a JSON file, for the CLI and the workbench (Forge keeps it in KVS). Saves go
 * to a temporary file renamed over the old one, so a crash never leaves half a file. A missing
 * or invalid file reads as DEFAULT_CONFIG.
 */
export class FileConfigStore implements ConfigStore {
  constructor(private readonly path: string) {}

  async load(): Promise<AdminConfig> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
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
    const text = `${JSON.stringify(AdminConfig.parse(config), null, 2)}\n`;
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${randomUUID()}.tmp`;
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, this.path);
  }
}
