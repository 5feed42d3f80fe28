/**
 * Nearest past tickets by their fields, for data without text (or beside it): an inverted index
 * from "field = value" to tickets, each shared value scoring its inverse document frequency.
 * Values shared by more than `maxShare` of tickets are skipped: they say little and cost most.
 */
export interface FieldIndex {
  postings: Map<string, number[]>;
  size: number;
}

const keyOf = (field: number, value: string): string => `${field}\u0000${value}`;

export function buildFieldIndex(rows: readonly (readonly string[])[]): FieldIndex {
  const postings = new Map<string, number[]>();
  rows.forEach((row, i) => {
    row.forEach((value, f) => {
      if (value === '' || value === '?') return;
      const key = keyOf(f, value);
      let list = postings.get(key);
      if (list === undefined) {
        list = [];
        postings.set(key, list);
      }
      list.push(i);
    });
  });
  return { postings, size: rows.length };
}

export interface NeighbourOptions {
  /** How many neighbours to return (default 20). */
  k?: number;
  /** Skip values held by more than this share of tickets (default 0.15). */
  maxShare?: number;
}

/** Up to k tickets sharing the most informative values with `row`; score in (0, 1], best = 1. */
export function nearestByFields(
  index: FieldIndex,
  row: readonly string[],
  options: NeighbourOptions = {},
): { index: number; score: number }[] {
  const k = options.k ?? 20;
  const limit = Math.max(1, Math.floor((options.maxShare ?? 0.15) * index.size));
  const scores = new Map<number, number>();
  row.forEach((value, f) => {
    const list = index.postings.get(keyOf(f, value));
    if (list === undefined || list.length > limit) return;
    const idf = Math.log(index.size / list.length);
    for (const i of list) scores.set(i, (scores.get(i) ?? 0) + idf);
  });
  // Keep the k best while scanning (no full sort: a common value can bring thousands of
  // candidates). Ties go to the most recent ticket (higher index = later, in time order).
  const top: [number, number][] = [];
  const better = (a: [number, number], b: [number, number]): boolean =>
    a[1] > b[1] || (a[1] === b[1] && a[0] > b[0]);
  for (const entry of scores) {
    if (top.length === k && !better(entry, top[k - 1] as [number, number])) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && better(entry, top[at - 1] as [number, number])) at--;
    top.splice(at, 0, entry);
    if (top.length > k) top.pop();
  }
  const best = top[0]?.[1] ?? 0;
  return best > 0 ? top.map(([i, s]) => ({ index: i, score: s / best })) : [];
}
