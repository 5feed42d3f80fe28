import { InputError } from '../errors';
import { createRng } from '../util/rng';
import { calibrateOutOfFold, chooseBlend } from './choose';
import type { FeatureSpec } from './features';
import { bucketSpace, charViewStart, withoutCharView } from './features';
import { blendViews, fitOneVsRest, viewOf } from './fit';
import type { TrainOptions, ResolvedTrainOptions } from './options';
import { CHAR_VIEW_MAX_TICKETS, C_GRID, VIEW_BLEND_GRID, resolveTrainOptions } from './options';
import type { FitPlan } from './out-of-fold';
import { outOfFoldScores, vectoriseAll } from './out-of-fold';
import { ticketFeatures } from './scores';
import { roundToStoredPrecision } from './serialize';
import type { ClassifierModel, ExcludedClass, LabelledTicket } from './types';

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

/** Classes with enough examples (sorted), and the ones left out. */
function splitClasses(
  examples: readonly LabelledTicket[],
  min: number,
): { labels: string[]; excluded: ExcludedClass[]; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const excluded: ExcludedClass[] = [];
  const labels: string[] = [];
  for (const [label, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (n < min) excluded.push({ label, examples: n, reason: 'too_few_examples' });
    else labels.push(label);
  }
  if (labels.length < 2) {
    throw new InputError(
      'too_few_examples',
      `need at least two classes with ${min}+ examples each; found ${labels.length} (${counts.size} classes in ${examples.length} examples)`,
    );
  }
  return { labels, excluded, counts };
}

function featureSpec(o: ResolvedTrainOptions, charView: boolean, sublinearTf: boolean): FeatureSpec {
  return {
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
    sublinearTf,
    viewCharMin: o.viewCharMin,
    viewCharMax: charView ? o.viewCharMax : 0,
  };
}

/**
 * Trains one single-label classifier for one target field: hashed word uni/bigram TF-IDF
 * features (in-word char n-grams for German), one-vs-rest linear SVMs, optionally blended with
 * a second SVM on character n-grams of every word. k-fold cross-fitting on the training tickets
 * picks C per model and the blend weight, and fits the softmax temperature and the per-class
 * abstain thresholds on out-of-fold scores; the final models are then fitted on every ticket.
 * Deterministic for a given seed. Throws InputError when fewer than two classes have enough examples.
 */
export function trainClassifier(
  examples: readonly LabelledTicket[],
  options?: TrainOptions,
): ClassifierModel {
  const o = resolveTrainOptions(options);
  const rng = createRng(o.seed);
  const { labels, excluded, counts } = splitClasses(examples, o.minExamplesPerClass);
  const index = new Map(labels.map((l, i) => [l, i]));
  const kept = examples.filter((e) => index.has(e.label));
  const classes = labels.length;
  const sublinear = o.sublinearTf === 'auto' ? mostHaveDescription(kept) : o.sublinearTf;
  const tryView = o.charView === 'auto' ? kept.length <= CHAR_VIEW_MAX_TICKETS : o.charView;
  const spec = featureSpec(o, tryView, sublinear);
  const shape = { spec, summaryWeight: o.summaryWeight, descriptionWeight: o.descriptionWeight };
  const raws = kept.map((e) => ticketFeatures(shape, e.text));
  const ys = kept.map((e) => index.get(e.label) ?? 0);
  const plan: FitPlan = { ...o, sublinear, space: bucketSpace(spec), viewStart: charViewStart(spec) };

  const grid = [...(o.c === 'auto' ? C_GRID : typeof o.c === 'number' ? [o.c] : o.c)].sort((a, b) => a - b);
  const alphas =
    o.viewBlend === 'auto' ? VIEW_BLEND_GRID : typeof o.viewBlend === 'number' ? [o.viewBlend] : o.viewBlend;
  const oof = outOfFoldScores(raws, ys, classes, o.folds, grid, plan, rng, o.outOfFoldEnough);
  const choice = chooseBlend(oof, classes, grid, alphas);
  const { temperature, thresholds } = calibrateOutOfFold(choice.scores, oof.ys, classes, o.targetPrecision);

  // The char view is dropped from the final model when cross-validation did not pick it.
  const finalSpec = choice.charC === null ? featureSpec(o, false, sublinear) : spec;
  const finalShape = { ...shape, spec: finalSpec };
  const finalRaws = choice.charC === null ? raws.map((r) => withoutCharView(r, plan.viewStart)) : raws;
  const v = vectoriseAll(finalRaws, { ...plan, viewStart: charViewStart(finalSpec) });
  const word = fitOneVsRest(
    viewOf(v.docs, 0, v.split),
    ys,
    classes,
    v.dim,
    { ...plan, c: choice.wordC },
    rng,
  );
  const char =
    choice.charC === null
      ? null
      : fitOneVsRest(viewOf(v.docs, v.split, v.dim), ys, classes, v.dim, { ...plan, c: choice.charC }, rng);
  return roundToStoredPrecision({
    labels,
    ...finalShape,
    vocab: v.vocab,
    ...blendViews(word, char, choice.alpha),
    temperature,
    thresholds,
    targetPrecision: o.targetPrecision,
    classCounts: Uint32Array.from(labels, (l) => counts.get(l) ?? 0),
    excluded,
    updates: 0,
    crossValidation: {
      folds: o.folds,
      scored: oof.ys.length,
      accuracy: choice.accuracy,
      wordC: choice.wordC,
      charC: choice.charC,
      viewBlend: choice.alpha,
    },
  });
}
