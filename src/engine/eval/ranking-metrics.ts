/** Retrieval metrics for duplicate search: ranks are 1-based; null means "not retrieved". */

export function recallAtK(ranks: readonly (number | null)[], k: number): number {
  if (ranks.length === 0) return Number.NaN;
  return ranks.filter((r) => r !== null && r <= k).length / ranks.length;
}

export function meanReciprocalRank(ranks: readonly (number | null)[]): number {
  if (ranks.length === 0) return Number.NaN;
  return ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / ranks.length;
}
