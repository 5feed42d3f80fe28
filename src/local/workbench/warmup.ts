import type { JobStatus } from '../../contracts/admin';
import type { JobStateStore } from '../../core/ports/storage';
import type { WarmupStatus } from './backend';

/**
 * Reads the backfill and training jobs into one line for the workbench header and the console:
 * the workbench serves pages at once and warms up in the background.
 */
export function describeWarmup(backfill: JobStatus | null, train: JobStatus | null): WarmupStatus {
  if (backfill?.state === 'failed')
    return { phase: 'failed', message: `Backfill failed: ${backfill.error ?? 'unknown error'}` };
  if (train?.state === 'failed')
    return { phase: 'failed', message: `Training failed: ${train.error ?? 'unknown error'}` };
  if (backfill === null || backfill.state === 'idle' || backfill.state === 'queued') {
    return { phase: 'starting', message: 'Starting backfill…' };
  }
  if (backfill.state === 'running') {
    const of = backfill.total === null ? '' : ` of ${backfill.total}`;
    return { phase: 'backfill', message: `Backfill: ${backfill.processed}${of} tickets read…` };
  }
  if (train === null || train.state !== 'done') {
    return { phase: 'training', message: `Backfill done (${backfill.processed} tickets); training models…` };
  }
  return { phase: 'ready', message: `Ready: ${backfill.processed} tickets, models trained` };
}

export class WarmupTracker {
  private current: WarmupStatus = { phase: 'starting', message: 'Starting…' };
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(
    private readonly jobs: JobStateStore,
    private readonly onChange: (status: WarmupStatus) => void = () => undefined,
  ) {}

  status(): WarmupStatus {
    return this.current;
  }

  /** Polls the job store until training is done or a job failed. */
  start(intervalMs = 300): void {
    const loop = async (): Promise<void> => {
      this.timer = null;
      try {
        const [backfill, train] = await Promise.all([this.jobs.get('backfill'), this.jobs.get('train')]);
        const next = describeWarmup(backfill?.status ?? null, train?.status ?? null);
        if (next.message !== this.current.message) this.onChange(next);
        this.current = next;
        if (next.phase === 'ready' || next.phase === 'failed') {
          this.settle();
          return;
        }
      } catch {
        // The database was busy or closing: look again on the next tick.
      }
      if (!this.stopped) this.timer = setTimeout(() => void loop(), intervalMs);
    };
    void loop();
  }

  /** Resolves once the app has backfilled and trained; rejects if a job failed. */
  ready(): Promise<void> {
    if (this.current.phase === 'ready') return Promise.resolve();
    if (this.current.phase === 'failed') return Promise.reject(new Error(this.current.message));
    if (this.stopped) return Promise.reject(new Error('the workbench stopped before it was ready'));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private settle(): void {
    const failed = this.current.phase === 'failed';
    for (const w of this.waiters.splice(0)) {
      if (failed) w.reject(new Error(this.current.message));
      else w.resolve();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.waiters.splice(0)) w.reject(new Error('the workbench stopped before it was ready'));
  }
}
