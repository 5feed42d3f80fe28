import type { BoostOptions, BoostedTrees } from './boosted-trees';
import { boostedScore, trainBoostedTrees } from './boosted-trees';
import type { TabularRow } from './encoder';
import { stratifiedFolds } from './folds';
import type { TargetStats } from './target-stats';
import { fitTargetStats, outOfFoldTargetFeatures, slotFieldsOf, targetFeatures } from './target-stats';

/**
 * Boosted trees on tabular tickets: each categorical field (and each named pair of fields)
 * enters as its smoothed breach rate and its frequency, out of fold for the training rows;
 * numeric fields enter as they are. Early stopping holds back a random, stratified slice.
 */
export interface TreeClassifier {
  stats: TargetStats;
  numericCount: number;
  trees: BoostedTrees;
  /** Per categorical field, its common values' codes (see categoryCodes); derived from stats. */
  codes: Map<string, number>[];
}

export interface TreeSpec {
  /** Pairs of categorical field indexes read together (e.g. team × priority). */
  pairs: readonly (readonly [number, number])[];
  boost?: BoostOptions;
  seed?: number;
}

const TARGET_FOLDS = 5;
/** A value needs this many training rows for a code of its own; the rest share "missing". */
const MIN_CODE_COUNT = 30;
const MAX_CODES = 62;

/**
 * Codes for each field's common values, ranked by smoothed breach rate. Out-of-fold rates
 * differ a little from fold to fold, so two values with close rates can swap places between
 * folds and a split on the rate alone cannot tell them apart; a code is the same in every row,
 * so trees can still isolate a value whose effect shows only in combination with another field.
 */
export function categoryCodes(stats: TargetStats): Map<string, number>[] {
  const m = stats.smoothing;
  return stats.slotFields.flatMap((fields, s) => {
    if (fields.length !== 1) return [];
    const common = [...(stats.slots[s] as Map<string, [number, number]>)]
      .filter(([, [n]]) => n >= MIN_CODE_COUNT)
      .sort((a, b) => b[1][0] - a[1][0] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CODES);
    const rate = ([, [n, p]]: [string, [number, number]]): number => (p + m * stats.prior) / (n + m);
    common.sort((a, b) => rate(a) - rate(b) || (a[0] < b[0] ? -1 : 1));
    return [new Map(common.map(([value], i) => [value, i]))];
  });
}

function featureWidth(stats: TargetStats, numericCount: number, codes: readonly unknown[]): number {
  return 2 * stats.slotFields.length + numericCount + codes.length;
}

function writeCodes(
  codes: readonly Map<string, number>[],
  row: TabularRow,
  out: Float64Array,
  offset: number,
): void {
  codes.forEach((map, f) => {
    out[offset + f] = map.get(row.categorical[f] ?? '') ?? Number.NaN;
  });
}

/** Columns of the training rows' features, target statistics out of fold. */
function trainingColumns(
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  stats: TargetStats,
  seed: number,
  codes: readonly Map<string, number>[],
): Float64Array[] {
  const numericCount = rows[0]?.numeric.length ?? 0;
  const width = featureWidth(stats, numericCount, codes);
  const matrix = rows.map(() => new Float64Array(width));
  outOfFoldTargetFeatures(
    stats,
    rows,
    labels,
    stratifiedFolds(labels, TARGET_FOLDS, seed),
    TARGET_FOLDS,
    matrix,
    0,
  );
  rows.forEach((row, r) => {
    const m = matrix[r] as Float64Array;
    for (let j = 0; j < numericCount; j++) m[2 * stats.slotFields.length + j] = row.numeric[j] ?? Number.NaN;
    writeCodes(codes, row, m, 2 * stats.slotFields.length + numericCount);
  });
  return toColumns(matrix, width);
}

function toColumns(matrix: readonly Float64Array[], width: number): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let f = 0; f < width; f++) {
    const col = new Float64Array(matrix.length);
    matrix.forEach((m, r) => {
      col[r] = m[f] as number;
    });
    columns.push(col);
  }
  return columns;
}

export function treeFeatures(
  stats: TargetStats,
  numericCount: number,
  codes: readonly Map<string, number>[],
  row: TabularRow,
): Float64Array {
  const out = new Float64Array(featureWidth(stats, numericCount, codes));
  targetFeatures(stats, row, out, 0);
  for (let j = 0; j < numericCount; j++) out[2 * stats.slotFields.length + j] = row.numeric[j] ?? Number.NaN;
  writeCodes(codes, row, out, 2 * stats.slotFields.length + numericCount);
  return out;
}

function fit(
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  spec: TreeSpec,
  validation: { rows: readonly TabularRow[]; labels: readonly (0 | 1)[] } | null,
  rounds?: number,
): { model: TreeClassifier; rounds: number } {
  const seed = spec.seed ?? 5;
  const fieldCount = rows[0]?.categorical.length ?? 0;
  const numericCount = rows[0]?.numeric.length ?? 0;
  const stats = fitTargetStats(rows, labels, slotFieldsOf(fieldCount, spec.pairs));
  const codes = categoryCodes(stats);
  const columns = trainingColumns(rows, labels, stats, seed, codes);
  const width = featureWidth(stats, numericCount, codes);
  const val =
    validation === null
      ? null
      : {
          columns: toColumns(
            validation.rows.map((r) => treeFeatures(stats, numericCount, codes, r)),
            width,
          ),
          labels: validation.labels,
        };
  const boost = { ...spec.boost, ...(rounds === undefined ? {} : { maxRounds: rounds }) };
  const result = trainBoostedTrees(columns, labels, val, { seed, ...boost });
  return { model: { stats, numericCount, trees: result.model, codes }, rounds: result.rounds };
}

/**
 * Trains on all rows but one stratified seventh, which picks the number of trees; returns that
 * number too, so a refit on more rows can reuse it.
 */
export function trainTreeClassifier(
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  spec: TreeSpec,
): { model: TreeClassifier; rounds: number } {
  const folds = stratifiedFolds(labels, 7, (spec.seed ?? 5) + 1);
  const pick = (held: boolean): number[] => labels.flatMap((_, i) => ((folds[i] === 0) === held ? [i] : []));
  const fitIdx = pick(false);
  const valIdx = pick(true);
  return fit(
    fitIdx.map((i) => rows[i] as TabularRow),
    fitIdx.map((i) => labels[i] as 0 | 1),
    spec,
    { rows: valIdx.map((i) => rows[i] as TabularRow), labels: valIdx.map((i) => labels[i] as 0 | 1) },
  );
}

/** Trains on every row with a fixed number of trees (chosen before, by early stopping). */
export function refitTreeClassifier(
  rows: readonly TabularRow[],
  labels: readonly (0 | 1)[],
  spec: TreeSpec,
  rounds: number,
): TreeClassifier {
  return fit(rows, labels, spec, null, Math.max(1, rounds)).model;
}

export function treeScore(model: TreeClassifier, row: TabularRow): number {
  return boostedScore(model.trees, treeFeatures(model.stats, model.numericCount, model.codes, row));
}
