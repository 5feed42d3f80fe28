import type { z } from 'zod';
import type { Storage } from '../ports/storage';
import type { StateDoc, StateDocName } from '../ports/storage-keys';
import { loadStoredJson } from './stored-json';

/** Compare-and-set rounds a last-writer-wins write tries before giving up to a concurrent writer. */
const ATTEMPTS = 3;

type Named<S extends z.ZodTypeAny> = StateDoc<S, StateDocName>;

/**
 * A state document's value, or null when it was never written or no longer matches its schema
 * (the next writer replaces it). A document that has not been written in the state store yet
 * is read from its legacy model-store row: an install upgraded from before the move keeps it.
 */
export async function readStateDoc<S extends z.ZodTypeAny>(
  storage: Pick<Storage, 'state' | 'models'>,
  doc: Named<S>,
): Promise<z.infer<S> | null> {
  const stored = await storage.state.get(doc.name);
  if (stored === null)
    return doc.legacy
      ? loadStoredJson(storage.models, doc.legacy.name, doc.legacy.version, doc.schema)
      : null;
  const parsed = doc.schema.safeParse(stored.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Writes a document with one writer at a time in mind (a snapshot, a cursor): the last write
 * wins, as a model-store save did. Once written, its legacy row is dropped, so an old value can
 * never come back. False when concurrent writers kept winning (theirs stands).
 */
export async function writeStateDoc<S extends z.ZodTypeAny>(
  storage: Pick<Storage, 'state' | 'models'>,
  doc: Named<S>,
  value: z.infer<S>,
): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await storage.state.get(doc.name);
    if ((await storage.state.compareAndSet(doc.name, current?.revision ?? 0, value)) === null) continue;
    if (doc.legacy) await storage.models.delete(doc.legacy.name);
    return true;
  }
  return false;
}
