/** One scored decision: how confident it was and whether it was right. */
export interface ConfidenceOutcome {
  confidence: number;
  correct: boolean;
}

/** Where a confidence cut reaches a precision target. */
export interface OperatingPoint {
  /** The lowest confidence whose top slice reaches the target; null when no slice does. */
  threshold: number | null;
  /** How many decisions that slice holds (0 when none reaches the target). */
  covered: number;
}

/**
 * The largest most-confident slice whose precision reaches `target`, cut only between distinct
 * confidences (ties cannot be split by a threshold). The operating point of auto-apply, of the
 * classifier's per-class thresholds and of coverage at precision.
 */
export function operatingPoint(outcomes: readonly ConfidenceOutcome[], target: number): OperatingPoint {
  const sorted = [...outcomes].sort((a, b) => b.confidence - a.confidence);
  let hits = 0;
  let best: OperatingPoint = { threshold: null, covered: 0 };
  for (let i = 0; i < sorted.length; i++) {
    const o = sorted[i] as ConfidenceOutcome;
    if (o.correct) hits++;
    const next = sorted[i + 1];
    if (next !== undefined && next.confidence === o.confidence) continue;
    if (hits / (i + 1) >= target) best = { threshold: o.confidence, covered: i + 1 };
  }
  return best;
}
