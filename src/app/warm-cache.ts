import type { WarmCache } from '../core/train/models';

/**
 * At most `capacity` values, each under its name and the stamp of the stored row it came from;
 * the least recently used goes first. A stamp names one stored generation (a random UUID per
 * save), so a value only comes back to a caller whose database holds that very generation, and
 * a model saved again is simply not found under its new stamp.
 */
export class StampedCache<T> implements WarmCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(name: string, stamp: string): T | undefined {
    const key = keyOf(name, stamp);
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map order is insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(name: string, stamp: string, value: T): void {
    const key = keyOf(name, stamp);
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

const keyOf = (name: string, stamp: string): string => `${name}\u0000${stamp}`;
