import { InputError } from '../errors';
import type { Calibrator } from './calibration';
import { calibrate, fitIsotonic } from './calibration';
import type { Encoder, EncoderSpec, TabularRow } from './encoder';
import { encodeRow } from './encoder';
import { fitLinear } from './calibrated-classifier';
import { stratifiedFolds } from './folds';
import type { SparseLogisticModel } from './sparse-logistic';
import { logisticScore, trainSparseLogistic } from './sparse-logistic';
import { sigmoid } from './sparse';
import type { TreeClassifier } from './tree-classifier';
import { refitTreeClassifier, trainTreeClassifier, treeScore } from './tree-classifier';

/**
 * A binary tabular classifier whose every choice is made by cross-validation on the training
 * rows: one-hot logistic regression and boosted trees are scored out of fold; a stacker
 * (logistic regression on their scores) then picks the model (linear, trees or both), and a
 * second level of the same folds picks Platt or isotonic calibration. Row order is never
 * assumed: when, and only when, the caller gives each row's time (rows meant to predict the
 * future), a forward check on the newest rows decides whether the calibration should be fitted
 * on the newest slice only, and it is only when that check shows it pays.
 */
export type ModelKind = 'linear' | 'trees' | 'blend';
export type CalibrationKind = 'platt' | 'isotonic';

export interface StackedOptions {
  folds?: number;
  l2?: number;
  /** Offer boosted trees (default true); the linear model is always a candidate. */
  trees?: boolean;
  /** Each training row's time (ms), only when the model will score rows later than all of them. */
  times?: readonly number[];
  /** Shares of the newest rows a recency calibration may be fitted on (the forward check picks one). */
  recentShares?: readonly number[];
  seed?: number;
}

export interface StackChoice {
  model: ModelKind;
  calibration: CalibrationKind;
  slice: 'all' | 'recent';
  /** Out-of-fold log-loss of each candidate, for the record ("linear/platt": 0.47, …). */
  candidates: Record<string, number>;
  /** Forward check: log-loss on the newest rows of a calibration fitted on all earlier vs the recent ones. */
  recency: { all: number; recent: number; share: number } | null;
  treeRounds: number;
}

export interface StackedClassifier {
  encoder: Encoder;
  linear: SparseLogisticModel;
  trees: TreeClassifier | null;
  /** z = bias + linear·(linear score) + trees·(tree score). */
  stack: { bias: number; linear: number; trees: number };
  /** Applied to z when isotonic was chosen; with Platt, σ(z) is the probability. */
  isotonic: Calibrator | null;
  choice: StackChoice;
}

const MIN_ROWS = 20;
const MIN_ROWS_FOR_TREES = 300;
/** The newest share of rows the forward check scores calibrations on. */
const FORWARD_SHARE = 0.15;
const RECENT_SHARES = [0.05, 0.15, 0.3];

interface Scores {
  linear: Float64Array;
  trees: Float64Array | null;
}

/** Pairs of categorical field indexes named by the spec's crosses (numeric crosses are left to the trees). */
function categoricalPairs(spec: EncoderSpec): [number, number][] {
  const pairs: [number, number][] = [];
  for (const [a, b] of spec.crosses ?? []) {
    const i = spec.categorical.indexOf(a);
    const j = spec.categorical.indexOf(b);
    if (i >= 0 && j >= 0) pairs.push([i, j]);
  }
  return pairs;
}

interface Stacker {
  bias: number;
  linear: number;
  trees: number;
}

function stackInputs(kind: ModelKind, scores: Scores, i: number): number[] {
  const lin = scores.linear[i] as number;
  const tree = scores.trees?.[i] ?? 0;
  return kind === 'linear' ? [lin] : kind === 'trees' ? [tree] : [lin, tree];
}

function fitStacker(
  kind: ModelKind,
  scores: Scores,
  labels: readonly (0 | 1)[],
  rows: readonly number[],
): Stacker {
  const width = kind === 'blend' ? 2 : 1;
  const sparse = rows.map((i) => ({
    indices: width === 2 ? Int32Array.from([0, 1]) : Int32Array.from([0]),
    values: Float64Array.from(stackInputs(kind, scores, i)),
  }));
  const m = trainSparseLogistic(
    sparse,
    rows.map((i) => labels[i] as 0 | 1),
    width,
    { l2: 1e-6 },
  );
  const w0 = m.weights[0] as number;
  const w1 = m.weights[1] ?? 0;
  if (kind === 'linear') return { bias: m.bias, linear: w0, trees: 0 };
  if (kind === 'trees') return { bias: m.bias, linear: 0, trees: w0 };
  return { bias: m.bias, linear: w0, trees: w1 };
}

