import { analyze } from '../text/analyze';
import { ticketText } from '../text/plain-text';
import type { Language } from '../text/types';
import { createRng } from '../util/rng';
import type { TermVector } from './clusters';
import { centroidOf, cosine, twoMeans } from './clusters';
import { likelyMislabels } from './mislabels';
import { nearDuplicateGroups, termSet } from './near-duplicates';
import { isTemplateOnly, templateLines } from './templates';
import type {
  ConflictGroup,
  DataQualityFinding,
  QualityOptions,
  QualityReport,
  QualityTicket,
  Severity,
} from './types';

/** Tickets per class read for the two-cluster check (keeps cost bounded on big classes). */
const CLUSTER_SAMPLE = 400;
/**
 * A label covers two different things when its two halves are about as unlike each other as
 * two different labels are: centroid similarity at most this factor × the median similarity
 * between label centroids (same language).
 */
const AS_FAR_AS_CLASSES = 1.15;
const RANK: Record<Severity, number> = { problem: 0, warning: 1, info: 2 };

interface Prepared {
  ticket: QualityTicket;
  text: string;
  words: string[];
  language: Language;
  label: string | null;
}

const pct = (v: number): string => `${Math.round(v * 100)} %`;

/**
 * A data-quality report for one target field, written for the service-desk lead who owns the
 * data: near-identical tickets with conflicting labels (with examples), classes below the
 * minimum, a dominant class, values never used, unlabelled tickets, empty or template-only
 * texts, labels whose tickets fall into two unrelated groups, and tickets that probably carry
 * the wrong value (mislabels.ts).
 */
export function dataQualityReport(
  tickets: readonly QualityTicket[],
  options: QualityOptions = {},
): QualityReport {
  const minimum = options.minExamplesPerClass ?? 10;
  const dominant = options.dominantShare ?? 0.6;
  const maxExamples = options.maxExamples ?? 5;
  const prepared: Prepared[] = tickets.map((ticket) => {
    const text = [ticketText(ticket.text.summary ?? ''), ticketText(ticket.text.description ?? '')]
      .filter((s) => s !== '')
      .join('\n');
    const analyzed = analyze(text, { stem: false });
    const label = ticket.label === null || ticket.label.trim() === '' ? null : ticket.label;
    return { ticket, text, words: analyzed.tokens.map((t) => t.term), language: analyzed.language, label };
  });
  const findings: DataQualityFinding[] = [];
  const ids = (ps: readonly Prepared[]): string[] => ps.slice(0, maxExamples).map((p) => p.ticket.id);

  const counts = new Map<string, number>();
  for (const p of prepared) if (p.label !== null) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  const labelled = [...counts.values()].reduce((s, n) => s + n, 0);
  const classes = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, count]) => ({ label, count, share: labelled === 0 ? 0 : count / labelled }));

  const unlabelled = prepared.filter((p) => p.label === null);
  if (unlabelled.length > 0) {
    findings.push({
      kind: 'unlabelled',
      severity: 'warning',
      count: unlabelled.length,
      examples: ids(unlabelled),
      message: `${unlabelled.length} tickets (${pct(unlabelled.length / Math.max(1, prepared.length))}) have no value for this field; they cannot teach the model.`,
    });
  }
  for (const c of classes) {
    if (c.count < minimum) {
      findings.push({
        kind: 'class-below-minimum',
        severity: 'warning',
        label: c.label,
        count: c.count,
        minimum,
        message: `"${c.label}" has only ${c.count} labelled tickets (minimum ${minimum}); it will not be suggested until it has more, or merge it into a related value.`,
      });
    }
  }
  const top = classes[0];
  if (top !== undefined && classes.length > 1 && top.share > dominant) {
    findings.push({
      kind: 'dominant-class',
      severity: 'warning',
      label: top.label,
      share: top.share,
      message: `"${top.label}" is ${pct(top.share)} of labelled tickets: accuracy will look high even for a model that always says "${top.label}"; judge the other classes by their own precision.`,
    });
  }
  for (const label of options.knownLabels ?? []) {
    if (!counts.has(label))
      findings.push({
        kind: 'empty-class',
        severity: 'info',
        label,
        message: `"${label}" is never used; remove it from the field or expect no suggestions for it.`,
      });
  }

  const empty = prepared.filter((p) => p.words.length === 0);
  if (empty.length > 0) {
    findings.push({
      kind: 'empty-text',
      severity: 'warning',
      count: empty.length,
      examples: ids(empty),
      message: `${empty.length} tickets have no usable text (empty, or only signatures and quoted mail); suggestions for them rely on nothing.`,
    });
  }
  const template = templateLines(prepared.map((p) => p.text));
  const templated = prepared.filter((p) => p.words.length > 0 && isTemplateOnly(p.text, template));
  if (templated.length > 0) {
    findings.push({
      kind: 'template-only',
      severity: 'warning',
      count: templated.length,
      examples: ids(templated),
      templateLines: [...template].slice(0, 5),
      message: `${templated.length} tickets contain only the request form's template text; ask requesters to describe the problem, or map the form's fields instead.`,
    });
  }

  const conflicts = conflictingGroups(
    prepared,
    options.nearDuplicateSimilarity ?? 0.85,
    options.minConflictTerms ?? 1,
  );
  if (conflicts.length > 0) {
    findings.push({
      kind: 'conflicting-duplicates',
      severity: 'problem',
      groups: conflicts.slice(0, maxExamples),
      total: conflicts.length,
      message: `${conflicts.length} groups of near-identical tickets carry different values; agree on one value per kind of request and correct the outliers.`,
    });
  }
  if (options.mislabels !== false) {
    const suspects = likelyMislabels(
      prepared.flatMap((p) =>
        p.label === null
          ? []
          : [
              {
                id: p.ticket.id,
                text: p.ticket.text,
                words: p.words,
                label: p.label,
                ...(p.ticket.context === undefined ? {} : { context: p.ticket.context }),
              },
            ],
      ),
      { seed: options.seed ?? 1 },
    );
    if (suspects.length > 0)
      findings.push({
        kind: 'likely-mislabels',
        severity: 'problem',
        tickets: suspects,
        message: `${suspects.length} tickets probably carry the wrong value: a model trained without them and their most similar tickets both say otherwise; check and correct them before training.`,
      });
  }
  if (options.mixedClasses !== false)
    findings.push(...mixedClasses(prepared, classes, maxExamples, options.seed ?? 1));
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { tickets: prepared.length, labelled, classes, findings };
}

