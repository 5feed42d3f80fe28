/**
 * What the use-cases need from the pure engines, narrowed to the calls they make. src/app wires
 * the real engines (src/engine/*) and the SQL-backed similar search into these; the use-cases
 * never depend on an engine's internals, so an engine can change shape behind its wiring.
 */
import type { AdminConfig } from '../../contracts/config';
import type { QualityFinding } from '../../contracts/admin';
import type { RoutingSuggestion, SlaRisk } from '../../contracts/panel';
import type { SlaMetric } from './jira';
import type { ArticleDoc, ArticleEvidence, QueryTermWeight, RankedArticle } from '../../engine/knowledge';
import type { Ticket } from '../shared/ticket';

export type Language = 'de' | 'en' | 'other';

/** One field's prediction for one ticket, with its explanation. */
export interface FieldPrediction {
  /** Most probable first; calibrated probabilities. */
  ranked: { label: string; probability: number }[];
  /** The top class is under its per-class threshold: show it, never auto-apply it. */
  abstained: boolean;
  /** The threshold the top class had to clear (fitted for the model's precision target). */
  threshold: number;
  /** Terms that pushed the top class, strongest first, as written in the ticket. */
  explanation: { text: string; weight: number }[];
  language: Language;
}

/** A trained classifier for one field. */
export interface FieldModel {
  readonly labels: readonly string[];
  /** The precision target its thresholds were fitted for. */
  readonly targetPrecision: number;
  /** Classes left out of training for too few examples. */
  readonly excluded: readonly { label: string; count: number }[];
  /** Training tickets the model learnt from (after exclusions). */
  readonly trainingTickets: number;
  /** Training tickets of one value (0 for a value it never saw). */
  examplesOf(label: string): number;
  predict(ticket: Ticket): FieldPrediction;
}

export interface ClassifierEngine {
  /** Bumped whenever the serialised form changes; older rows are rebuilt, not read. */
  readonly formatVersion: number;
  /** Throws InputError when there is too little to learn from (e.g. fewer than two classes). */
  train(examples: readonly { ticket: Ticket; label: string }[], targetPrecision: number): FieldModel;
  serialize(model: FieldModel): string;
  /** Throws on anything that is not a model of `formatVersion`. */
  load(payload: string): FieldModel;
}

export interface SimilarHit {
  id: string;
  /** 0..1, calibrated for duplicates. */
  score: number;
  /** `weak`: the nearest tickets below the related threshold, shown only when asked for. */
  kind: 'duplicate' | 'related' | 'weak';
  sharedTerms: string[];
}

export interface SimilarEngine {
  /** The ticket's most distinctive words as the similar search plans them (idf over the stored tickets). */
  queryTerms(ticket: Ticket): Promise<QueryTermWeight[]>;
  /** Computes the ticket's index entry and stores it (replacing any previous one). */
  index(ticket: Ticket): Promise<void>;
  /**
   * The most similar stored tickets, best first; the ticket itself and linked ones are left out.
   * At most WEAK_LIMIT of them are weak, and only when too few pass the related threshold.
   */
  find(ticket: Ticket, config: AdminConfig['similar'], now: number, limit: number): Promise<SimilarHit[]>;
}

export interface KnowledgeEngine {
  /** The candidate articles that may answer the ticket, best first, each with why. */
  rank(
    terms: readonly QueryTermWeight[],
    articles: readonly ArticleDoc[],
    options: { ticketLanguage: Language; evidence: ReadonlyMap<string, ArticleEvidence> },
  ): RankedArticle[];
}

export interface RouteContext {
  config: AdminConfig;
  /** Open tickets per assignee account id. */
  openLoad: ReadonlyMap<string, number>;
  /** Similar resolved tickets, best first: who solved them is evidence for the route. */
  similar: readonly { ticket: Ticket; score: number }[];
  /** The learned team and resolver models' ranked guesses (absent until trained). */
  teamVotes?: readonly { label: string; probability: number }[];
  assigneeVotes?: readonly { label: string; probability: number }[];
  /** Teams each agent resolved tickets for, from the training history. */
  agentTeams?: ReadonlyMap<string, readonly string[]>;
  now: number;
}

export interface RoutingEngine {
  /** Validates admin rules; `issues` name the path of each problem. */
  validateRules(
    rules: unknown,
  ): { ok: true; rules: unknown[] } | { ok: false; issues: { path: string; message: string }[] };
  suggest(ticket: Ticket, context: RouteContext): RoutingSuggestion;
  /** Which of `tickets` the rule matches (for the admin's dry run); throws on an invalid rule. */
  matches(rule: unknown, tickets: readonly Ticket[]): boolean[];
}

export interface SlaEngine {
  /**
   * Breach risk of the ticket's most urgent running SLA, or null when none is running. Codes and
   * numbers only (the UI words them), so a reading is the same for every viewer and locale.
   */
  score(ticket: Ticket, metrics: readonly SlaMetric[]): Promise<SlaRisk | null>;
  /**
   * Refits the time-to-resolution history the risk is scored against, and the time-to-first-
   * response history from JSM's completed first-response cycles (`firstResponses`).
   */
  train(
    tickets: readonly Ticket[],
    now: number,
    firstResponses?: readonly FirstResponseSample[],
  ): Promise<void>;
}

/** One ticket's completed first-response cycle as JSM reported it (SLA clock time). */
export interface FirstResponseSample {
  ticketId: string;
  /** The cycle's elapsed SLA time; null when the ticket had no completed first response. */
  ms: number | null;
  priority: string | null;
  /** The request type, else the issue type (the SLA history's segment). */
  type: string;
}

export interface QualityEngine {
  /**
   * Data-quality findings over a sample of tickets (empty fields, skewed classes, ...), each with
   * up to EXAMPLE_CANDIDATES example keys: the caller lists the few the admin may see.
   */
  findings(tickets: readonly Ticket[], fields: AdminConfig['fields']): QualityFinding[];
}

export interface Engines {
  classifier: ClassifierEngine;
  similar: SimilarEngine;
  routing: RoutingEngine;
  sla: SlaEngine;
  quality: QualityEngine;
  knowledge: KnowledgeEngine;
}

/** Example keys a finding offers: enough that an admin of one desk still gets a full list. */
export const EXAMPLE_CANDIDATES = 40;
