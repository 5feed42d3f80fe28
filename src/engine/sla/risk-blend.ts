import { InputError } from '../errors';
import { minimizeLbfgs } from '../tabular/lbfgs';
import { logisticLoss, logit, sigmoid } from '../tabular/sparse';

/**
 * Stacks the two views of breach risk: the survival probability (time left against how long
 * tickets like this take) and a field classifier's probability (what the ticket is).
 * p = σ(a·logit(survival) + b·logit(fields) + c), fitted on held-back history. a and b are kept
 * ≥ 0, so more remaining time still never raises the risk.
 */
export interface RiskBlend {
  a: number;
  b: number;
  c: number;
}

export function fitRiskBlend(
  samples: readonly { survival: number; fields: number; breached: boolean }[],
): RiskBlend {
  if (samples.length < 20 || samples.every((s) => s.breached) || samples.every((s) => !s.breached)) {
    throw new InputError(
      'too_few_examples',
      'need at least 20 held-back tickets with both outcomes to fit the risk blend',
    );
  }
  const xs = samples.map((s) => [logit(s.survival), logit(s.fields)] as const);
  const n = samples.length;
  // Optimise over u, v with a = u², b = v²: a smooth way to keep both weights non-negative.
  const { weights } = minimizeLbfgs(
    (w, grad) => {
      grad.fill(0);
      const [u, v, c] = [w[0] as number, w[1] as number, w[2] as number];
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const [x1, x2] = xs[i] as readonly [number, number];
        const z = u * u * x1 + v * v * x2 + c;
        const y = (samples[i] as { breached: boolean }).breached ? 1 : 0;
        loss += logisticLoss(z, y);
        const g = (sigmoid(z) - y) / n;
        grad[0] = (grad[0] as number) + g * 2 * u * x1;
        grad[1] = (grad[1] as number) + g * 2 * v * x2;
        grad[2] = (grad[2] as number) + g;
      }
      return loss / n;
    },
    Float64Array.from([0.7, 0.7, 0]),
    { maxIterations: 200 },
  );
  const [u, v, c] = [weights[0] as number, weights[1] as number, weights[2] as number];
  return { a: u * u, b: v * v, c };
}

export function blendRisk(blend: RiskBlend, survival: number, fields: number): number {
  return sigmoid(blend.a * logit(survival) + blend.b * logit(fields) + blend.c);
}
