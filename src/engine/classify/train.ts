import { InputError } from '../errors';
import { createRng, shuffleInPlace } from '../util/rng';
import type { Rng } from '../util/rng';
import type { HeldOutScore, ScoredOutcome } from './calibrate';
import { fitTemperature, precisionThresholds } from './calibrate';
import type { FeatureSpec, RawFeatures } from './features';
import type { TrainOptions, ResolvedTrainOptions } from './options';
import { C_GRID, NB_BLEND_GRID, resolveTrainOptions } from './options';
import { linearScores, softmax, ticketFeatures } from './scores';
import { trainBinarySvm } from './svm';
import type { ClassifierModel, ExcludedClass, LabelledTicket } from './types';
import { bucketLookup, buildVocabulary, vectorize } from './vocabulary';
import type { SparseVector } from './vocabulary';
import { roundToStoredPrecision } from './serialize';

/** The returned model already has stored precision, so serialise → load → predict is identical. */
const finish = (m: ClassifierModel): ClassifierModel => roundToStoredPrecision(m);

interface LinearPart {
  vocab: ClassifierModel['vocab'];
  weights: Float32Array;
  bias: Float32Array;
  lookup: Int32Array;
  /** Multinomial NB log-probabilities on the same TF-IDF features, centred per feature; blended in by `nbBlend`. */
  nbWeights: Float32Array;
  nbBias: Float32Array;
}

/** Additive smoothing of the NB part (TF-IDF features are fractional, so a small alpha). */
const NB_ALPHA = 0.1;

/**
 * Multinomial NB over TF-IDF vectors (Rennie et al., ICML 2003, "TWCNB" family): per class,
 * ln θ_cf, centred over classes per feature. Centring leaves the softmax unchanged (a constant
 * per feature adds the same to every class) and keeps the blended weights small for int8.
 */
function naiveBayes(
  docs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  dim: number,
): { nbWeights: Float32Array; nbBias: Float32Array } {
  const sums = new Float64Array(dim * classes);
  const totals = new Float64Array(classes);
  const prior = new Float64Array(classes);
  docs.forEach((d, i) => {
    const c = ys[i] ?? 0;
    prior[c] = (prior[c] ?? 0) + 1;
    for (let k = 0; k < d.index.length; k++) {
      const at = (d.index[k] ?? 0) * classes + c;
      sums[at] = (sums[at] ?? 0) + (d.value[k] ?? 0);
      totals[c] = (totals[c] ?? 0) + (d.value[k] ?? 0);
    }
  });
  const nbWeights = new Float32Array(dim * classes);
  for (let f = 0; f < dim; f++) {
    let mean = 0;
    for (let c = 0; c < classes; c++) {
      const v = Math.log(((sums[f * classes + c] ?? 0) + NB_ALPHA) / ((totals[c] ?? 0) + NB_ALPHA * dim));
      nbWeights[f * classes + c] = v;
      mean += v;
    }
    for (let c = 0; c < classes; c++)
      nbWeights[f * classes + c] = (nbWeights[f * classes + c] ?? 0) - mean / classes;
  }
  const nbBias = Float32Array.from(prior, (n) => Math.log(Math.max(n, 1) / docs.length));
  return { nbWeights, nbBias };
}

/** The parts of a model a fit produces. */
type Linear = Pick<ClassifierModel, 'vocab' | 'weights' | 'bias'> & { lookup: Int32Array };

/** SVM weights plus `lambda` × NB weights: still one matrix, one dot product per class. */
function blend(fit: LinearPart, lambda: number): Linear {
  if (lambda === 0) return { vocab: fit.vocab, weights: fit.weights, bias: fit.bias, lookup: fit.lookup };
  return {
    vocab: fit.vocab,
    lookup: fit.lookup,
    weights: Float32Array.from(fit.weights, (w, i) => w + lambda * (fit.nbWeights[i] ?? 0)),
    bias: Float32Array.from(fit.bias, (b, i) => b + lambda * (fit.nbBias[i] ?? 0)),
  };
}