const stackedZ = (s: Stacker, scores: Scores, i: number): number =>
  s.bias + s.linear * (scores.linear[i] as number) + s.trees * (scores.trees?.[i] ?? 0);

interface Calibration {
  stacker: Stacker;
  isotonic: Calibrator | null;
}

function fitCalibration(
  kind: ModelKind,
  calibration: CalibrationKind,
  scores: Scores,
  labels: readonly (0 | 1)[],
  rows: readonly number[],
): Calibration {
  const stacker = fitStacker(kind, scores, labels, rows);
  const isotonic =
    calibration === 'isotonic'
      ? fitIsotonic(
          rows.map((i) => stackedZ(stacker, scores, i)),
          rows.map((i) => labels[i] as 0 | 1),
        )
      : null;
  return { stacker, isotonic };
}

function probabilityOf(c: Calibration, z: number): number {
  return c.isotonic === null ? sigmoid(z) : calibrate(c.isotonic, z);
}

function meanLogLoss(
  c: Calibration,
  scores: Scores,
  labels: readonly (0 | 1)[],
  rows: readonly number[],
): number {
  let loss = 0;
  for (const i of rows) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, probabilityOf(c, stackedZ(c.stacker, scores, i))));
    loss -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return loss / Math.max(1, rows.length);
}

/** Second-level cross-validation of one (model, calibration) candidate on the out-of-fold scores. */
function candidateLoss(
  kind: ModelKind,
  calibration: CalibrationKind,
  scores: Scores,
  labels: readonly (0 | 1)[],
  folds: Int32Array,
  foldCount: number,
): number {
  let total = 0;
  for (let k = 0; k < foldCount; k++) {
    const fitRows: number[] = [];
    const heldRows: number[] = [];
    folds.forEach((f, i) => (f === k ? heldRows : fitRows).push(i));
    const c = fitCalibration(kind, calibration, scores, labels, fitRows);
    total += meanLogLoss(c, scores, labels, heldRows) * heldRows.length;
  }
  return total / labels.length;
}

