import type { KnowledgeGapReport } from '../../engine/knowledge';
/** The readiness report as data: assembled by `buildReadinessReport`, drawn by `renderReadinessHtml`. */

export interface ConfusionMatrix {
  /** Row/column labels (the most frequent classes, then "other" when some were folded). */
  labels: string[];
  /** counts[actual][predicted] */
  counts: number[][];
}

export interface FieldReadiness {
  fieldId: string;
  /** Tickets with a value for this field. */
  labelled: number;
  train: number;
  test: number;
  classes: number;
  /** null when the field could not be trained; `problem` says why. */
  accuracy: number | null;
  macroF1: number | null;
  /** Accuracy of always guessing the most frequent class: the number to beat. */
  majorityBaseline: number | null;
  coverage: { target: number; coverage: number }[];
  /** Precision when keeping the top share of predictions by confidence (for the curve chart). */
  curve: { coverage: number; precision: number }[];
  perClass: { label: string; support: number; precision: number; recall: number }[];
  confusion: ConfusionMatrix | null;
  excluded: { label: string; count: number }[];
  problem: string | null;
}

export interface DuplicateReadiness {
  /** Where the measured pairs came from ("Duplicate" links in the export). */
  source: string;
  /**
   * Every duplicate pair the export shows: linked as duplicates, or a ticket resolved as a
   * duplicate without a link, paired with the earlier ticket the similar search ranks first.
   * Recall is measured over the linked pairs only (the others were paired by the search itself).
   */
  pairs: { linked: [string, string][]; resolvedUnlinked: [string, string][] };
  queries: number;
  recallAt1: number | null;
  recallAt5: number | null;
  recallAt10: number | null;
  mrr: number | null;
  problem: string | null;
}

export interface SlaReadiness {
  metricName: string;
  /** Which goals were replayed: given (--sla-goals) or derived from the export's resolution times. */
  goals: string | null;
  tickets: number;
  breachRate: number | null;
  /** Reliability bins: predicted breach probability against the breach rate that happened. */
  bins: { from: number; to: number; count: number; predicted: number; observed: number }[];
  brier: number | null;
  /** Brier of always predicting the training breach rate. */
  brierBaseline: number | null;
  auc: number | null;
  problem: string | null;
}

/**
 * One data-quality finding: `kind` (`mislabel`, `conflicting-labels`, `thin-class`, …), the field
 * as the export names it (null for text-only findings), and the issue keys to open.
 */
export interface Finding {
  kind: string;
  field: string | null;
  severity: 'info' | 'warning' | 'problem';
  message: string;
  keys: string[];
}

export interface ReadinessReport {
  source: string;
  generatedAt: string;
  tickets: number;
  /** First and last creation dates (ISO), null when the export has none. */
  span: { from: string; to: string } | null;
  languages: { language: string; share: number }[];
  split: string;
  fields: FieldReadiness[];
  duplicates: DuplicateReadiness;
  sla: SlaReadiness;
  findings: Finding[];
  /** What to switch on first and what to fix, from the figures above (summary.ts). */
  summary: { switchOn: string[]; fix: string[] };
  /** Knowledge gaps, when an article export was given (`--articles`). */
  knowledge?: KnowledgeGapReport | null;
}
