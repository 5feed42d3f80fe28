import type { FieldQuality } from '../../contracts/admin';
import type { ClassifierEngine, FieldModel } from '../ports/engines';
import type { Logger } from '../ports/logger';
import type { ModelStore } from '../ports/storage';
import {
  FIELD_QUALITY_FORMAT,
  fieldModelKeys,
  PROJECT_VALUES_FORMAT,
  StoredFieldQuality,
  StoredProjectValues,
} from '../ports/storage-keys';
import { jsonOf } from '../shared/stored-json';

export const { classifier: classifierName, quality: qualityName, values: valuesName } = fieldModelKeys;
/** A kept version's rows: the same three, under the version's id. */
const versionNames = (fieldId: string, versionId: string): [string, string, string] => [
  fieldModelKeys.release(versionId, classifierName(fieldId)),
  fieldModelKeys.release(versionId, qualityName(fieldId)),
  fieldModelKeys.release(versionId, valuesName(fieldId)),
];
const rowNames = (fieldId: string): [string, string, string] => [
  classifierName(fieldId),
  qualityName(fieldId),
  valuesName(fieldId),
];
const QUALITY_VERSION = FIELD_QUALITY_FORMAT;
const VALUES_VERSION = PROJECT_VALUES_FORMAT;

export type ProjectValues = Map<string, ReadonlySet<string>>;

export type ModelLookup =
  | { status: 'ok'; model: FieldModel }
  /** Never trained (or too little data when it was). */
  | { status: 'absent' }
  /** The stored row is corrupt or from an older format: it must be retrained. */
  | { status: 'rebuild'; reason: string };

/**
 * Parsed values kept beyond one invocation (src/app keeps them at module level, for the life of
 * a warm function container), each under the stamp of the stored row it was parsed from.
 */
export interface WarmCache<T> {
  get(name: string, stamp: string): T | undefined;
  set(name: string, stamp: string, value: T): void;
}

/** What a repository may keep warm: parsed classifier models and per-project value lists. */
export interface WarmModels {
  classifiers: WarmCache<FieldModel>;
  values: WarmCache<ProjectValues>;
}

/**
 * Loads classifier models once per app instance (one Forge invocation), or, given `warm`, once
 * per stored generation for as long as the container lives: a reused model costs one small
 * SELECT of its stamp instead of reading and parsing every chunk again. A corrupt or old-format
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
    private readonly warm: WarmModels | null = null,
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
    await this.writeRows(rowNames(fieldId), model, quality, values);
    this.cache.set(fieldId, Promise.resolve({ status: 'ok', model }));
    this.values.set(fieldId, Promise.resolve(values));
  }

  /** Keeps a trained model as a named version (a release candidate, or one kept for rollback). */
  async saveVersion(
    fieldId: string,
    versionId: string,
    model: FieldModel,
    quality: FieldQuality,
    values: ProjectValues,
  ): Promise<void> {
    await this.writeRows(versionNames(fieldId, versionId), model, quality, values);
  }

  /**
   * Makes a kept version the field's model: its stored rows are copied over the current ones as
   * they are (no parse, no retraining). False when a row of the version is gone or damaged.
   */
  async promoteVersion(fieldId: string, versionId: string): Promise<boolean> {
    const from = versionNames(fieldId, versionId);
    const to = rowNames(fieldId);
    const versions = [this.engine.formatVersion, QUALITY_VERSION, VALUES_VERSION] as const;
    const loaded = await Promise.all(from.map((name, i) => this.store.load(name, versions[i] ?? 1)));
    if (loaded.some((l) => l.status !== 'ok')) return false;
    for (const [i, l] of loaded.entries()) {
      if (l.status === 'ok') await this.store.save(to[i] ?? '', l.payload, versions[i] ?? 1);
    }
    this.cache.delete(fieldId);
    this.values.delete(fieldId);
    return true;
  }

  async deleteVersion(fieldId: string, versionId: string): Promise<void> {
    for (const name of versionNames(fieldId, versionId)) await this.store.delete(name);
  }

  private async writeRows(
    names: readonly [string, string, string],
    model: FieldModel,
    quality: FieldQuality,
    values: ProjectValues,
  ): Promise<void> {
    const [classifier, qualityRow, valuesRow] = names;
    await this.store.save(classifier, this.engine.serialize(model), this.engine.formatVersion);
    await this.store.save(qualityRow, JSON.stringify(quality), QUALITY_VERSION);
    const plain = Object.fromEntries([...values].map(([project, set]) => [project, [...set].slice(0, 2000)]));
    await this.store.save(valuesRow, JSON.stringify(plain), VALUES_VERSION);
  }

  /** Per project, the values the field took in training (empty when unknown: no filtering). */
  projectValues(fieldId: string): Promise<ProjectValues> {
    let pending = this.values.get(fieldId);
    if (!pending) {
      pending = this.loadValues(fieldId);
      this.values.set(fieldId, pending);
    }
    return pending;
  }

  private async loadValues(fieldId: string): Promise<ProjectValues> {
    const name = valuesName(fieldId);
    const stamp = this.warm ? await this.store.stamp(name) : null;
    const kept = stamp !== null ? this.warm?.values.get(name, stamp) : undefined;
    if (kept) return kept;
    const loaded = await this.store.load(name, VALUES_VERSION);
    const parsed = StoredProjectValues.safeParse(jsonOf(loaded));
    const values: ProjectValues = new Map(
      parsed.success ? Object.entries(parsed.data).map(([p, v]) => [p, new Set(v)] as const) : [],
    );
    if (loaded.status === 'ok') this.warm?.values.set(name, loaded.stamp, values);
    return values;
  }

  async quality(fieldId: string): Promise<FieldQuality | null> {
    const parsed = StoredFieldQuality.safeParse(await this.readJson(qualityName(fieldId), QUALITY_VERSION));
    return parsed.success ? parsed.data : null;
  }

  /** A small JSON row, or null when absent, damaged or of another version. */
  private async readJson(name: string, version: number): Promise<unknown> {
    return jsonOf(await this.store.load(name, version));
  }

  private async load(fieldId: string): Promise<ModelLookup> {
    const name = classifierName(fieldId);
    const stamp = this.warm ? await this.store.stamp(name) : null;
    const kept = stamp !== null ? this.warm?.classifiers.get(name, stamp) : undefined;
    if (kept) return { status: 'ok', model: kept };
    const loaded = await this.store.load(name, this.engine.formatVersion);
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
          const model = this.engine.load(text);
          this.warm?.classifiers.set(name, loaded.stamp, model);
          return { status: 'ok', model };
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
