import type { QualityFinding } from '../../contracts/admin';
import type { AdminConfig } from '../../contracts/config';
import { EXAMPLE_CANDIDATES } from '../../core/ports/engines';
import type { QualityEngine } from '../../core/ports/engines';
import { isEmptyValue, currentValue, trainingLabel } from '../../core/shared/fields';
import type { Ticket } from '../../core/shared/ticket';
import { dataQualityReport, type DataQualityFinding } from '../../engine/quality';

/** Below this share of filled-in tickets a field cannot be learnt well. */
const SPARSE_FIELD = 0.5;
/** One class holding more than this share makes accuracy look better than the model is. */
const DOMINANT_CLASS = 0.8;

function share(part: number, whole: number): string {
  return `${Math.round((part / Math.max(1, whole)) * 100)} %`;
}

/** Who works on a ticket is routing, not a label that can be wrong (as in the readiness report). */
const NOT_CHECKED = new Set(['team', 'assignee']);
/** Texts with fewer distinct words match by chance: left out of the conflict check. */
const MIN_CONFLICT_TERMS = 4;

/** The engine's findings the admin page lists beside the checks above, with their example keys. */
function labelFindings(f: DataQualityFinding, name: string): QualityFinding[] {
  const one = (kind: string, examples: string[]): QualityFinding[] => [
    { kind, severity: f.severity, message: `${name}: ${f.message}`, examples: examples.slice(0, 10) },
  ];
  switch (f.kind) {
    case 'likely-mislabels':
      return one(
        'mislabel',
        f.tickets.map((t) => t.id),
      );
    case 'conflicting-duplicates':
      return one(
        'conflicting-labels',
        f.groups.flatMap((g) => g.tickets.slice(0, 2).map((t) => t.id)),
      );
    case 'mixed-class':
      return one(
        'two-things',
        f.clusters.flatMap((c) => c.examples.slice(0, 3)),
      );
    case 'class-below-minimum':
      return one('thin-class', []);
    default:
      return [];
  }
}

/**
 * Likely mislabels (single-value fields), near-identical tickets labelled differently, thin
 * classes and labels that look like two different things, per field the app fills in.
 */
function fieldFindings(tickets: readonly Ticket[], fields: AdminConfig['fields']): QualityFinding[] {
  const checked = fields.filter((f) => f.mode !== 'off' && !NOT_CHECKED.has(f.fieldId));
  return checked.flatMap((field) =>
    dataQualityReport(
      tickets.map((t) => ({
        id: t.key,
        text: { summary: t.summary, description: t.description },
        label: trainingLabel(t, field.fieldId),
        context: fields
          .filter((o) => o.fieldId !== field.fieldId)
          .flatMap((o) => {
            const v = trainingLabel(t, o.fieldId);
            return v === null ? [] : [`${o.name}=${v}`];
          }),
      })),
      { mislabels: !field.multiValue, minConflictTerms: MIN_CONFLICT_TERMS, maxExamples: 10 },
    ).findings.flatMap((f) => labelFindings(f, field.name)),
  );
}

/**
 * Honest data-quality findings over a sample of the site's tickets: fields too often empty to
 * learn, one class drowning the others, tickets without a description, and (fieldFindings)
 * likely mislabels and conflicting labels.
 */
export const qualityEngine: QualityEngine = {
  findings(tickets: readonly Ticket[], fields: AdminConfig['fields']): QualityFinding[] {
    if (tickets.length === 0)
      return [
        {
          kind: 'no-data',
          severity: 'warning',
          message: 'No resolved tickets stored yet: run the backfill.',
          examples: [],
        },
      ];
    const out: QualityFinding[] = [];
    for (const field of fields) {
      if (field.mode === 'off') continue;
      const empty = tickets.filter((t) => isEmptyValue(currentValue(t, field.fieldId)));
      if (empty.length / tickets.length > SPARSE_FIELD) {
        out.push({
          kind: 'sparse-field',
          severity: 'problem',
          message: `${field.name} is empty on ${share(empty.length, tickets.length)} of resolved tickets.`,
          examples: empty.slice(0, EXAMPLE_CANDIDATES).map((t) => t.key),
        });
      }
      const counts = new Map<string, number>();
      for (const t of tickets) {
        const v = currentValue(t, field.fieldId);
        const label = Array.isArray(v) ? v[0] : v;
        if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      const filled = tickets.length - empty.length;
      const top = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (top && filled >= 20 && top[1] / filled > DOMINANT_CLASS) {
        out.push({
          kind: 'dominant-class',
          severity: 'warning',
          message: `${field.name}: "${top[0]}" is ${share(top[1], filled)} of filled-in values; other classes have little to learn from.`,
          examples: [],
        });
      }
    }
    const bare = tickets.filter((t) => t.description.trim().length === 0);
    if (bare.length / tickets.length > 0.3) {
      out.push({
        kind: 'no-description',
        severity: 'info',
        message: `${share(bare.length, tickets.length)} of tickets have no description; suggestions rely on the summary alone.`,
        examples: bare.slice(0, EXAMPLE_CANDIDATES).map((t) => t.key),
      });
    }
    out.push(...fieldFindings(tickets, fields));
    const rank = { problem: 0, warning: 1, info: 2 } as const;
    return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
  },
};
