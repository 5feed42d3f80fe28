import type { TabularRow } from './encoder';

/**
 * Smoothed target statistics for categorical fields, the way tree ensembles read categories
 * with many values: each value becomes (breaches + m·prior) / (count + m), plus how common the
 * value is. Training rows get their statistic out of fold (from the other folds only), so a
 * value seen once never "predicts" its own label; rows scored later use all training rows.
 */
export interface TargetStats {
  prior: number;
  smoothing: number;
  /** Per slot (field or pair of fields): value → [count, positives]. */
  slots: Map<string, [number, number]>[];
  /** The categorical field indexes each slot reads (one for a field, two for a pair). */
  slotFields: (readonly number[])[];
  rows: number;
}

const keyOf = (row: TabularRow, fields: readonly number[]): string =>
  fields.map((f) => row.categorical[f] ?? '').join('\u0001');

export function slotFieldsOf(fieldCount: number, pairs: readonly (readonly [number, number])[]): number[][] {
  const list: number[][] = [];
  for (let f = 0; f < fieldCount; f++) list.push([f]);
  for (const [a, b] of pairs) list.push([a, b]);
  return list;
}

export function fitTargetStats(
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  slotFields: readonly (readonly number[])[],
  smoothing = 20,
): TargetStats {
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  const slots = slotFields.map(() => new Map<string, [number, number]>());
  rows.forEach((row, r) => {
    slotFields.forEach((fields, s) => {
      const map = slots[s] as Map<string, [number, number]>;
      const key = keyOf(row, fields);
      const cell = map.get(key);
      if (cell === undefined) map.set(key, [1, labels[r] as number]);
      else {
        cell[0]++;
        cell[1] += labels[r] as number;
      }
    });
  });
  return {
    prior: (positives + 1) / (rows.length + 2),
    smoothing,
    slots,
    slotFields: [...slotFields],
    rows: rows.length,
  };
}

/** Features of one row: per slot, the smoothed rate and log(1 + count / rows · 1000). */
export function targetFeatures(stats: TargetStats, row: TabularRow, out: Float64Array, offset: number): void {
  const m = stats.smoothing;
  stats.slotFields.forEach((fields, s) => {
    const cell = (stats.slots[s] as Map<string, [number, number]>).get(keyOf(row, fields));
    const count = cell?.[0] ?? 0;
    const pos = cell?.[1] ?? 0;
    out[offset + 2 * s] = (pos + m * stats.prior) / (count + m);
    out[offset + 2 * s + 1] = Math.log1p((count / Math.max(1, stats.rows)) * 1000);
  });
}

/**
 * The training rows' features, each from the statistics of the rows outside its fold:
 * full statistics minus the fold's own counts, so it costs one pass per fold, not a refit.
 */
export function outOfFoldTargetFeatures(
  stats: TargetStats,
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  folds: Int32Array,
  foldCount: number,
  out: Float64Array[],
  offset: number,
): void {
  const m = stats.smoothing;
  for (let k = 0; k < foldCount; k++) {
    const inFold: number[] = [];
    for (let r = 0; r < rows.length; r++) if (folds[r] === k) inFold.push(r);
    const foldPos = inFold.reduce((s, r) => s + (labels[r] as number), 0);
    const outside = stats.rows - inFold.length;
    const prior = (stats.prior * (stats.rows + 2) - 1 - foldPos + 1) / (outside + 2);
    stats.slotFields.forEach((fields, s) => {
      const own = new Map<string, [number, number]>();
      for (const r of inFold) {
        const key = keyOf(rows[r] as TabularRow, fields);
        const cell = own.get(key);
        if (cell === undefined) own.set(key, [1, labels[r] as number]);
        else {
          cell[0]++;
          cell[1] += labels[r] as number;
        }
      }
      const all = stats.slots[s] as Map<string, [number, number]>;
      for (const r of inFold) {
        const key = keyOf(rows[r] as TabularRow, fields);
        const total = all.get(key) ?? [0, 0];
        const mine = own.get(key) ?? [0, 0];
        const count = total[0] - mine[0];
        const pos = total[1] - mine[1];
        const row = out[r] as Float64Array;
        row[offset + 2 * s] = (pos + m * prior) / (count + m);
        row[offset + 2 * s + 1] = Math.log1p((count / Math.max(1, outside)) * 1000);
      }
    });
  }
}
