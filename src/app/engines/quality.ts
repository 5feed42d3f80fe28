import type { QualityFinding } from '../../contracts/admin';
import type { AdminConfig } from '../../contracts/config';
import { EXAMPLE_CANDIDATES } from '../../core/ports/engines';
import type { QualityEngine } from '../../core/ports/engines';
import { isEmptyValue, currentValue } from '../../core/fields';
import type { Ticket } from '../../core/ticket';

/** Below this share of filled-in tickets a field cannot be learnt well. */
const SPARSE_FIELD = 0.5;
/** One class holding more than this share makes accuracy look better than the model is. */
const DOMINANT_CLASS = 0.8;

function share(part: number, whole: number): string {
  return `${Math.round((part / Math.max(1, whole)) * 100)} %`;
}

/**
 * Honest data-quality findings over a sample of the site's tickets: fields too often empty to
 * learn, one class drowning the others, tickets without a description.
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
    return out;
  },
};
