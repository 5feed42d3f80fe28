import { InputError } from '../errors';
import { cutsAtOrBelow } from './histogram-bins';
import type { SparseRow } from './sparse';

/**
 * Turns rows of categorical and numeric fields into sparse vectors for a linear model:
 * one-hot categories (rare values pooled into one "other" column per field), numeric fields as a
 * standardised signed log plus quantile-bin indicators (so a linear model can bend), and crosses
 * of two fields (a category per pair of values: "priority × elapsed bin"), which give a linear
 * model the interactions that tree ensembles find on their own.
 */
export interface EncoderSpec {
  categorical: readonly string[];
  numeric: readonly string[];
  /** Pairs of field names (categorical or numeric; numerics cross by their bin). */
  crosses?: readonly (readonly [string, string])[];
  /** Values seen fewer times than this in training share an "other" column (default 2). */
  minCount?: number;
  /** Quantile bins per numeric field (default 8). */
  numericBins?: number;
}

export interface TabularRow {
  /** Values in the order of `spec.categorical`. */
  categorical: readonly string[];
  /** Values in the order of `spec.numeric`; NaN when missing. */
  numeric: readonly number[];
}

interface NumericStats {
  mean: number;
  std: number;
  cuts: number[];
}

export interface Encoder {
  spec: Required<EncoderSpec>;
  /** Column index per "slot\u0000value" key; slot = field or cross position. */
  columns: Map<string, number>;
  numeric: NumericStats[];
  /** Human-readable name per column, for explanations ("priority = 1 - Critical"). */
  names: string[];
  width: number;
}

const OTHER = '\u0000other';
const MISSING = '\u0000missing';

const signedLog = (v: number): number => Math.sign(v) * Math.log1p(Math.abs(v));

function binOf(cuts: readonly number[], v: number): number {
  return Number.isNaN(v) ? -1 : cutsAtOrBelow(cuts, v);
}

function quantileCuts(sorted: readonly number[], bins: number): number[] {
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const q = sorted[Math.floor((b * sorted.length) / bins)];
    if (q !== undefined && (cuts.length === 0 || q > (cuts[cuts.length - 1] as number))) cuts.push(q);
  }
  return cuts;
}

/** The discrete value a field contributes to a cross or one-hot slot. */
function slotValues(
  spec: Required<EncoderSpec>,
  stats: readonly NumericStats[],
  row: TabularRow,
): Map<string, string> {
  const out = new Map<string, string>();
  spec.categorical.forEach((name, i) => out.set(name, row.categorical[i] ?? ''));
  spec.numeric.forEach((name, i) => {
    const v = row.numeric[i] ?? Number.NaN;
    const b = binOf(stats[i]?.cuts ?? [], Number.isFinite(v) ? signedLog(v) : Number.NaN);
    out.set(name, b < 0 ? MISSING : `bin${b}`);
  });
  return out;
}

function slots(spec: Required<EncoderSpec>): { key: string; fields: readonly string[] }[] {
  const list = spec.categorical.map((name) => ({ key: name, fields: [name] }));
  for (const name of spec.numeric) list.push({ key: `${name}#bin`, fields: [name] });
  for (const [a, b] of spec.crosses) list.push({ key: `${a}×${b}`, fields: [a, b] });
  return list;
}

export function fitEncoder(specIn: EncoderSpec, rows: readonly TabularRow[]): Encoder {
  const spec: Required<EncoderSpec> = {
    categorical: [...specIn.categorical],
    numeric: [...specIn.numeric],
    crosses: [...(specIn.crosses ?? [])],
    minCount: specIn.minCount ?? 2,
    numericBins: specIn.numericBins ?? 8,
  };
  const known = new Set([...spec.categorical, ...spec.numeric]);
  for (const [a, b] of spec.crosses) {
    for (const f of [a, b]) {
      if (!known.has(f)) throw new InputError('bad_argument', `cross "${a}×${b}" names unknown field "${f}"`);
    }
  }
  if (rows.length === 0)
    throw new InputError('too_few_examples', 'no training rows to fit the feature encoder');
  const numeric: NumericStats[] = spec.numeric.map((_, i) => {
    const vals = rows
      .map((r) => r.numeric[i] ?? Number.NaN)
      .filter(Number.isFinite)
      .map(signedLog);
    vals.sort((a, b) => a - b);
    const mean = vals.length === 0 ? 0 : vals.reduce((s, v) => s + v, 0) / vals.length;
    const variance = vals.length === 0 ? 0 : vals.reduce((s, v) => s + (v - mean) ** 2, 0) / vals.length;
    return { mean, std: Math.sqrt(variance) || 1, cuts: quantileCuts(vals, spec.numericBins) };
  });
  const counts = new Map<string, number>();
  const slotList = slots(spec);
  for (const row of rows) {
    const values = slotValues(spec, numeric, row);
    for (const slot of slotList) {
      const key = `${slot.key}\u0000${slot.fields.map((f) => values.get(f)).join('\u0001')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const columns = new Map<string, number>();
  const names: string[] = [];
  spec.numeric.forEach((name) => {
    columns.set(`${name}\u0000value`, names.length);
    names.push(`${name} (log scale)`);
    columns.set(`${name}\u0000${MISSING}`, names.length);
    names.push(`${name} missing`);
  });
  const sortedKeys = [...counts.keys()].sort();
  for (const slot of slotList) {
    columns.set(`${slot.key}\u0000${OTHER}`, names.length);
    names.push(`${slot.key} = (rare value)`);
  }
  for (const key of sortedKeys) {
    if ((counts.get(key) ?? 0) < spec.minCount) continue;
    columns.set(key, names.length);
    const [slot, value] = key.split('\u0000');
    names.push(`${slot} = ${(value ?? '').split('\u0001').join(' & ')}`);
  }
  return { spec, columns, numeric, names, width: names.length };
}

export function encodeRow(encoder: Encoder, row: TabularRow): SparseRow {
  const { spec, columns, numeric } = encoder;
  const indices: number[] = [];
  const values: number[] = [];
  spec.numeric.forEach((name, i) => {
    const v = row.numeric[i] ?? Number.NaN;
    if (Number.isFinite(v)) {
      const s = numeric[i] as NumericStats;
      indices.push(columns.get(`${name}\u0000value`) as number);
      values.push((signedLog(v) - s.mean) / s.std);
    } else {
      indices.push(columns.get(`${name}\u0000${MISSING}`) as number);
      values.push(1);
    }
  });
  const slotVals = slotValues(spec, numeric, row);
  for (const slot of slots(spec)) {
    const key = `${slot.key}\u0000${slot.fields.map((f) => slotVals.get(f)).join('\u0001')}`;
    const col = columns.get(key) ?? columns.get(`${slot.key}\u0000${OTHER}`);
    if (col === undefined) continue;
    indices.push(col);
    values.push(1);
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
