/**
 * The cold-start baseline of the protocol: scikit-learn's TfidfVectorizer(ngram_range=(1, 2),
 * sublinear_tf=True) + LinearSVC(C=1), rebuilt here so it runs in the same bench as ours.
 * - Tokens: lower-cased runs of two or more letters, digits or underscores (sklearn's default
 *   token pattern), unigrams and adjacent bigrams; idf = ln((1 + n) / (1 + df)) + 1; rows L2-normed.
 * - LinearSVC: one-vs-rest L2-regularised squared-hinge SVM with a bias feature of 1, solved by
 *   dual coordinate descent (Hsieh et al., ICML 2008, the solver liblinear runs for LinearSVC),
 *   tolerance 0.1 on the projected gradient, at most 1,000 passes.
 */
import { createRng, shuffleInPlace } from '../../src/engine/util';

export interface TextExample {
  text: string;
  label: string;
}

interface SparseRow {
  indices: Int32Array;
  values: Float64Array;
}

function terms(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? [];
  const out = [...tokens];
  for (let i = 1; i < tokens.length; i++) out.push(`${tokens[i - 1] ?? ''} ${tokens[i] ?? ''}`);
  return out;
}

class TfidfVectorizer {
  private readonly vocabulary = new Map<string, number>();
  private idf = new Float64Array(0);

  fit(texts: readonly string[]): this {
    const df: number[] = [];
    for (const text of texts) {
      for (const term of new Set(terms(text))) {
        let id = this.vocabulary.get(term);
        if (id === undefined) {
          id = this.vocabulary.size;
          this.vocabulary.set(term, id);
          df.push(0);
        }
        df[id] = (df[id] ?? 0) + 1;
      }
    }
    this.idf = Float64Array.from(df, (d) => Math.log((1 + texts.length) / (1 + d)) + 1);
    return this;
  }

  get width(): number {
    return this.vocabulary.size + 1;
  }

  transform(text: string): SparseRow {
    const counts = new Map<number, number>();
    for (const term of terms(text)) {
      const id = this.vocabulary.get(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = [...counts.keys()].sort((a, b) => a - b);
    const values = Float64Array.from(ids, (id) => (1 + Math.log(counts.get(id) ?? 1)) * (this.idf[id] ?? 0));
    let squares = 0;
    for (const v of values) squares += v * v;
    const norm = Math.sqrt(squares) || 1;
    for (let k = 0; k < values.length; k++) values[k] = (values[k] ?? 0) / norm;
    // liblinear's bias: one more feature of value 1, regularised like the others.
    return {
      indices: Int32Array.from([...ids, this.vocabulary.size]),
      values: Float64Array.from([...values, 1]),
    };
  }
}

const dot = (w: Float64Array, x: SparseRow): number => {
  let s = 0;
  for (let k = 0; k < x.indices.length; k++) s += (w[x.indices[k] as number] ?? 0) * (x.values[k] ?? 0);
  return s;
};

/** Binary squared-hinge SVM, labels ±1, by dual coordinate descent. */
function trainBinarySvm(
  rows: readonly SparseRow[],
  y: Int8Array,
  width: number,
  c: number,
  seed: number,
): Float64Array {
  const w = new Float64Array(width);
  const alpha = new Float64Array(rows.length);
  const diag = 1 / (2 * c);
  const qii = rows.map((x) => x.values.reduce((s, v) => s + v * v, 0) + diag);
  const order = rows.map((_, i) => i);
  const rng = createRng(seed);
  for (let pass = 0; pass < 1000; pass++) {
    shuffleInPlace(order, rng);
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const x = rows[i] as SparseRow;
      const yi = y[i] as number;
      const a = alpha[i] as number;
      const g = yi * dot(w, x) - 1 + diag * a;
      const pg = a === 0 ? Math.min(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.max(a - g / (qii[i] as number), 0);
      const step = (next - a) * yi;
      alpha[i] = next;
      for (let k = 0; k < x.indices.length; k++) {
        const j = x.indices[k] as number;
        w[j] = (w[j] ?? 0) + step * (x.values[k] ?? 0);
      }
    }
    if (maxPg - minPg < 0.1) break;
  }
  return w;
}

export interface LinearSvmModel {
  predict(text: string): string;
}

export function trainTfidfLinearSvm(train: readonly TextExample[], c = 1): LinearSvmModel {
  const vectorizer = new TfidfVectorizer().fit(train.map((t) => t.text));
  const rows = train.map((t) => vectorizer.transform(t.text));
  const labels = [...new Set(train.map((t) => t.label))].sort();
  const weights = labels.map((label, k) =>
    trainBinarySvm(
      rows,
      Int8Array.from(train, (t) => (t.label === label ? 1 : -1)),
      vectorizer.width,
      c,
      k + 1,
    ),
  );
  return {
    predict(text: string): string {
      const x = vectorizer.transform(text);
      let best = 0;
      let bestScore = -Infinity;
      weights.forEach((w, k) => {
        const s = dot(w, x);
        if (s > bestScore) {
          bestScore = s;
          best = k;
        }
      });
      return labels[best] ?? '';
    },
  };
}
