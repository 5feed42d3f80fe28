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
  // Dense scores plus the list of touched rows: no per-candidate allocation, so no GC pauses
  // when a value brings thousands of candidates.
  const scores = new Float64Array(index.size);
  const seen = new Uint8Array(index.size);
  const touched: number[] = [];
  row.forEach((value, f) => {
    const list = index.postings.get(keyOf(f, value));
    if (list === undefined || list.length > limit) return;
    const idf = Math.log(index.size / list.length);
    for (const i of list) {
      if (seen[i] === 0) {
        seen[i] = 1;
        touched.push(i);
      }
      scores[i] = (scores[i] as number) + idf;
    }
  });
  // Keep the k best while scanning; ties go to the most recent ticket (higher index = later).
  const top: [number, number][] = [];
  const better = (i: number, s: number, than: [number, number]): boolean =>
    s > than[1] || (s === than[1] && i > than[0]);
  for (const i of touched) {
    const s = scores[i] as number;
    if (top.length === k && !better(i, s, top[k - 1] as [number, number])) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && better(i, s, top[at - 1] as [number, number])) at--;
    top.splice(at, 0, [i, s]);
    if (top.length > k) top.pop();
  }
  const best = top[0]?.[1] ?? 0;
  return best > 0 ? top.map(([i, s]) => ({ index: i, score: s / best })) : [];
}
