import { InputError } from '../errors';
import { createRng } from '../util/rng';
import { binOf, fitBins } from './histogram-bins';
import { logisticLoss, sigmoid } from './sparse';

/**
 * Gradient-boosted regression trees for a binary outcome (log-loss), grown leaf-wise on
 * histograms of binned features, as LightGBM does: one byte per training cell, a histogram of
 * gradient and hessian sums per leaf, the larger child's histogram by subtraction. Early
 * stopping on validation rows picks the number of trees. Missing values (NaN) go left.
 */
export interface BoostOptions {
  learningRate?: number;
  maxLeaves?: number;
  minLeafRows?: number;
  /** L2 on leaf values (λ of XGBoost). */
  l2?: number;
  maxRounds?: number;
  /** Stop after this many rounds without a better validation loss. */
  patience?: number;
  /** Share of rows each tree is grown on (bagging without replacement). */
  subsample?: number;
  maxBins?: number;
  seed?: number;
}

/** Nodes in arrays: feature −1 marks a leaf whose output is `value`. */
export interface Tree {
  feature: Int32Array;
  /** Rows with a value below the threshold (or missing) go to `left`. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

export interface BoostedTrees {
  bias: number;
  trees: Tree[];
  featureCount: number;
}

export interface BoostResult {
  model: BoostedTrees;
  /** Rounds kept (the best validation round, or every round when there is no validation). */
  rounds: number;
  validationLoss: number;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
}

interface Leaf {
  start: number;
  end: number;
  hist: Float64Array;
  split: Split | null;
  node: number;
}

const DEFAULTS: Required<BoostOptions> = {
  learningRate: 0.08,
  maxLeaves: 15,
  minLeafRows: 20,
  l2: 1,
  maxRounds: 400,
  patience: 30,
  subsample: 0.8,
  maxBins: 64,
  seed: 17,
};

/** Columns of features (one Float64Array per feature, one value per row). */
export type FeatureColumns = readonly Float64Array[];