/** One-vs-rest linear SVMs over a vocabulary built from these tickets only. */
function fitLinear(
  raws: readonly RawFeatures[],
  ys: readonly number[],
  classes: number,
  o: ResolvedTrainOptions & { c: number; sublinearTf: boolean },
  rng: Rng,
): LinearPart {
  const vocab = buildVocabulary(raws, o.minDf);
  const lookup = bucketLookup(vocab, o.hashBits);
  const docs = raws.map((r) => vectorize(r, vocab, lookup, o.sublinearTf));
  const dim = vocab.buckets.length;
  const weights = new Float32Array(dim * classes);
  const bias = new Float32Array(classes);
  const y = new Int8Array(docs.length);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < docs.length; i++) y[i] = ys[i] === c ? 1 : -1;
    const featureScale = o.nbScaling ? logCountRatios(docs, y, dim) : undefined;
    const fit = trainBinarySvm(docs, y, dim, {
      c: o.c,
      maxEpochs: o.maxEpochs,
      tolerance: o.tolerance,
      loss: o.loss,
      rng,
      ...(featureScale ? { featureScale } : {}),
    });
    // The NB ratio folds into the weight, so prediction stays one dot product per class.
    for (let f = 0; f < dim; f++) weights[f * classes + c] = (fit.weights[f] ?? 0) * (featureScale?.[f] ?? 1);
    bias[c] = fit.bias;
  }
  return { vocab, weights, bias, lookup, ...naiveBayes(docs, ys, classes, dim) };
}

/**
 * NB-SVM feature scaling (Wang & Manning, ACL 2012): r_f = ln((p_f/‖p‖₁)/(q_f/‖q‖₁)) with
 * p, q the smoothed feature sums of positive and negative examples. Magnitudes are used so
 * the SVM still learns each feature's sign and weight.
 */
function logCountRatios(docs: readonly SparseVector[], y: Int8Array, dim: number): Float64Array {
  const p = new Float64Array(dim).fill(1);
  const q = new Float64Array(dim).fill(1);
  docs.forEach((d, i) => {
    const target = (y[i] ?? -1) > 0 ? p : q;
    for (let k = 0; k < d.index.length; k++)
      target[d.index[k] ?? 0] = (target[d.index[k] ?? 0] ?? 0) + (d.value[k] ?? 0);
  });
  let sp = 0;
  let sq = 0;
  for (let f = 0; f < dim; f++) {
    sp += p[f] ?? 0;
    sq += q[f] ?? 0;
  }
  const r = new Float64Array(dim);
  for (let f = 0; f < dim; f++) r[f] = Math.abs(Math.log((p[f] ?? 1) / sp / ((q[f] ?? 1) / sq)));
  return r;
}

/** Correct top-1 predictions on the held-back slice: picks c among candidates. */
function heldOutHits(
  fit: Linear,
  held: ReadonlySet<number>,
  raws: readonly RawFeatures[],
  ys: readonly number[],
  sublinear: boolean,
): number {
  const classes = fit.bias.length;
  let hits = 0;
  for (const i of held) {
    const x = vectorize(raws[i] as RawFeatures, fit.vocab, fit.lookup, sublinear);
    const s = linearScores(fit, x);
    let best = 0;
    for (let j = 1; j < classes; j++) if ((s[j] ?? 0) > (s[best] ?? 0)) best = j;
    if (best === ys[i]) hits++;
  }
  return hits;
}

/** Stratified held-back slice: about `share` of each class (at least one when the class has 3+). */
function holdOut(ys: readonly number[], classes: number, share: number, rng: Rng): Set<number> {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  ys.forEach((y, i) => byClass[y]?.push(i));
  const out = new Set<number>();
  for (const members of byClass) {
    shuffleInPlace(members, rng);
    const k = members.length >= 3 ? Math.max(1, Math.round(members.length * share)) : 0;
    for (const i of members.slice(0, k)) out.add(i);
  }
  return out;
}

/**
 * Whether most tickets have a description besides the summary. A Jira description often repeats
 * the summary, so raw counts overweight those words; 1 + ln tf damps that (ata-assignment +0.3
 * points), while on single-field text raw counts won (itsc-topics, 0.4–0.7 points; bench).
 */
function mostHaveDescription(examples: readonly LabelledTicket[]): boolean {
  let both = 0;
  for (const e of examples)
    if ((e.text.summary ?? '').trim() !== '' && (e.text.description ?? '').trim() !== '') both++;
  return both * 2 > examples.length;
}

/**
 * Trains one single-label classifier for one target field: hashed word uni/bigram and in-word
 * character n-gram TF-IDF features, one-vs-rest linear SVMs, softmax temperature and per-class
 * abstain thresholds fitted on a held-back slice. Deterministic for a given seed.
 * Throws InputError when fewer than two classes have enough examples.
 */
