import { z } from 'zod';
import { InputError } from '../errors';
import { MAX_TERM_FREQUENCY } from './index-entry';
import { SimilarityIndex } from './memory-index';
import { SIGNATURE_SIZE } from './minhash';
import type { IndexEntry } from './types';

export const SNAPSHOT_KIND = 'triage-lens/similar-index';
export const SNAPSHOT_VERSION = 1;

const tf = z.number().int().min(0).max(MAX_TERM_FREQUENCY);
const length = z.number().int().min(0);
/** One ticket, compact: term rows are [term, summary tf, description tf, comments tf]. */
const entrySchema = z.object({
  id: z.string().min(1),
  created: z.number().nullable(),
  project: z.string(),
  facets: z.array(z.string()),
  lengths: z.tuple([length, length, length]),
  terms: z.array(z.tuple([z.string().min(1), tf, tf, tf])),
  signature: z.array(z.number().int().min(0).max(0xffffffff)).length(SIGNATURE_SIZE),
});

const snapshotSchema = z.object({
  kind: z.literal(SNAPSHOT_KIND),
  version: z.literal(SNAPSHOT_VERSION),
  entries: z.array(entrySchema),
});

export type SimilarIndexSnapshot = z.infer<typeof snapshotSchema>;

/** The index as plain JSON-able data `{ kind, version, entries }`. */
export function toSnapshot(index: SimilarityIndex): SimilarIndexSnapshot {
  const entries = [];
  for (const e of index.entries()) {
    entries.push({
      id: e.id,
      created: Number.isFinite(e.createdMs) ? e.createdMs : null,
      project: e.project,
      facets: [...e.facets],
      lengths: [...e.lengths] as [number, number, number],
      terms: e.terms.map((t) => [t.term, t.tf[0], t.tf[1], t.tf[2]] as [string, number, number, number]),
      signature: [...e.signature],
    });
  }
  return { kind: SNAPSHOT_KIND, version: SNAPSHOT_VERSION, entries };
}

/**
 * Rebuilds an index from a snapshot (parsed JSON). Another kind or a malformed snapshot is
 * `bad_model`; a version this code does not know is `unknown_model_version`, on which callers
 * rebuild from the tickets.
 */
export function fromSnapshot(data: unknown): SimilarityIndex {
  const head = z.object({ kind: z.string(), version: z.unknown() }).safeParse(data);
  if (!head.success || head.data.kind !== SNAPSHOT_KIND) {
    throw new InputError(
      'bad_model',
      `not a similar-ticket index snapshot (expected kind "${SNAPSHOT_KIND}")`,
    );
  }
  if (head.data.version !== SNAPSHOT_VERSION) {
    throw new InputError(
      'unknown_model_version',
      `similar-ticket index snapshot version ${String(head.data.version)} is not supported (expected ${SNAPSHOT_VERSION})`,
    );
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      'bad_model',
      `similar-ticket index snapshot is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  const index = new SimilarityIndex();
  for (const e of parsed.data.entries) {
    const entry: IndexEntry = {
      id: e.id,
      createdMs: e.created ?? Number.NaN,
      project: e.project,
      facets: e.facets,
      lengths: e.lengths,
      terms: e.terms.map(([term, s, d, c]) => ({ term, tf: [s, d, c] })),
      signature: e.signature,
    };
    index.addEntry(entry);
  }
  return index;
}
