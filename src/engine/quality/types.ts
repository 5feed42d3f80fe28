import type { TicketText } from '../classify/types';
import type { LikelyMislabel } from './mislabels';

/** One ticket as the quality report reads it: its text and its label for the field checked. */
export interface QualityTicket {
  id: string;
  text: TicketText;
  /** The field's value; null or '' when the ticket has none. */
  label: string | null;
  /** The ticket's other field values as `field=value`: the mislabel check weighs them too. */
  context?: readonly string[];
}

export type Severity = 'problem' | 'warning' | 'info';

interface FindingBase {
  severity: Severity;
  /** One sentence a service-desk lead can act on. */
  message: string;
}

/** A group of near-identical tickets that carry different labels. */
export interface ConflictGroup {
  tickets: { id: string; label: string }[];
}

/** One finding of the data-quality report, with its evidence; the admin page shows a summary of it (contracts' QualityFinding). */
export type DataQualityFinding =
  | (FindingBase & { kind: 'likely-mislabels'; tickets: LikelyMislabel[] })
  | (FindingBase & {
      kind: 'conflicting-duplicates';
      /** The largest groups (at most `maxExamples`); `total` counts them all. */
      groups: ConflictGroup[];
      total: number;
    })
  | (FindingBase & { kind: 'class-below-minimum'; label: string; count: number; minimum: number })
  | (FindingBase & { kind: 'dominant-class'; label: string; share: number })
  | (FindingBase & { kind: 'empty-class'; label: string })
  | (FindingBase & { kind: 'unlabelled'; count: number; examples: string[] })
  | (FindingBase & { kind: 'empty-text'; count: number; examples: string[] })
  | (FindingBase & { kind: 'template-only'; count: number; examples: string[]; templateLines: string[] })
  | (FindingBase & {
      kind: 'mixed-class';
      label: string;
      clusters: { size: number; terms: string[]; examples: string[] }[];
    });

export interface QualityReport {
  tickets: number;
  labelled: number;
  classes: { label: string; count: number; share: number }[];
  /** Most severe first. */
  findings: DataQualityFinding[];
}

export interface QualityOptions {
  /** Classes with fewer labelled tickets are flagged (default 10). */
  minExamplesPerClass?: number;
  /** One class above this share of labelled tickets is flagged (default 0.6). */
  dominantShare?: number;
  /** Token-set Jaccard similarity from which two tickets count as near-identical (default 0.85). */
  nearDuplicateSimilarity?: number;
  /** Every value the field may take (e.g. its Jira options): values never used are flagged. */
  knownLabels?: readonly string[];
  /** Example ticket ids per finding (default 5). */
  maxExamples?: number;
  /** Seed for the two-cluster check and the mislabel check's folds. */
  seed?: number;
  /** Run the mislabel check (out-of-fold models: the costly part; default true). */
  mislabels?: boolean;
  /** Run the "two different things under one label" check (default true). */
  mixedClasses?: boolean;
  /** Tickets with fewer distinct words are left out of the conflict check (default 1): short texts match by chance. */
  minConflictTerms?: number;
}