export function trainClassifier(
  examples: readonly LabelledTicket[],
  options?: TrainOptions,
): ClassifierModel {
  const o = resolveTrainOptions(options);
  const rng = createRng(o.seed);
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const excluded: ExcludedClass[] = [];
  const labels: string[] = [];
  for (const [label, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (n < o.minExamplesPerClass) excluded.push({ label, examples: n, reason: 'too_few_examples' });
    else labels.push(label);
  }
  if (labels.length < 2) {
    throw new InputError(
      'too_few_examples',
      `need at least two classes with ${o.minExamplesPerClass}+ examples each; found ${labels.length} (${counts.size} classes in ${examples.length} examples)`,
    );
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const kept = examples.filter((e) => index.has(e.label));
  const spec: FeatureSpec = {
    hashBits: o.hashBits,
    bigrams: o.bigrams,
    trigrams: o.trigrams,
    minWordLength: o.minWordLength,
    charMin: o.charMin,
    charMax: o.charMax,
    charMinWordLength: o.charMinWordLength,
    charLanguages: o.charLanguages,
    keepStopWords: o.keepStopWords,
    stem: o.stem,
    sublinearTf: o.sublinearTf === true,
  };
  const shape = { spec, summaryWeight: o.summaryWeight, descriptionWeight: o.descriptionWeight };
  const raws = kept.map((e) => ticketFeatures(shape, e.text));
  const ys = kept.map((e) => index.get(e.label) ?? 0);
  const classes = labels.length;

  const held = holdOut(ys, classes, o.calibrationShare, rng);
  const trainIdx = ys.map((_, i) => i).filter((i) => !held.has(i));
  const trainRaws = trainIdx.map((i) => raws[i] as RawFeatures);
  const trainYs = trainIdx.map((i) => ys[i] ?? 0);
  const candidates = o.c === 'auto' ? C_GRID : [o.c];
  const lambdas = o.nbBlend === 'auto' ? NB_BLEND_GRID : [o.nbBlend];
  let c = candidates[0] ?? 1;
  let lambda = lambdas[0] ?? 0;
  const sublinear = o.sublinearTf === 'auto' ? mostHaveDescription(kept) : o.sublinearTf;
  let first: Linear | null = null;
  let bestHits = -1;
  for (const candidate of candidates) {
    const fit = fitLinear(trainRaws, trainYs, classes, { ...o, c: candidate, sublinearTf: sublinear }, rng);
    for (const l of lambdas) {
      const blended = blend(fit, l);
      const hits = heldOutHits(blended, held, raws, ys, sublinear);
      if (hits > bestHits) [bestHits, first, c, lambda] = [hits, blended, candidate, l];
    }
  }
  if (first === null) throw new InputError('bad_argument', 'no classifier candidate was trained');
  const chosen: Linear = first;
  const draft: ClassifierModel = {
    labels,
    ...shape,
    spec: { ...spec, sublinearTf: sublinear },
    ...chosen,
    temperature: 1,
    thresholds: new Float32Array(classes),
    targetPrecision: o.targetPrecision,
    classCounts: Uint32Array.from(labels, (l) => counts.get(l) ?? 0),
    excluded,
    updates: 0,
  };
  const heldScores: HeldOutScore[] = [...held].map((i) => ({
    scores: linearScores(draft, vectorize(raws[i] as RawFeatures, chosen.vocab, chosen.lookup, sublinear)),
    actual: ys[i] ?? 0,
  }));
  draft.temperature = fitTemperature(heldScores);
  const outcomes: ScoredOutcome[] = heldScores.map((h) => {
    const p = softmax(h.scores, draft.temperature);
    let best = 0;
    for (let j = 1; j < p.length; j++) if ((p[j] ?? 0) > (p[best] ?? 0)) best = j;
    return { predicted: best, probability: p[best] ?? 0, correct: best === h.actual };
  });
  draft.thresholds = precisionThresholds(outcomes, classes, o.targetPrecision);
  if (!o.refit || held.size === 0) return finish(draft);
  const full = blend(fitLinear(raws, ys, classes, { ...o, c, sublinearTf: sublinear }, rng), lambda);
  return finish({ ...draft, ...full });
}
