/**
 * Quantile bins for the boosted trees: each feature's training values are cut into at most
 * `maxBins − 1` bins of about equal size; bin 0 is "missing". Trees then split on bin numbers,
 * which keeps every histogram small and the training matrix at one byte per cell.
 */
export interface FeatureBins {
  /** Per feature, ascending cut points; see binOf for how a value finds its bin. */
  cuts: Float64Array[];
}

export function fitBins(columns: readonly Float64Array[], maxBins: number): FeatureBins {
  return {
    cuts: columns.map((values) => {
      const finite = Array.from(values).filter(Number.isFinite);
      finite.sort((a, b) => a - b);
      const distinct: number[] = [];
      for (const v of finite)
        if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
      const target = maxBins - 1;
      if (distinct.length <= target) {
        // Few distinct values: one bin each, cut midway between neighbours.
        const cuts: number[] = [];
        for (let i = 1; i < distinct.length; i++)
          cuts.push(((distinct[i - 1] as number) + (distinct[i] as number)) / 2);
        return Float64Array.from(cuts);
      }
      const cuts: number[] = [];
      for (let b = 1; b < target; b++) {
        const q = finite[Math.floor((b * finite.length) / target)] as number;
        if (cuts.length === 0 || q > (cuts[cuts.length - 1] as number)) cuts.push(q);
      }
      return Float64Array.from(cuts);
    }),
  };
}

/** How many of the ascending cuts are at or below v (binary search). */
export function cutsAtOrBelow(cuts: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v < (cuts[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bin of a value: 0 when missing, else 1 + the number of cuts at or below it. */
export function binOf(cuts: Float64Array, v: number): number {
  return Number.isFinite(v) ? 1 + cutsAtOrBelow(cuts, v) : 0;
}
