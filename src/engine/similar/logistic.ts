/**
 * A small L2-regularised logistic regression (batch Newton steps on a handful of features):
 * the calibration layer on top of the reranker's features. Deterministic: no random start.
 */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

export function predictLogistic(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] as number) * (x[i] ?? 0);
  return sigmoid(z);
}

/**
 * Fits bias and weights by Newton's method (IRLS) with an L2 penalty `l2` on the weights (not
 * the bias). Empty input or a single class gives a constant model at the smoothed base rate.
 */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  options: { l2?: number; iterations?: number } = {},
): LogisticModel {
  const d = xs[0]?.length ?? 0;
  const l2 = options.l2 ?? 1;
  const positives = ys.reduce((s, y) => s + y, 0);
  const base = (positives + 0.5) / (ys.length + 1);
  const model: LogisticModel = { bias: Math.log(base / (1 - base)), weights: new Array<number>(d).fill(0) };
  if (positives === 0 || positives === ys.length) return model;
  const p = d + 1;
  for (let iter = 0; iter < (options.iterations ?? 25); iter++) {
    // Gradient and Hessian of the penalised negative log-likelihood over [bias, weights].
    const g = new Array<number>(p).fill(0);
    const h = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    xs.forEach((x, n) => {
      const row = [1, ...x];
      const mu = predictLogistic(model, x);
      const r = mu - (ys[n] as number);
      const w = Math.max(mu * (1 - mu), 1e-9);
      for (let i = 0; i < p; i++) {
        g[i] = (g[i] as number) + r * (row[i] as number);
        const hi = h[i] as number[];
        for (let j = 0; j < p; j++) hi[j] = (hi[j] as number) + w * (row[i] as number) * (row[j] as number);
      }
    });
    for (let i = 1; i < p; i++) {
      g[i] = (g[i] as number) + l2 * (model.weights[i - 1] as number);
      (h[i] as number[])[i] = ((h[i] as number[])[i] as number) + l2;
    }
    const step = solve(h, g);
    if (step === undefined) break;
    model.bias -= step[0] as number;
    for (let i = 1; i < p; i++) model.weights[i - 1] = (model.weights[i - 1] as number) - (step[i] as number);
    if (step.every((s) => Math.abs(s) < 1e-8)) break;
  }
  return model;
}

/** Gaussian elimination with partial pivoting; undefined for a singular system. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[pivot] as number[])[c] as number))
        pivot = r;
    const pr = m[pivot] as number[];
    if (Math.abs(pr[c] as number) < 1e-12) return undefined;
    m[pivot] = m[c] as number[];
    m[c] = pr;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / (pr[c] as number);
      for (let k = c; k <= n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}
