import type { Ticket } from '../../core/shared/ticket';
import { analyze } from '../../engine/text';
import { duplicateReadiness } from './duplicate-readiness';
import { fieldLabel, fieldReadiness } from './field-readiness';
import { fieldName } from './field-names';
import { readinessFindings } from './quality-findings';
import type { ReadinessReport } from './report-types';
import { slaReadiness, type SlaGoals } from './sla-readiness';
import { readinessSummary } from './summary';

/** Fields measured when the admin names none: those the app predicts, plus issue type and assignee. */
export const DEFAULT_FIELDS = [
  'requestType',
  'priority',
  'components',
  'labels',
  'team',
  'issueType',
  'assignee',
];
const MIN_LABELLED = 20;
const LANGUAGE_SAMPLE = 2000;

export interface ReadinessOptions {
  source: string;
  /** Field ids to measure; default: DEFAULT_FIELDS that enough tickets fill in. */
  fields?: readonly string[];
  slaGoals: SlaGoals | null;
  /** When the report is made (epoch ms), printed on it. */
  generatedAt: number;
  seed?: number;
  /** Called before each step of the measuring (one line for the terminal). */
  progress?: (message: string) => void;
}

function languages(tickets: readonly Ticket[]): { language: string; share: number }[] {
  const step = Math.max(1, Math.floor(tickets.length / LANGUAGE_SAMPLE));
  const counts = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < tickets.length; i += step) {
    const t = tickets[i]!;
    const lang = analyze(`${t.summary}\n${t.description}`, { maxChars: 2000 }).language;
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
    n++;
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([language, c]) => ({ language, share: c / n }));
}

/** The export's own "now": its latest timestamp, so an old export is replayed as of its day. */
export function exportTime(tickets: readonly Ticket[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of tickets)
    for (const v of [t.created, t.updated, t.resolved ?? Number.NaN]) if (v > latest) latest = v;
  return Number.isFinite(latest) ? latest : 0;
}

export function buildReadinessReport(tickets: readonly Ticket[], options: ReadinessOptions): ReadinessReport {
  const progress = options.progress ?? (() => undefined);
  const fields =
    options.fields ??
    DEFAULT_FIELDS.filter(
      (f) => tickets.reduce((n, t) => n + (fieldLabel(t, f) === null ? 0 : 1), 0) >= MIN_LABELLED,
    );
  const times = tickets.map((t) => t.created).filter((c) => Number.isFinite(c));
  const span =
    times.length === 0
      ? null
      : {
          from: new Date(times.reduce((a, b) => Math.min(a, b))).toISOString(),
          to: new Date(times.reduce((a, b) => Math.max(a, b))).toISOString(),
        };
  const measured = fields.map((f, i) => {
    progress(`measuring ${fieldName(f)} (field ${i + 1} of ${fields.length})`);
    return fieldReadiness(tickets, f, options.seed ?? 1);
  });
  progress('measuring duplicate search');
  const duplicates = duplicateReadiness(tickets);
  progress('replaying SLA history');
  const sla = slaReadiness(tickets, options.slaGoals, exportTime(tickets));
  const findings = readinessFindings(tickets, measured, options.seed ?? 1, progress);
  return {
    source: options.source,
    generatedAt: new Date(options.generatedAt).toISOString(),
    tickets: tickets.length,
    span,
    languages: languages(tickets),
    split:
      'Each model learns from the older 80 % of tickets (by creation date) and is measured on the newer 20 %.',
    fields: measured,
    duplicates,
    sla,
    findings,
    summary: readinessSummary({ fields: measured, findings, duplicates }),
  };
}
