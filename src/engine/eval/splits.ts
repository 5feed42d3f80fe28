/**
 * Train/test splits from ../shared/docs/benchmarks.md. Both return row indexes so callers keep
 * their own row type.
 */
export interface Split {
  train: number[];
  test: number[];
}

/** mod5: 0-based data row i is test iff i % 5 === 4. */
export function mod5Split(rowCount: number): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < rowCount; i++) (i % 5 === 4 ? test : train).push(i);
  return { train, test };
}

/**
 * chrono: sort by time (stable, ties keep file order), first 80 % train, last 20 % test.
 * Rows whose time is unknown (NaN) sort last so they never leak into training.
 */
export function chronoSplit(times: readonly number[], trainShare = 0.8): Split {
  const order = times.map((_, i) => i);
  const key = (i: number): number => {
    const t = times[i] ?? Number.NaN;
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  order.sort((a, b) => key(a) - key(b) || a - b);
  const cut = Math.floor(order.length * trainShare);
  return { train: order.slice(0, cut), test: order.slice(cut) };
}
