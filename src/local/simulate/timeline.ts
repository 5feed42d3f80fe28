import type { FunctionKind } from '../../core/shared/platform-limits';

/** One invocation the platform will start at `at` (simulated epoch ms). */
export interface Planned {
  at: number;
  /** The function kind, or `site` for something a person does in Jira (no invocation). */
  kind: FunctionKind | 'site';
  /** What it is, for the report's counts: `consume:backfill`, `trigger:issue`, `scheduled:migrate`. */
  label: string;
  run(): Promise<void>;
  /** A recurring scheduled trigger: not waited for when the queue is otherwise idle. */
  background?: boolean;
}

/** The platform's agenda: invocations by start time (a binary heap, ties in arrival order). */
export class Timeline {
  private readonly heap: (Planned & { seq: number })[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Invocations still due that are not recurring scheduled ones. */
  foreground(): number {
    return this.heap.filter((p) => p.background !== true).length;
  }

  add(item: Planned): void {
    const h = this.heap;
    h.push({ ...item, seq: this.seq++ });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): Planned | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(l, m)) m = l;
        if (r < h.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    if (x === undefined || y === undefined) return false;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const h = this.heap;
    const t = h[a];
    const u = h[b];
    if (t === undefined || u === undefined) return;
    h[a] = u;
    h[b] = t;
  }
}
