import type { Ticket } from '../../core/shared/ticket';
import { dataQualityReport, type DataQualityFinding } from '../../engine/quality';
import { fieldName } from './field-names';
import { fieldLabel } from './field-readiness';
import type { FieldReadiness, Finding } from './report-types';

/** A field is checked for mislabels when the model beats the commonest value by this much accuracy. */
const MIN_LIFT = 0.1;
/** Conflict groups and examples listed per field. */
const MAX_LISTED = 10;
/** Texts with fewer distinct words match by chance ("VPN down"): left out of the conflict check. */
const MIN_CONFLICT_TERMS = 4;
/**
 * Who works on a ticket is routing, not a label that can be wrong: a ticket another team solved
 * is not mislabelled (and the routing figures measure it). Those fields are not checked.
 */
const NOT_CHECKED = new Set(['assignee', 'team']);
/**
 * Multi-value fields hold several right values; the check reads one, so a "wrong" first value
 * says nothing: no mislabel check there.
 */
const MULTI_VALUE = new Set(['components', 'labels']);
/** Text-only checks (the same for every field): reported once, not per field. */
const TEXT_KINDS = new Set(['empty-text', 'template-only']);

const pct = (v: number): string => `${Math.round(v * 100)} %`;

/**
 * Whether the out-of-fold mislabel check can say anything for a single-value field: only a model that learnt
 * the field (clearly better than always guessing the commonest value) is confident enough to
 * contradict a label; on the others the check would cost a minute and find nothing.
 */
export function mislabelCheckable(f: FieldReadiness): boolean {
  return (
    !MULTI_VALUE.has(f.fieldId) &&
    f.accuracy !== null &&
    f.majorityBaseline !== null &&
    f.accuracy >= f.majorityBaseline + MIN_LIFT
  );
}

/** The ticket's other category values as `Field=value`: the mislabel check weighs them as evidence. */
function contextOf(ticket: Ticket, fieldId: string, others: readonly string[]): string[] {
  const out: string[] = [];
  for (const other of others) {
    if (other === fieldId) continue;
    if (other === 'components') for (const c of ticket.components) out.push(`Component/s=${c}`);
    else {
      const v = fieldLabel(ticket, other);
      if (v !== null) out.push(`${fieldName(other)}=${v}`);
    }
  }
  return out;
}

function convert(f: DataQualityFinding, field: string): Finding[] {
  const base = { field, severity: f.severity };
  switch (f.kind) {
    case 'likely-mislabels':
      return f.tickets.map((t) => ({
        ...base,
        kind: 'mislabel',
        message: `${t.id}: ${field} is "${t.label}", probably "${t.suggested}" (a model trained without it says so with ${pct(t.confidence)}, as do ${t.neighbours.suggested} of its ${t.neighbours.total} most similar tickets: ${t.neighbours.ids.slice(0, 3).join(', ')}).`,
        keys: [t.id],
      }));
    case 'conflicting-duplicates':
      return f.groups.map((g, i) => ({
        ...base,
        kind: 'conflicting-labels',
        message: `Near-identical tickets carry different ${field} values (group ${i + 1} of ${f.total}): ${g.tickets.map((t) => `${t.id} "${t.label}"`).join(', ')}; agree on one value and correct the others.`,
        keys: g.tickets.map((t) => t.id),
      }));
    case 'class-below-minimum':
      return [{ ...base, kind: 'thin-class', message: `${field}: ${f.message}`, keys: [] }];
    case 'dominant-class':
      return [{ ...base, kind: 'dominant-class', message: `${field}: ${f.message}`, keys: [] }];
    case 'empty-class':
      return [{ ...base, kind: 'unused-value', message: `${field}: ${f.message}`, keys: [] }];
    case 'mixed-class':
      return [
        {
          ...base,
          kind: 'two-things',
          message: `${field}: ${f.message}`,
          keys: f.clusters.flatMap((c) => c.examples.slice(0, 3)),
        },
      ];
    case 'unlabelled':
      return [{ ...base, kind: 'unlabelled', message: `${field}: ${f.message}`, keys: f.examples }];
    case 'empty-text':
    case 'template-only':
      return [{ ...base, field: null, kind: f.kind, message: f.message, keys: f.examples }];
  }
}

/**
 * Data-quality findings for the measured fields, as the readiness report lists them: likely
 * mislabels one ticket each (only on fields a model learnt, see `mislabelCheckable`), groups of
 * near-identical tickets with different values, thin and dominant classes, labels that look like
 * two different things, unlabelled tickets, and (once, not per field) empty and template-only
 * texts. Every finding names the field as the export does and the ticket keys to open.
 */
export function readinessFindings(
  tickets: readonly Ticket[],
  fields: readonly FieldReadiness[],
  seed = 1,
  progress: (message: string) => void = () => undefined,
): Finding[] {
  const checked = fields.filter((f) => !NOT_CHECKED.has(f.fieldId) && f.labelled > 0);
  const categoryFields = fields.map((f) => f.fieldId).filter((id) => id !== 'assignee');
  const out: Finding[] = [];
  checked.forEach((f, i) => {
    progress(`checking data quality of ${fieldName(f.fieldId)} (field ${i + 1} of ${checked.length})`);
    const report = dataQualityReport(
      tickets.map((t) => ({
        id: t.key,
        text: { summary: t.summary, description: t.description },
        label: fieldLabel(t, f.fieldId),
        context: contextOf(t, f.fieldId, categoryFields),
      })),
      {
        seed,
        maxExamples: MAX_LISTED,
        minConflictTerms: MIN_CONFLICT_TERMS,
        mislabels: mislabelCheckable(f),
      },
    );
    for (const finding of report.findings) {
      if (i > 0 && TEXT_KINDS.has(finding.kind)) continue;
      out.push(...convert(finding, fieldName(f.fieldId)));
    }
  });
  const rank = { problem: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
