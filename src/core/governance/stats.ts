/** Two-sided 95 % normal quantile: every interval the governance code reports uses it. */
export const Z95 = 1.96;

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

/**
 * Wilson score interval of a proportion `hits / n` (better than the normal one near 0 and 1
 * and for small n). With n = 0 it is the whole [0, 1].
 */
export function wilson(hits: number, n: number, z = Z95): Interval {
  if (n <= 0) return { value: 0, lo: 0, hi: 1 };
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/**
 * The difference in accuracy of two models on the same tickets (`a[i]`, `b[i]`: whether each got
 * ticket i right), with a normal interval on the paired differences: pairing removes the
 * tickets both get right or wrong from the noise, so the interval is far narrower than two
 * separate ones. With n = 0 the interval is [-1, 1].
 */
export function pairedDifference(a: readonly boolean[], b: readonly boolean[], z = Z95): Interval {
  const n = Math.min(a.length, b.length);
  if (n === 0) return { value: 0, lo: -1, hi: 1 };
  const d: number[] = [];
  for (let i = 0; i < n; i++) d.push((a[i] ? 1 : 0) - (b[i] ? 1 : 0));
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 1;
  const half = z * Math.sqrt(variance / n);
  return { value: mean, lo: Math.max(-1, mean - half), hi: Math.min(1, mean + half) };
}
