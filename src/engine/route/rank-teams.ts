import type { ClassVote, RankedCandidate, RouteReason, SimilarHint } from './types';

export interface TeamRankingOptions {
  /** Weight of the classifier against similar tickets when both are given (default 0.6). */
  classifierWeight?: number;
  limit?: number;
}

/**
 * Ranks teams by a blend of the text/field classifier's probabilities and the teams that handled
 * the most similar past tickets (weighted by similarity). Either input may be missing; with
 * neither, there is nothing to learn from and the list is empty.
 */
export function rankTeams(
  classifier: readonly ClassVote[] | undefined,
  similar: readonly SimilarHint[] | undefined,
  options: TeamRankingOptions = {},
): RankedCandidate[] {
  const cls = new Map<string, number>();
  for (const v of classifier ?? []) {
    if (Number.isFinite(v.probability) && v.probability > 0)
      cls.set(v.label, (cls.get(v.label) ?? 0) + v.probability);
  }
  const simWeight = new Map<string, number>();
  const simCount = new Map<string, number>();
  let simTotal = 0;
  let withTeam = 0;
  for (const h of similar ?? []) {
    if (h.team === undefined || !(h.score > 0)) continue;
    simWeight.set(h.team, (simWeight.get(h.team) ?? 0) + h.score);
    simCount.set(h.team, (simCount.get(h.team) ?? 0) + 1);
    simTotal += h.score;
    withTeam++;
  }
  const hasCls = cls.size > 0;
  const hasSim = simTotal > 0;
  const wc = hasCls && hasSim ? (options.classifierWeight ?? 0.6) : hasCls ? 1 : 0;
  const teams = new Set([...cls.keys(), ...simWeight.keys()]);
  const ranked: RankedCandidate[] = [...teams].map((team) => {
    const pc = cls.get(team) ?? 0;
    const ps = hasSim ? (simWeight.get(team) ?? 0) / simTotal : 0;
    const reasons: RouteReason[] = [];
    if (pc > 0) reasons.push({ code: 'classifier', probability: pc });
    const n = simCount.get(team) ?? 0;
    if (n > 0) reasons.push({ code: 'similar-team', count: n, of: withTeam });
    return { id: team, name: team, score: wc * pc + (1 - wc) * ps, available: true, reasons };
  });
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.slice(0, options.limit ?? 10);
}
