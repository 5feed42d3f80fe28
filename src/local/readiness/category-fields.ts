import type { Ticket } from '../../core/shared/ticket';
import { fieldReadiness } from './field-readiness';
import type { FieldReadiness } from './report-types';

/**
 * Which of an export's custom fields are categories an agent picks (`Custom field (Category)`,
 * `Custom field (Business Service)`) rather than free text, ids, dates, numbers or people, and
 * which of those the app can learn from this history. The workbench configures the learnable
 * ones; the readiness report lists them all with the reason.
 */

/** What a custom column looks like from its values. */
export type CustomFieldShape =
  'category' | 'sparse' | 'constant' | 'free-text' | 'identifier' | 'number' | 'date';

export interface CustomFieldProfile {
  /** The display name inside `Custom field (…)`: the key of `ticket.custom` for an export. */
  name: string;
  column: string;
  /** Tickets with a value. */
  labelled: number;
  fillShare: number;
  /** Distinct values (first value of a multi-value cell). */
  classes: number;
  /** Share of the labelled tickets holding the most frequent value. */
  topShare: number;
  multiValue: boolean;
  shape: CustomFieldShape;
}

export interface CustomFieldRating extends CustomFieldProfile {
  /** Worth configuring: category-shaped and measurably better than always guessing the commonest value. */
  learnable: boolean;
  /** One sentence for the report: why learnable or why not. */
  reason: string;
  /** The field's readiness measurement; null when its shape already rules it out. */
  readiness: FieldReadiness | null;
}

/** Fewer labelled tickets than this teach nothing a person would trust. */
export const MIN_LABELLED = 50;
/** A category has this few distinct values at most; more reads as text, ids or names. */
const MAX_CLASSES = 200;
/**
 * Beating the commonest value by this much accuracy (or any coverage at 90 % precision) is
 * "learnable". The commonest value is taken over the whole history as well as the training
 * part: on a small test split the training majority can be rare by chance, and labels that
 * have nothing to do with the text would then look learned.
 */
const MIN_LIFT = 0.1;

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const DATE = /^\d{1,4}[-/.][\p{L}\d]{1,9}[-/.]\d{1,4}(?:[ T].*)?$/u;
const IDENTIFIER = /^[A-Z][A-Z0-9_]{0,19}-\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-|^\d{5,}(?::|$)/i;

function valuesOf(tickets: readonly Ticket[], name: string): { first: string[]; multi: boolean } {
  const first: string[] = [];
  let multi = false;
  for (const t of tickets) {
    if (!Object.prototype.hasOwnProperty.call(t.custom, name)) continue;
    const raw = t.custom[name];
    const values = (Array.isArray(raw) ? raw : [raw ?? '']).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length > 1) multi = true;
    if (values[0] !== undefined) first.push(values[0]);
  }
  return { first, multi };
}

function shapeOf(values: readonly string[], counts: Map<string, number>, total: number): CustomFieldShape {
  if (values.length < MIN_LABELLED || values.length < total * 0.05) return 'sparse';
  if (counts.size < 2) return 'constant';
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  if (share((v) => NUMBER.test(v)) > 0.8) return 'number';
  if (share((v) => DATE.test(v)) > 0.8) return 'date';
  if (share((v) => IDENTIFIER.test(v)) > 0.5) return 'identifier';
  const longish = share((v) => v.length > 60 || v.split(/\s+/).length > 8);
  // A category repeats: most values are used by several tickets, and there are few of them.
  const repeated = values.filter((v) => (counts.get(v) ?? 0) >= 2).length / values.length;
  if (longish > 0.3 || counts.size > MAX_CLASSES || repeated < 0.8) return 'free-text';
  return 'category';
}

/** Every custom field of the export with its shape; cheap (no training). */
export function profileCustomFields(
  tickets: readonly Ticket[],
  customFields: readonly string[],
): CustomFieldProfile[] {
  return customFields.map((name) => {
    const { first, multi } = valuesOf(tickets, name);
    const counts = new Map<string, number>();
    for (const v of first) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = Math.max(0, ...counts.values());
    return {
      name,
      column: `Custom field (${name})`,
      labelled: first.length,
      fillShare: tickets.length === 0 ? 0 : first.length / tickets.length,
      classes: counts.size,
      topShare: first.length === 0 ? 0 : top / first.length,
      multiValue: multi,
      shape: shapeOf(first, counts, tickets.length),
    };
  });
}

const SHAPE_REASON: Record<Exclude<CustomFieldShape, 'category'>, string> = {
  sparse: 'too few tickets have a value',
  constant: 'every ticket has the same value',
  'free-text': 'its values read as free text or names, not categories',
  identifier: 'its values are identifiers',
  number: 'its values are numbers',
  date: 'its values are dates',
};

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Profiles every custom field and, for the category-shaped ones, measures them the way the
 * readiness report measures a field (older 80 % train, newer 20 % test).
 */
export function rateCustomFields(
  tickets: readonly Ticket[],
  customFields: readonly string[],
  seed = 1,
): CustomFieldRating[] {
  return profileCustomFields(tickets, customFields).map((profile): CustomFieldRating => {
    if (profile.shape !== 'category') {
      const why = SHAPE_REASON[profile.shape];
      return { ...profile, learnable: false, reason: `Not a category: ${why}.`, readiness: null };
    }
    const readiness = fieldReadiness(tickets, profile.name, seed);
    if (readiness.accuracy === null || readiness.majorityBaseline === null)
      return {
        ...profile,
        learnable: false,
        reason: readiness.problem ?? 'could not be measured',
        readiness,
      };
    const baseline = Math.max(readiness.majorityBaseline, profile.topShare);
    const lift = readiness.accuracy - baseline;
    const at90 = readiness.coverage.find((c) => c.target === 0.9)?.coverage ?? 0;
    const learnable = lift >= MIN_LIFT || at90 > 0;
    const measured = `accuracy ${pct(readiness.accuracy)} against ${pct(baseline)} for always guessing the commonest value`;
    return {
      ...profile,
      learnable,
      reason: learnable ? `Learnable: ${measured}.` : `Not learnable from this history: ${measured}.`,
      readiness,
    };
  });
}
