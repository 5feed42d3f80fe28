/** Quality metrics for single-label predictions, as defined in ../shared/docs/benchmarks.md. */
import { operatingPoint } from './operating-point';

export interface ScoredPrediction {
  actual: string;
  predicted: string;
  /** The model's probability for `predicted`, in [0, 1]. */
  confidence: number;
}

export function accuracy(predictions: readonly ScoredPrediction[]): number {
  if (predictions.length === 0) return Number.NaN;
  let hits = 0;
  for (const p of predictions) if (p.actual === p.predicted) hits++;
  return hits / predictions.length;
}

/** Per-class precision, recall, F1 and support, keyed by every class seen as actual or predicted. */
export interface ClassStats {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function perClassStats(predictions: readonly ScoredPrediction[]): ClassStats[] {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const labels = new Set<string>();
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const p of predictions) {
    labels.add(p.actual);
    labels.add(p.predicted);
    if (p.actual === p.predicted) bump(tp, p.actual);
    else {
      bump(fp, p.predicted);
      bump(fn, p.actual);
    }
  }
  return [...labels].sort().map((label) => {
    const t = tp.get(label) ?? 0;
    const precision = t + (fp.get(label) ?? 0) === 0 ? 0 : t / (t + (fp.get(label) ?? 0));
    const recall = t + (fn.get(label) ?? 0) === 0 ? 0 : t / (t + (fn.get(label) ?? 0));
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: t + (fn.get(label) ?? 0) };
  });
}

/** Macro-F1 over the classes that occur in the test set (support > 0), as scikit-learn reports it
 * for labels present in y_true ∪ y_pred; classes only ever predicted count with F1 0. */
export function macroF1(predictions: readonly ScoredPrediction[]): number {
  const stats = perClassStats(predictions);
  if (stats.length === 0) return Number.NaN;
  return stats.reduce((s, c) => s + c.f1, 0) / stats.length;
}

/**
 * Coverage at precision: sort predictions by confidence (highest first) and return the largest
 * top share whose precision reaches `target`. This is the operating point for auto-apply.
 */
export function coverageAtPrecision(predictions: readonly ScoredPrediction[], target: number): number {
  if (predictions.length === 0) return 0;
  const outcomes = predictions.map((p) => ({ confidence: p.confidence, correct: p.actual === p.predicted }));
  return operatingPoint(outcomes, target).covered / predictions.length;
}

/**
 * Expected calibration error over `bins` equal-width confidence bins: the support-weighted mean
 * of |accuracy − mean confidence| per bin.
 */
export function expectedCalibrationError(predictions: readonly ScoredPrediction[], bins = 10): number {
  return calibrationError(
    predictions.map((p) => ({ probability: p.confidence, outcome: p.actual === p.predicted ? 1 : 0 })),
    bins,
  );
}

export interface BinaryOutcome {
  /** Predicted probability of the event, in [0, 1]. */
  probability: number;
  /** 1 when the event happened, else 0. */
  outcome: 0 | 1;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanProbability: number;
  observedRate: number;
}

export function reliabilityTable(outcomes: readonly BinaryOutcome[], bins = 10): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, (_, b) => ({ b, n: 0, p: 0, y: 0 }));
  for (const o of outcomes) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(o.probability * bins)));
    const s = sums[b]!;
    s.n++;
    s.p += o.probability;
    s.y += o.outcome;
  }
  return sums.map((s) => ({
    from: s.b / bins,
    to: (s.b + 1) / bins,
    count: s.n,
    meanProbability: s.n === 0 ? Number.NaN : s.p / s.n,
    observedRate: s.n === 0 ? Number.NaN : s.y / s.n,
  }));
}

export function calibrationError(outcomes: readonly BinaryOutcome[], bins = 10): number {
  if (outcomes.length === 0) return Number.NaN;
  let total = 0;
  for (const bin of reliabilityTable(outcomes, bins)) {
    if (bin.count > 0) total += bin.count * Math.abs(bin.observedRate - bin.meanProbability);
  }
  return total / outcomes.length;
}

/** Brier score: mean squared difference between probability and outcome. */
export function brierScore(outcomes: readonly BinaryOutcome[]): number {
  if (outcomes.length === 0) return Number.NaN;
  let s = 0;
  for (const o of outcomes) s += (o.probability - o.outcome) ** 2;
  return s / outcomes.length;
}

/** ROC AUC by the rank-sum (Mann–Whitney) formula, with ties given average rank. */
export function rocAuc(outcomes: readonly BinaryOutcome[]): number {
  const sorted = [...outcomes].sort((a, b) => a.probability - b.probability);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.probability === sorted[i]!.probability) j++;
    const avgRank = (i + j + 2) / 2; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if (sorted[k]!.outcome === 1) {
        positives++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
