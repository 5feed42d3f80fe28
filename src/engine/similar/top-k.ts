/** A scored item; ties are broken by id so every backend returns the same order. */
export interface Scored {
  id: string;
  score: number;
}

/** a before b: higher score first, then smaller id. */
export const rankOrder = (a: Scored, b: Scored): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Keeps the k best items seen (a min-heap on rankOrder), so selecting 100 of 50,000 scored
 * tickets costs n·log k instead of a full sort.
 */
export class TopK<T extends Scored> {
  private readonly heap: T[] = [];
  constructor(private readonly k: number) {}

  offer(item: T): void {
    if (this.k <= 0) return;
    const h = this.heap;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (rankOrder(item, h[0] as T) < 0) {
      h[0] = item;
      this.down(0);
    }
  }

  /** Would `score`/`id` enter the heap? Lets callers skip building an item. */
  accepts(score: number, id: string): boolean {
    return this.heap.length < this.k || rankOrder({ id, score }, this.heap[0] as T) < 0;
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.heap].sort(rankOrder);
  }

  // The root is the worst kept item: "worse" = later in rankOrder.
  private worse(i: number, j: number): boolean {
    return rankOrder(this.heap[i] as T, this.heap[j] as T) > 0;
  }
  private swap(i: number, j: number): void {
    const t = this.heap[i] as T;
    this.heap[i] = this.heap[j] as T;
    this.heap[j] = t;
  }
  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }
  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < n && this.worse(l, w)) w = l;
      if (r < n && this.worse(r, w)) w = r;
      if (w === i) return;
      this.swap(i, w);
      i = w;
    }
  }
}
