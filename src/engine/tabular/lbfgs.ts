/**
 * Limited-memory BFGS for smooth convex objectives (our regularised log-losses). Full-batch and
 * deterministic: the same data gives the same weights, with no learning rate to tune.
 * Nocedal & Wright, "Numerical Optimization", algorithm 7.4, with a backtracking Armijo search.
 */
export type Objective = (w: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Stop after this many iterations (default 200). */
  maxIterations?: number;
  /** Stop when the gradient's max-norm falls below this (default 1e-5). */
  tolerance?: number;
  /** Curvature pairs kept (default 8). */
  memory?: number;
}

export interface LbfgsResult {
  weights: Float64Array;
  loss: number;
  iterations: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

const maxAbs = (a: Float64Array): number => {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
};

export function minimizeLbfgs(
  objective: Objective,
  start: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-5;
  const memory = options.memory ?? 8;
  const n = start.length;
  const w = Float64Array.from(start);
  const grad = new Float64Array(n);
  let loss = objective(w, grad);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const dir = new Float64Array(n);
  const nextW = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  let iterations = 0;
  for (; iterations < maxIterations && maxAbs(grad) > tolerance; iterations++) {
    // Two-loop recursion: dir = -H·grad.
    dir.set(grad);
    const alphas: number[] = [];
    for (let k = sList.length - 1; k >= 0; k--) {
      const a = (rhoList[k] as number) * dot(sList[k] as Float64Array, dir);
      alphas[k] = a;
      const y = yList[k] as Float64Array;
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) - a * (y[i] as number);
    }
    if (sList.length > 0) {
      const s = sList[sList.length - 1] as Float64Array;
      const y = yList[yList.length - 1] as Float64Array;
      const gamma = dot(s, y) / dot(y, y);
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) * gamma;
    } else {
      const scale = 1 / Math.max(1, maxAbs(grad));
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) * scale;
    }
    for (let k = 0; k < sList.length; k++) {
      const b = (rhoList[k] as number) * dot(yList[k] as Float64Array, dir);
      const s = sList[k] as Float64Array;
      const coef = (alphas[k] as number) - b;
      for (let i = 0; i < n; i++) dir[i] = (dir[i] as number) + coef * (s[i] as number);
    }
    for (let i = 0; i < n; i++) dir[i] = -(dir[i] as number);
    let slope = dot(grad, dir);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -(grad[i] as number) / Math.max(1, maxAbs(grad));
      slope = dot(grad, dir);
    }
    let step = 1;
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) nextW[i] = (w[i] as number) + step * (dir[i] as number);
      nextLoss = objective(nextW, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (nextW[i] as number) - (w[i] as number);
      y[i] = (nextGrad[i] as number) - (grad[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
      if (sList.length > memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
    }
    const improvement = loss - nextLoss;
    w.set(nextW);
    grad.set(nextGrad);
    loss = nextLoss;
    if (improvement < 1e-10 * Math.max(1, Math.abs(loss))) {
      iterations++;
      break;
    }
  }
  return { weights: w, loss, iterations };
}