export function trainBoostedTrees(
  columns: FeatureColumns,
  labels: readonly (0 | 1)[],
  validation: { columns: FeatureColumns; labels: readonly (0 | 1)[] } | null,
  optionsIn: BoostOptions = {},
): BoostResult {
  const o = { ...DEFAULTS, ...optionsIn };
  const n = labels.length;
  const featureCount = columns.length;
  if (n === 0) throw new InputError('too_few_examples', 'no rows to grow trees on');
  if (o.maxBins > 256 || o.maxBins < 2) throw new InputError('bad_argument', 'maxBins must be in 2..256');
  const bins = fitBins(columns, o.maxBins);
  const binned = binColumns(columns, bins.cuts, n);
  const binCount = bins.cuts.map((c) => c.length + 2);
  const offsets = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) offsets[f + 1] = (offsets[f] as number) + (binCount[f] as number);
  const histSize = 3 * (offsets[featureCount] as number);
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  const bias = Math.log((positives + 0.5) / (n - positives + 0.5));
  const score = new Float64Array(n).fill(bias);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const index = new Int32Array(n);
  const rng = createRng(o.seed);
  const trees: Tree[] = [];
  const valN = validation?.labels.length ?? 0;
  const valScore = new Float64Array(valN).fill(bias);
  const inSample = new Int32Array(n);
  const valBinned = validation === null ? null : binColumns(validation.columns, bins.cuts, valN);
  let best = { loss: Number.POSITIVE_INFINITY, rounds: 0 };

  const buildHist = (start: number, end: number): Float64Array => {
    const hist = new Float64Array(histSize);
    for (let f = 0; f < featureCount; f++) {
      const col = binned[f] as Uint8Array;
      const base = 3 * (offsets[f] as number);
      for (let k = start; k < end; k++) {
        const r = index[k] as number;
        const at = base + 3 * (col[r] as number);
        hist[at] = (hist[at] as number) + (grad[r] as number);
        hist[at + 1] = (hist[at + 1] as number) + (hess[r] as number);
        hist[at + 2] = (hist[at + 2] as number) + 1;
      }
    }
    return hist;
  };

  const bestSplit = (hist: Float64Array): Split | null => {
    let found: Split | null = null;
    // Totals from the first feature's bins (every row is in exactly one bin of each feature).
    let g = 0;
    let h = 0;
    let c = 0;
    for (let b = 0; b < (binCount[0] as number); b++) {
      g += hist[3 * b] as number;
      h += hist[3 * b + 1] as number;
      c += hist[3 * b + 2] as number;
    }
    const parent = (g * g) / (h + o.l2);
    for (let f = 0; f < featureCount; f++) {
      const base = 3 * (offsets[f] as number);
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b < (binCount[f] as number) - 1; b++) {
        gl += hist[base + 3 * b] as number;
        hl += hist[base + 3 * b + 1] as number;
        cl += hist[base + 3 * b + 2] as number;
        if (cl < o.minLeafRows) continue;
        if (c - cl < o.minLeafRows) break;
        const gr = g - gl;
        const hr = h - hl;
        const gain = (gl * gl) / (hl + o.l2) + (gr * gr) / (hr + o.l2) - parent;
        if (gain > 1e-9 && (found === null || gain > found.gain)) found = { gain, feature: f, bin: b };
      }
    }
    return found;
  };

  const leafValue = (hist: Float64Array): number => {
    let g = 0;
    let h = 0;
    for (let b = 0; b < (binCount[0] as number); b++) {
      g += hist[3 * b] as number;
      h += hist[3 * b + 1] as number;
    }
    return (-g / (h + o.l2)) * o.learningRate;
  };

  const thresholdOf = (f: number, bin: number): number =>
    bin === 0 ? Number.NEGATIVE_INFINITY : ((bins.cuts[f] as Float64Array)[bin - 1] as number);

  for (let round = 0; round < o.maxRounds; round++) {
    for (let r = 0; r < n; r++) {
      const p = sigmoid(score[r] as number);
      grad[r] = p - (labels[r] as number);
      hess[r] = Math.max(p * (1 - p), 1e-12);
    }
    let size = 0;
    for (let r = 0; r < n; r++) if (o.subsample >= 1 || rng() < o.subsample) index[size++] = r;
    const feature: number[] = [-1];
    const threshold: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const value: number[] = [0];
    const splitBin: number[] = [0];
    const rootHist = buildHist(0, size);
    const leaves: Leaf[] = [{ start: 0, end: size, hist: rootHist, split: bestSplit(rootHist), node: 0 }];
    while (leaves.length < o.maxLeaves) {
      let pick = -1;
      for (let i = 0; i < leaves.length; i++) {
        const s = (leaves[i] as Leaf).split;
        if (s !== null && (pick < 0 || s.gain > ((leaves[pick] as Leaf).split as Split).gain)) pick = i;
      }
      if (pick < 0) break;
      const leaf = leaves[pick] as Leaf;
      const split = leaf.split as Split;
      const col = binned[split.feature] as Uint8Array;
      // Partition the leaf's rows in place: bin ≤ split bin to the front.
      let i = leaf.start;
      let j = leaf.end - 1;
      while (i <= j) {
        if ((col[index[i] as number] as number) <= split.bin) i++;
        else {
          const t = index[i] as number;
          index[i] = index[j] as number;
          index[j] = t;
          j--;
        }
      }
      const mid = i;
      const leftSmaller = mid - leaf.start <= leaf.end - mid;
      const small = leftSmaller ? buildHist(leaf.start, mid) : buildHist(mid, leaf.end);
      const large = leaf.hist;
      for (let k = 0; k < histSize; k++) large[k] = (large[k] as number) - (small[k] as number);
      const lh = leftSmaller ? small : large;
      const rh = leftSmaller ? large : small;
      const ln = feature.length;
      feature.push(-1, -1);
      threshold.push(0, 0);
      left.push(-1, -1);
      right.push(-1, -1);
      value.push(0, 0);
      feature[leaf.node] = split.feature;
      threshold[leaf.node] = thresholdOf(split.feature, split.bin);
      splitBin[leaf.node] = split.bin;
      splitBin.push(0, 0);
      left[leaf.node] = ln;
      right[leaf.node] = ln + 1;
      leaves.splice(
        pick,
        1,
        { start: leaf.start, end: mid, hist: lh, split: bestSplit(lh), node: ln },
        { start: mid, end: leaf.end, hist: rh, split: bestSplit(rh), node: ln + 1 },
      );
    }
    const nodeBin: number[] = [];
    for (let k = 0; k < feature.length; k++) nodeBin.push(splitBin[k] ?? 0);
    for (const leaf of leaves) {
      const v = leafValue(leaf.hist);
      value[leaf.node] = v;
      // The rows this tree was grown on are already sorted into their leaves.
      for (let k = leaf.start; k < leaf.end; k++) {
        const r = index[k] as number;
        score[r] = (score[r] as number) + v;
        inSample[r] = round + 1;
      }
    }
    const tree: Tree = {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
    };
    trees.push(tree);
    // The rows left out of this tree's sample walk it on their bins.
    for (let r = 0; r < n; r++) {
      if (inSample[r] === round + 1) continue;
      score[r] = (score[r] as number) + binnedOutput(tree, nodeBin, binned, r);
    }
    if (valBinned !== null && validation !== null && valN > 0) {
      let loss = 0;
      for (let r = 0; r < valN; r++) {
        valScore[r] = (valScore[r] as number) + binnedOutput(tree, nodeBin, valBinned, r);
        loss += logisticLoss(valScore[r] as number, validation.labels[r] as number);
      }
      loss /= valN;
      if (loss < best.loss - 1e-7) best = { loss, rounds: trees.length };
      else if (trees.length - best.rounds >= o.patience) break;
    }
  }
  const rounds = validation === null || valN === 0 ? trees.length : best.rounds;
  return {
    model: { bias, trees: trees.slice(0, rounds), featureCount },
    rounds,
    validationLoss: best.loss,
  };
}

function binColumns(columns: FeatureColumns, cuts: readonly Float64Array[], n: number): Uint8Array[] {
  return columns.map((col, f) => {
    const c = cuts[f] as Float64Array;
    const out = new Uint8Array(n);
    for (let r = 0; r < n; r++) out[r] = binOf(c, col[r] as number);
    return out;
  });
}

/** A tree's output for row r of binned columns (bin ≤ the node's split bin goes left). */
function binnedOutput(
  tree: Tree,
  nodeBin: readonly number[],
  binned: readonly Uint8Array[],
  r: number,
): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const b = (binned[tree.feature[node] as number] as Uint8Array)[r] as number;
    node = b <= (nodeBin[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
  }
  return tree.value[node] as number;
}

export function treeOutput(tree: Tree, row: ArrayLike<number>): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const v = row[tree.feature[node] as number] as number;
    // Non-finite values are "missing", as in binOf: they go left.
    node =
      !Number.isFinite(v) || v < (tree.threshold[node] as number)
        ? (tree.left[node] as number)
        : (tree.right[node] as number);
  }
  return tree.value[node] as number;
}

/** Raw score (log-odds) of one row of feature values. */
export function boostedScore(model: BoostedTrees, row: ArrayLike<number>): number {
  let s = model.bias;
  for (const tree of model.trees) s += treeOutput(tree, row);
  return s;
}
