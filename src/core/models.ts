import { z } from 'zod';
import { FieldQuality } from '../contracts/admin';
import type { ClassifierEngine, FieldModel } from './ports/engines';
import type { Logger } from './ports/logger';
import type { ModelStore } from './ports/storage';

export const classifierName = (fieldId: string): string => `classifier:${fieldId}`;
export const qualityName = (fieldId: string): string => `quality:${fieldId}`;
export const valuesName = (fieldId: string): string => `values:${fieldId}`;
const QUALITY_VERSION = 1;
const VALUES_VERSION = 1;

/** Values a field took per project in the training data (components and request types are per project). */
const ProjectValues = z.record(z.string().max(20), z.array(z.string().max(255)).max(2000));
export type ProjectValues = Map<string, ReadonlySet<string>>;

export type ModelLookup =
  | { status: 'ok'; model: FieldModel }
  /** Never trained (or too little data when it was). */
  | { status: 'absent' }
  /** The stored row is corrupt or from an older format: it must be retrained. */
  | { status: 'rebuild'; reason: string };

/**
 * Loads classifier models once per app instance (one Forge invocation). A corrupt or old-format
 * row is reported as `rebuild`, never thrown, so a bad row cannot take the panel or the consumer
 * down; the caller queues a retrain.
 */
export class ModelRepository {
  private readonly cache = new Map<string, Promise<ModelLookup>>();
  private readonly rebuildClaimed = new Set<string>();
  private readonly values = new Map<string, Promise<ProjectValues>>();

  constructor(
    private readonly store: ModelStore,
    private readonly engine: ClassifierEngine,
    private readonly logger: Logger,
  ) {}

  get(fieldId: string): Promise<ModelLookup> {
    let pending = this.cache.get(fieldId);
    if (!pending) {
      pending = this.load(fieldId);
      this.cache.set(fieldId, pending);
    }
    return pending;
  }

  /** True the first time a field's rebuild is asked for in this invocation (one retrain message, not one per ticket). */
  claimRebuild(fieldId: string): boolean {
    if (this.rebuildClaimed.has(fieldId)) return false;
    this.rebuildClaimed.add(fieldId);
    return true;
  }

  async save(
    fieldId: string,
    model: FieldModel,
    quality: FieldQuality,
    values: ProjectValues,
  ): Promise<void> {
    await this.store.save(classifierName(fieldId), this.engine.serialize(model), this.engine.formatVersion);
    await this.store.save(qualityName(fieldId), JSON.stringify(quality), QUALITY_VERSION);
    const plain = Object.fromEntries([...values].map(([project, set]) => [project, [...set].slice(0, 2000)]));
    await this.store.save(valuesName(fieldId), JSON.stringify(plain), VALUES_VERSION);
    this.cache.set(fieldId, Promise.resolve({ status: 'ok', model }));
    this.values.set(fieldId, Promise.resolve(values));
  }

  /** Per project, the values the field took in training (empty when unknown: no filtering). */
  projectValues(fieldId: string): Promise<ProjectValues> {
    let pending = this.values.get(fieldId);
    if (!pending) {
      pending = this.readJson(valuesName(fieldId), VALUES_VERSION).then((json: unknown): ProjectValues => {
        const parsed = ProjectValues.safeParse(json);
        return new Map(
          parsed.success ? Object.entries(parsed.data).map(([p, v]) => [p, new Set(v)] as const) : [],
        );
      });
      this.values.set(fieldId, pending);
    }
    return pending;
  }

  async quality(fieldId: string): Promise<FieldQuality | null> {
    const parsed = FieldQuality.safeParse(await this.readJson(qualityName(fieldId), QUALITY_VERSION));
    return parsed.success ? parsed.data : null;
  }

  /** A small JSON row, or null when absent, damaged or of another version. */
  private async readJson(name: string, version: number): Promise<unknown> {
    const loaded = await this.store.load(name, version);
    if (loaded.status !== 'ok') return null;
    try {
      const text =
        typeof loaded.payload === 'string' ? loaded.payload : Buffer.from(loaded.payload).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }

  private async load(fieldId: string): Promise<ModelLookup> {
    const loaded = await this.store.load(classifierName(fieldId), this.engine.formatVersion);
    switch (loaded.status) {
      case 'absent':
        return { status: 'absent' };
      case 'old-version':
        return this.rebuild(fieldId, `stored format ${loaded.found}, expected ${loaded.expected}`);
      case 'corrupt':
        return this.rebuild(fieldId, loaded.reason);
      case 'ok':
        try {
          const text =
            typeof loaded.payload === 'string'
              ? loaded.payload
              : Buffer.from(loaded.payload).toString('utf8');
          return { status: 'ok', model: this.engine.load(text) };
        } catch (error) {
          return this.rebuild(fieldId, error instanceof Error ? error.message : 'unreadable model');
        }
    }
  }

  private rebuild(fieldId: string, reason: string): ModelLookup {
    this.logger.warn('model needs rebuilding', { fieldId, reason: reason.slice(0, 200) });
    return { status: 'rebuild', reason };
  }
}