function conflictingGroups(
  prepared: readonly Prepared[],
  similarity: number,
  minTerms: number,
): ConflictGroup[] {
  const withLabel = prepared.filter(
    (p) => p.label !== null && p.words.length > 0 && new Set(p.words).size >= minTerms,
  );
  const groups = nearDuplicateGroups(
    withLabel.map((p) => termSet(p.words)),
    similarity,
  );
  return groups
    .filter((g) => new Set(g.map((i) => withLabel[i]?.label)).size > 1)
    .sort((a, b) => b.length - a.length)
    .map((g) => ({
      tickets: g
        .slice(0, 6)
        .map((i) => ({ id: withLabel[i]?.ticket.id ?? '', label: withLabel[i]?.label ?? '' })),
    }));
}

function mixedClasses(
  prepared: readonly Prepared[],
  classes: QualityReport['classes'],
  maxExamples: number,
  seed: number,
): DataQualityFinding[] {
  const out: DataQualityFinding[] = [];
  const vectors = new Map(prepared.map((p) => [p, vectorOf(p.words)]));
  const between = new Map<Language, number>();
  for (const language of ['en', 'de', 'other'] as const) {
    const centroids = classes
      .map((c) =>
        prepared
          .filter((p) => p.label === c.label && p.language === language && p.words.length > 0)
          .slice(0, CLUSTER_SAMPLE),
      )
      .filter((m) => m.length >= 5)
      .map((m) => centroidOf(m.map((p) => vectors.get(p) ?? new Map<string, number>())));
    const sims: number[] = [];
    for (let i = 0; i < centroids.length; i++)
      for (let j = i + 1; j < centroids.length; j++) sims.push(cosine(centroids[i]!, centroids[j]!));
    sims.sort((a, b) => a - b);
    if (sims.length > 0) between.set(language, sims[Math.floor(sims.length / 2)] ?? 0);
  }
  for (const c of classes) {
    if (c.count < 20) continue;
    const all = prepared.filter((p) => p.label === c.label && p.words.length > 0);
    // Split each language on its own: one label in two languages is not two different things.
    for (const language of ['en', 'de', 'other'] as const) {
      const members = all.filter((p) => p.language === language).slice(0, CLUSTER_SAMPLE);
      if (members.length < 12) continue;
      const limit = between.get(language);
      if (limit === undefined) continue;
      const split = twoMeans(
        members.map((p) => vectors.get(p) ?? new Map<string, number>()),
        createRng(seed),
      );
      if (split === null || split.centroidSimilarity > limit * AS_FAR_AS_CLASSES) continue;
      const sizes = [0, 1].map((k) => split.assignment.filter((a) => a === k).length);
      if (Math.min(...sizes) < Math.max(5, members.length * 0.15)) continue;
      const clusters = [0, 1].map((k) => ({
        size: sizes[k] ?? 0,
        terms: topTerms(split.centroids[k as 0 | 1], 5),
        examples: members
          .filter((_, i) => split.assignment[i] === k)
          .slice(0, maxExamples)
          .map((p) => p.ticket.id),
      }));
      out.push({
        kind: 'mixed-class',
        severity: 'info',
        label: c.label,
        clusters,
        message: `"${c.label}" looks like two different kinds of request (${clusters.map((k) => k.terms.slice(0, 3).join(', ')).join(' vs. ')}); consider splitting it into two values.`,
      });
      break;
    }
  }
  return out;
}

/** L2-normalised term counts (stop words already removed by analyze). */
function vectorOf(words: readonly string[]): TermVector {
  const v: TermVector = new Map();
  for (const w of words) v.set(w, (v.get(w) ?? 0) + 1);
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [w, x] of v) v.set(w, x * s);
  return v;
}

const topTerms = (centroid: TermVector, k: number): string[] =>
  [...centroid]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([t]) => t);
