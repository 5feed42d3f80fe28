import type { Calibrator } from '../tabular/calibration';
import { fitPlatt } from '../tabular/calibration';
import { logit } from '../tabular/sparse';

/**
 * Fits the calibrator scoreBreachRisk applies, from replayed history: for past tickets scored at
 * some point of their SLA clock, the raw probability then and whether the SLA was breached.
 * Platt scaling on the logit keeps the order (and so the monotonicity in remaining time).
 */
export function fitRiskCalibrator(samples: readonly { raw: number; breached: boolean }[]): Calibrator {
  return fitPlatt(
    samples.map((s) => logit(s.raw)),
    samples.map((s) => (s.breached ? 1 : 0)),
  );
}
