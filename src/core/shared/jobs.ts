import type { JobStatus } from '../../contracts/admin';
import type { JobKind, JobRecord, JobStateStore } from '../ports/storage';

export function idleStatus(kind: JobKind): JobStatus {
  return { kind, state: 'idle', processed: 0, total: null, startedAt: null, finishedAt: null, error: null };
}

/**
 * Read-modify-write of a job record through the store's compare-and-set: `change` sees the
 * current record and returns the next one (or null to leave it). Returns the written record,
 * or null when another worker changed it first (the caller then stands down).
 */
export async function updateJob(
  jobs: JobStateStore,
  kind: JobKind,
  change: (current: JobRecord | null) => Omit<JobRecord, 'revision'> | null,
): Promise<JobRecord | null> {
  const current = await jobs.get(kind);
  const next = change(current);
  if (next === null) return null;
  return jobs.compareAndSet(kind, current?.revision ?? 0, next);
}