export function trainStackedClassifier(
  spec: EncoderSpec,
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  options: StackedOptions = {},
): StackedClassifier {
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  if (rows.length < MIN_ROWS || positives < 2 || rows.length - positives < 2) {
    throw new InputError(
      'too_few_examples',
      `need at least ${MIN_ROWS} training rows with both outcomes (got ${rows.length} rows, ${positives} positive)`,
    );
  }
  if (options.times !== undefined && options.times.length !== rows.length)
    throw new InputError('bad_argument', 'times and rows differ in length');
  const foldCount = Math.max(2, Math.min(options.folds ?? 5, positives, rows.length - positives));
  const l2 = options.l2 ?? 5e-4;
  const seed = options.seed ?? 11;
  const useTrees = (options.trees ?? true) && rows.length >= MIN_ROWS_FOR_TREES;
  const treeSpec = { pairs: categoricalPairs(spec), seed };
  const folds = stratifiedFolds(labels, foldCount, seed);
  const scores: Scores = {
    linear: new Float64Array(rows.length),
    trees: useTrees ? new Float64Array(rows.length) : null,
  };
  const roundsSeen: number[] = [];
  for (let k = 0; k < foldCount; k++) {
    const fitIdx: number[] = [];
    const heldIdx: number[] = [];
    folds.forEach((f, i) => (f === k ? heldIdx : fitIdx).push(i));
    const fitRows = fitIdx.map((i) => rows[i] as TabularRow);
    const fitLabels = fitIdx.map((i) => labels[i] as 0 | 1);
    const lin = fitLinear(spec, fitRows, fitLabels, l2);
    for (const i of heldIdx)
      scores.linear[i] = logisticScore(lin.model, encodeRow(lin.encoder, rows[i] as TabularRow));
    if (scores.trees !== null) {
      const t = trainTreeClassifier(fitRows, fitLabels, treeSpec);
      roundsSeen.push(t.rounds);
      for (const i of heldIdx) scores.trees[i] = treeScore(t.model, rows[i] as TabularRow);
    }
  }
  const kinds: ModelKind[] = scores.trees === null ? ['linear'] : ['linear', 'trees', 'blend'];
  const candidates: Record<string, number> = {};
  let best: { kind: ModelKind; calibration: CalibrationKind; loss: number } | null = null;
  for (const kind of kinds) {
    for (const calibration of ['platt', 'isotonic'] as const) {
      const loss = candidateLoss(kind, calibration, scores, labels, folds, foldCount);
      candidates[`${kind}/${calibration}`] = Math.round(loss * 1e5) / 1e5;
      // Ties (within 1e-4) keep the earlier, simpler candidate.
      if (best === null || loss < best.loss - 1e-4) best = { kind, calibration, loss };
    }
  }
  const chosen = best as { kind: ModelKind; calibration: CalibrationKind; loss: number };
  const all = rows.map((_, i) => i);
  let slice: 'all' | 'recent' = 'all';
  let recency: StackChoice['recency'] = null;
  let calibrationRows = all;
  if (options.times !== undefined) {
    const times = options.times;
    const byTime = [...all].sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
    const heldCount = Math.floor(rows.length * FORWARD_SHARE);
    const earlier = byTime.slice(0, rows.length - heldCount);
    const newest = byTime.slice(rows.length - heldCount);
    const hasBoth = (idx: readonly number[]): boolean => {
      const pos = idx.reduce((s, i) => s + (labels[i] as number), 0);
      return pos >= 2 && idx.length - pos >= 2;
    };
    if (heldCount >= MIN_ROWS && hasBoth(newest)) {
      const fromAll = fitCalibration(chosen.kind, chosen.calibration, scores, labels, earlier);
      const allLoss = meanLogLoss(fromAll, scores, labels, newest);
      let bestRecent: { share: number; loss: number } | null = null;
      for (const share of options.recentShares ?? RECENT_SHARES) {
        const count = Math.floor(rows.length * share);
        const recentRows = earlier.slice(Math.max(0, earlier.length - count));
        if (count < MIN_ROWS || !hasBoth(recentRows)) continue;
        const fitted = fitCalibration(chosen.kind, chosen.calibration, scores, labels, recentRows);
        const loss = meanLogLoss(fitted, scores, labels, newest);
        if (bestRecent === null || loss < bestRecent.loss) bestRecent = { share, loss };
      }
      if (bestRecent !== null) {
        recency = { all: allLoss, recent: bestRecent.loss, share: bestRecent.share };
        // Recency must pay by a clear margin (0.002 nats) to be used.
        if (bestRecent.loss < allLoss - 0.002) {
          slice = 'recent';
          calibrationRows = byTime.slice(rows.length - Math.floor(rows.length * bestRecent.share));
        }
      }
    }
  }
  const final = fitCalibration(chosen.kind, chosen.calibration, scores, labels, calibrationRows);
  const lin = fitLinear(spec, rows, labels, l2);
  const treeRounds =
    roundsSeen.length === 0 ? 0 : Math.round(roundsSeen.reduce((s, r) => s + r, 0) / roundsSeen.length);
  const trees =
    chosen.kind === 'linear' || scores.trees === null
      ? null
      : refitTreeClassifier(rows, labels, treeSpec, treeRounds);
  return {
    encoder: lin.encoder,
    linear: lin.model,
    trees,
    stack: final.stacker,
    isotonic: final.isotonic,
    choice: { model: chosen.kind, calibration: chosen.calibration, slice, candidates, recency, treeRounds },
  };
}

export function stackedProbability(model: StackedClassifier, row: TabularRow): number {
  const lin = model.stack.linear === 0 ? 0 : logisticScore(model.linear, encodeRow(model.encoder, row));
  const tree = model.trees === null || model.stack.trees === 0 ? 0 : treeScore(model.trees, row);
  const z = model.stack.bias + model.stack.linear * lin + model.stack.trees * tree;
  return model.isotonic === null ? sigmoid(z) : calibrate(model.isotonic, z);
}
