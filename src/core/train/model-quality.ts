import type { ClassQuality, FieldQuality } from '../../contracts/admin';
import { accuracy, perClassStats, type ScoredPrediction, operatingPoint } from '../../engine/eval';

const CURVE_STEPS = 20;

function precisionCurve(predictions: readonly ScoredPrediction[]): FieldQuality['curve'] {
  const sorted = [...predictions].sort((a, b) => b.confidence - a.confidence);
  const curve: FieldQuality['curve'] = [];
  for (let step = 1; step <= CURVE_STEPS; step++) {
    const coverage = step / CURVE_STEPS;
    const n = Math.max(1, Math.round(coverage * sorted.length));
    const top = sorted.slice(0, n);
    const hits = top.filter((p) => p.actual === p.predicted).length;
    curve.push({ coverage, precision: top.length === 0 ? 0 : hits / top.length });
  }
  return curve;
}

/** What the admin sees before turning auto-apply on: per-class figures on the held-back slice. */
export function fieldQuality(
  fieldId: string,
  heldOut: readonly ScoredPrediction[],
  target: number,
  examples: number,
  leftOut: readonly { label: string; count: number }[],
  trainedAt: string,
): FieldQuality {
  const classes: ClassQuality[] = perClassStats(heldOut)
    .filter((c) => c.support > 0)
    .map((c) => {
      const predictedAs = heldOut.filter((p) => p.predicted === c.label);
      const point = operatingPoint(
        predictedAs.map((p) => ({ confidence: p.confidence, correct: p.actual === p.predicted })),
        target,
      );
      return {
        label: c.label,
        support: c.support,
        precision: c.precision,
        recall: c.recall,
        threshold: point.threshold,
        // Share of this class's tickets that would be filled in correctly at the target.
        coverageAtTarget: Math.min(1, countCorrectAbove(predictedAs, point.threshold) / c.support),
      };
    });
  const acc = accuracy(heldOut);
  return {
    fieldId,
    trainedAt,
    examples,
    accuracy: Number.isFinite(acc) ? acc : 0,
    classes,
    curve: heldOut.length === 0 ? [] : precisionCurve(heldOut),
    leftOut: leftOut.map((l) => ({ label: l.label, count: l.count })),
  };
}

function countCorrectAbove(predictions: readonly ScoredPrediction[], threshold: number | null): number {
  if (threshold === null) return 0;
  return predictions.filter((p) => p.confidence >= threshold && p.actual === p.predicted).length;
}
