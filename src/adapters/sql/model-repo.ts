import { createHash, randomUUID } from 'node:crypto';
import type { ModelLoad, ModelPayload, ModelStore } from '../../core/ports/storage';
import type { SqlDatabase } from './dialect';
import { num } from './dialect';

/**
 * Raw bytes per chunk: stored as base64, so a chunk row is 512 KiB of text, well under Forge
 * SQL's 1 MiB per request and 6 MiB per row.
 */
export const BYTES_PER_CHUNK = 384 * 1024;
/** UTF-16 code units per text chunk: at most 3 UTF-8 bytes each, so ≤ 576 KiB per row. */
export const CHARS_PER_CHUNK = 192 * 1024;
/** Chunks read per SELECT: 4 × 576 KiB stays under Forge SQL's 4 MiB response. */
const CHUNKS_PER_READ = 4;

const checksumOf = (payload: ModelPayload): string => createHash('sha256').update(payload).digest('hex');

function splitPayload(payload: ModelPayload): string[] {
  const out: string[] = [];
  if (typeof payload === 'string') {
    for (let i = 0; i < payload.length;) {
      let end = Math.min(payload.length, i + CHARS_PER_CHUNK);
      // Never cut a surrogate pair in two.
      if (end < payload.length && /[\uD800-\uDBFF]/.test(payload.charAt(end - 1))) end--;
      out.push(payload.slice(i, end));
      i = end;
    }
  } else {
    for (let i = 0; i < payload.length; i += BYTES_PER_CHUNK) {
      out.push(
        Buffer.from(
          payload.buffer,
          payload.byteOffset + i,
          Math.min(BYTES_PER_CHUNK, payload.length - i),
        ).toString('base64'),
      );
    }
  }
  return out;
}

/** Every save writes a fresh generation (a random UUID), so version + generation name one payload. */
const stampOf = (header: { version: unknown; generation: string }): string =>
  `${num(header.version)}:${header.generation}`;

function joinPayload(format: string, chunks: string[]): ModelPayload | null {
  if (format === 'text') return chunks.join('');
  if (format !== 'bytes') return null;
  const parts = chunks.map((c) => Buffer.from(c, 'base64'));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * Models in `tl_models` (one header row per name) and `tl_model_chunks`. A save writes the
 * chunks under a fresh generation, then points the header at it, then drops older
 * generations: a reader sees the old model or the new one, and a crash mid-save leaves the old
 * one in place. Anything that does not add up on load is reported, not thrown.
 */
export class SqlModelStore implements ModelStore {
  constructor(
    private readonly sqlDb: SqlDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async save(
    name: string,
    payload: ModelPayload,
    version: number,
  ): Promise<{ bytes: number; chunks: number }> {
    const { db } = this.sqlDb;
    const generation = randomUUID();
    const chunks = splitPayload(payload);
    for (let seq = 0; seq < chunks.length; seq++) {
      await db
        .insertInto('tl_model_chunks')
        .values({ name, generation, seq, data: chunks[seq] as string })
        .execute();
    }
    const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    const header = {
      version,
      format: typeof payload === 'string' ? 'text' : 'bytes',
      generation,
      bytes,
      chunks: chunks.length,
      checksum: checksumOf(payload),
      saved_ms: this.now(),
    };
    const updated = await db.updateTable('tl_models').set(header).where('name', '=', name).executeTakeFirst();
    if (num(updated.numUpdatedRows) === 0) {
      const inserted = await db
        .insertInto('tl_models')
        .ignore()
        .values({ name, ...header })
        .executeTakeFirst();
      if (num(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        await db.updateTable('tl_models').set(header).where('name', '=', name).execute();
      }
    }
    await db
      .deleteFrom('tl_model_chunks')
      .where('name', '=', name)
      .where('generation', '<>', generation)
      .execute();
    return { bytes, chunks: chunks.length };
  }

  async load(name: string, expectedVersion: number): Promise<ModelLoad> {
    const { db } = this.sqlDb;
    const header = await db.selectFrom('tl_models').selectAll().where('name', '=', name).executeTakeFirst();
    if (header === undefined) return { status: 'absent' };
    const version = num(header.version);
    if (version !== expectedVersion)
      return { status: 'old-version', found: version, expected: expectedVersion };
    const count = num(header.chunks);
    const chunks: string[] = [];
    for (let from = 0; from < count; from += CHUNKS_PER_READ) {
      const rows = await db
        .selectFrom('tl_model_chunks')
        .select(['seq', 'data'])
        .where('name', '=', name)
        .where('generation', '=', header.generation)
        .where('seq', '>=', from)
        .where('seq', '<', from + CHUNKS_PER_READ)
        .orderBy('seq')
        .execute();
      for (const r of rows) {
        if (num(r.seq) !== chunks.length)
          return { status: 'corrupt', reason: `chunk ${chunks.length} of ${count} is missing` };
        chunks.push(r.data);
      }
    }
    if (chunks.length !== count)
      return { status: 'corrupt', reason: `found ${chunks.length} of ${count} chunks` };
    const payload = joinPayload(header.format, chunks);
    if (payload === null) return { status: 'corrupt', reason: `unknown format "${header.format}"` };
    if (checksumOf(payload) !== header.checksum) return { status: 'corrupt', reason: 'checksum mismatch' };
    return { status: 'ok', payload, version, savedAt: num(header.saved_ms), stamp: stampOf(header) };
  }

  async stamp(name: string): Promise<string | null> {
    const header = await this.sqlDb.db
      .selectFrom('tl_models')
      .select(['version', 'generation'])
      .where('name', '=', name)
      .executeTakeFirst();
    return header === undefined ? null : stampOf(header);
  }

  async delete(name: string): Promise<void> {
    await this.sqlDb.db.deleteFrom('tl_models').where('name', '=', name).execute();
    await this.sqlDb.db.deleteFrom('tl_model_chunks').where('name', '=', name).execute();
  }
}
