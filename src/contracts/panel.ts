import { z } from 'zod';
import { AccountId, FieldId, FieldValue, IssueKey, Span, section } from './common';
import { FeedbackOutcome } from './admin';
import { FieldMode } from './config';
import { KnowledgeSection, OutageNotice } from './knowledge';

/** One term that pushed a suggestion, as the agent wrote it, with where it stands in the text. */
export const WhyTerm = z.object({
  text: z.string().max(100),
  weight: z.number(),
  /** Offsets into the panel's `ticketText` (summary + "\n" + description excerpt). */
  spans: z.array(Span).max(20),
});
export type WhyTerm = z.infer<typeof WhyTerm>;

/**
 * One field's state in the panel: suggested (confident, at or above the field's target), not
 * sure (no value shown as suggested), already set (the field holds the suggestion), applied (by
 * an agent here), auto-applied (by the app), replaced (an agent chose another value), dismissed.
 */
export const FieldStatus = z.enum([
  'suggested',
  'not-sure',
  'already-set',
  'applied',
  'auto-applied',
  'replaced',
  'dismissed',
]);
export type FieldStatus = z.infer<typeof FieldStatus>;

export const FieldSuggestion = z.object({
  fieldId: FieldId,
  fieldName: z.string(),
  mode: FieldMode,
  current: FieldValue.nullable(),
  /** Best first; probabilities are calibrated. */
  candidates: z.array(z.object({ value: z.string(), probability: z.number().min(0).max(1) })).max(10),
  /** Below the class threshold the app abstains and says so rather than guessing. */
  abstained: z.boolean(),
  /** The top candidate clears the field's precision target (what auto-apply requires). */
  meetsTarget: z.boolean(),
  /** What the agent sees, decided on the server (src/core/panel/field-status.ts) so it never contradicts itself. */
  status: FieldStatus,
  /**
   * The value the status is about: the suggestion (suggested, already set), the applied value,
   * the suggestion that was replaced or dismissed; null when the app is not sure.
   */
  value: z.string().nullable(),
  /** The model's probability for `value` (null when it is not among the ranked candidates). */
  confidence: z.number().min(0).max(1).nullable(),
  /** For `replaced`: the value the agent chose instead. */
  chosen: z.string().nullable(),
  /** The decision behind the status was this viewer's own. */
  byViewer: z.boolean(),
  /** Other likely values, best first: never the shown value nor one the field already holds. */
  alternatives: z.array(z.object({ value: z.string(), probability: z.number().min(0).max(1) })).max(3),
  /** How the agent can set the value: here, only with JSM's own action, or not at all. */
  apply: z.enum(['panel', 'jsm-action', 'none']),
  /** The server takes `panel/undo` for this field (a dismissal or an applied value). */
  undo: z.boolean(),
  why: z.object({ terms: z.array(WhyTerm).max(12), rule: z.string().optional() }),
  /**
   * What the suggestion rests on: the field model's training tickets and those with the shown
   * value (null when the value is not among the ranked candidates); null for rows stored before.
   */
  history: z
    .object({
      tickets: z.number().int().nonnegative(),
      valueTickets: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
});
export type FieldSuggestion = z.infer<typeof FieldSuggestion>;

/*
 * Routing explanations travel as codes with numbers, never as prose: the server's result
 * is the same for every viewer and can be cached once, and the UI words it in the viewer's
 * locale (static/shared/messages/routing.ts, plural forms by count). A new code needs
 * a text in both catalogues; the UI shows nothing for a code it does not know yet.
 */

const Count = z.number().int().nonnegative();

/** Why a team or person is suggested (mirrors the routing engine's RouteReason). */
export const RouteReason = z.discriminatedUnion('code', [
  /** An admin rule chose this candidate. */
  z.object({ code: z.literal('rule'), ruleName: z.string().max(200) }),
  /** The classifier learned from past tickets like this one; `probability` is its calibrated vote. */
  z.object({ code: z.literal('classifier'), probability: z.number().min(0).max(1) }),
  /** `count` of the `of` similar past tickets (with a team) went to this team. */
  z.object({ code: z.literal('similar-team'), count: Count, of: Count }),
  /** This person resolved `count` of the similar tickets. */
  z.object({ code: z.literal('solved-similar'), count: Count }),
  /** This person resolved `count` tickets of the ticket's request type. */
  z.object({ code: z.literal('category-skill'), count: Count, category: z.string().max(200) }),
  /** Open tickets assigned now (after this panel's own assignment, if any), of `capacity`. */
  z.object({ code: z.literal('open-load'), open: Count, capacity: Count.optional() }),
  /** Away (the admin's away list), until an ISO date when one is set. */
  z.object({ code: z.literal('away'), until: z.string().max(10).optional() }),
  z.object({ code: z.literal('inactive') }),
  z.object({ code: z.literal('at-capacity'), open: Count, capacity: Count }),
  z.object({ code: z.literal('rule-chose-unavailable'), ruleName: z.string().max(200) }),
]);
export type RouteReason = z.infer<typeof RouteReason>;

export const RouteCandidate = z.object({
  id: z.string(),
  name: z.string(),
  /** The engine's raw ranking score (unbounded for people: expertise minus load). */
  score: z.number(),
  /**
   * What the panel shows as the candidate's fit (0–1): the candidate's share of the positive
   * scores in its list. Candidates are sorted by it (available ones first), so the order is the
   * shown figure's.
   */
  fit: z.number().min(0).max(1),
  reasons: z.array(RouteReason).max(8),
  openLoad: z.number().int().nonnegative().optional(),
  capacity: z.number().int().nonnegative().optional(),
  available: z.boolean(),
});
export type RouteCandidate = z.infer<typeof RouteCandidate>;

/** A kind of routing suggestion left out because the site's own figures rate it weak. */
export const HiddenRouteKind = z.object({
  kind: z.enum(['team', 'assignee']),
  /** Its measured top-1 accuracy on the newest held-back tickets. */
  accuracy: z.number().min(0).max(1),
});
export type HiddenRouteKind = z.infer<typeof HiddenRouteKind>;

export const RoutingSuggestion = z.object({
  decidedByRule: z.object({ id: z.string(), name: z.string() }).optional(),
  teams: z.array(RouteCandidate).max(10),
  assignees: z.array(RouteCandidate.extend({ accountId: AccountId })).max(10),
  currentAssignee: AccountId.nullable(),
  /** The team the ticket's Team field holds now (by name, as candidates are named). */
  currentTeam: z.string().max(200).nullable().optional(),
  /** The viewer can take back the team applied from this panel (the field still holds it). */
  teamUndo: z.boolean().optional(),
  hidden: z.array(HiddenRouteKind).max(2).optional(),
});
export type RoutingSuggestion = z.infer<typeof RoutingSuggestion>;

export const SimilarTicket = z.object({
  key: IssueKey,
  summary: z.string(),
  status: z.string(),
  resolved: z.boolean(),
  kind: z.enum(['duplicate', 'related', 'weak']),
  /** Calibrated: for duplicates, the probability this is the same problem. */
  score: z.number().min(0).max(1),
  sharedTerms: z.array(z.string()).max(12),
  /** Highlights of the shared terms in the other ticket's summary. */
  summarySpans: z.array(Span).max(30),
  alreadyLinked: z.boolean(),
  solvedBefore: z.object({ resolution: z.string(), excerpt: z.string().max(600) }).optional(),
});
export type SimilarTicket = z.infer<typeof SimilarTicket>;

export const SimilarSection = z.object({
  duplicates: z.array(SimilarTicket).max(10),
  related: z.array(SimilarTicket).max(10),
  /** The nearest tickets below the related threshold: offered on request when nothing is close. */
  weak: z.array(SimilarTicket).max(3),
  /** Link type names as configured on this site (Jira lets admins rename them). */
  linkTypes: z.object({ duplicate: z.string(), related: z.string() }),
});
export type SimilarSection = z.infer<typeof SimilarSection>;

export const SlaBand = z.enum(['on-track', 'at-risk', 'likely-breach', 'breached']);
export type SlaBand = z.infer<typeof SlaBand>;

/** What the SLA metric measures: its estimate is learnt from that kind of history only. */
export const SlaMetricKind = z.enum(['resolution', 'first-response', 'other']);
export type SlaMetricKind = z.infer<typeof SlaMetricKind>;

/**
 * Where the estimate comes from: the site's history (a probability and an expected time), a
 * stated prior (too little history, or a metric not modelled: only the clock and the share of
 * the goal used), or nothing yet (no model trained: "still learning").
 */
export const SlaBasis = z.enum(['history', 'prior', 'learning']);
export type SlaBasis = z.infer<typeof SlaBasis>;

/** Why prior-based: too little resolved history, or a metric whose history is not modelled. */
export const SlaPriorReason = z.enum(['little-history', 'not-modelled']);
export type SlaPriorReason = z.infer<typeof SlaPriorReason>;

/** The history segment a "similar tickets" figure is about; both null = all tickets. */
const SlaSegment = z.object({
  priority: z.string().max(200).nullable(),
  type: z.string().max(200).nullable(),
});

/** A reason behind the estimate, as a code with numbers: the UI words it in the viewer's locale. */
export const SlaDriver = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('similar-take'),
    segment: SlaSegment,
    medianMs: z.number().nonnegative(),
    remainingMs: z.number(),
  }),
  z.object({
    code: z.literal('queue-load'),
    who: z.enum(['team', 'assignee']),
    ratio: z.number().nonnegative(),
  }),
  z.object({ code: z.literal('goal-used'), share: z.number().nonnegative() }),
  z.object({ code: z.literal('paused') }),
  z.object({ code: z.literal('outside-hours') }),
  z.object({ code: z.literal('breached') }),
  z.object({ code: z.literal('little-history'), support: z.number().int().nonnegative() }),
  z.object({ code: z.literal('beyond-history') }),
]);
export type SlaDriver = z.infer<typeof SlaDriver>;

export const SlaRisk = z.object({
  metricName: z.string(),
  /** Absent in readings stored before the kind was recorded. */
  metricKind: SlaMetricKind.default('other'),
  basis: SlaBasis.default('history'),
  /** With basis "prior": why (absent otherwise). */
  priorReason: SlaPriorReason.nullable().default(null),
  /** Resolved tickets the model learnt from (0 before any model). */
  historyCount: z.number().int().nonnegative().default(0),
  /** null unless estimated from history (or the cycle already breached: a fact, not a risk). */
  band: SlaBand.nullable(),
  /** Modelled breach probability; null unless basis is "history". */
  probability: z.number().min(0).max(1).nullable(),
  goalMs: z.number().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** goal − elapsed; negative once overdue. */
  remainingMs: z.number(),
  paused: z.boolean(),
  /**
   * Expected time from now until the metric stops (resolution, or first response), with an
   * 80 % interval (ms); null when not estimated (prior, learning, or older than all history).
   */
  expected: z
    .object({
      medianMs: z.number().nonnegative(),
      lowMs: z.number().nonnegative(),
      highMs: z.number().nonnegative(),
    })
    .nullable(),
  /** Readings stored before drivers were codes are read as having none. */
  drivers: z.array(SlaDriver).max(6).catch([]),
});
export type SlaRisk = z.infer<typeof SlaRisk>;

export const PanelRequest = z.object({ issueKey: IssueKey, locale: z.enum(['en', 'de']).optional() });
export type PanelRequest = z.infer<typeof PanelRequest>;

export const PanelData = z.object({
  issueKey: IssueKey,
  /** Summary + "\n" + a description excerpt: the text the `why` spans point into. */
  ticketText: z.string().max(4000),
  language: z.enum(['de', 'en', 'other']),
  computedAt: z.string(),
  classification: section(z.array(FieldSuggestion)),
  routing: section(RoutingSuggestion),
  similar: section(SimilarSection),
  sla: section(SlaRisk),
  /** Articles from the desk's knowledge base that may answer it (absent from older servers). */
  knowledge: section(KnowledgeSection).optional(),
  /** The known-outage banner; null when the ticket matches no ongoing outage (absent from older servers). */
  outage: OutageNotice.nullable().optional(),
});
export type PanelData = z.infer<typeof PanelData>;

/** Agent actions; each is recorded as feedback (accepted / replaced / dismissed). */
export const ApplyFieldRequest = z.object({ issueKey: IssueKey, fieldId: FieldId, value: FieldValue });
export type ApplyFieldRequest = z.infer<typeof ApplyFieldRequest>;

export const DismissFieldRequest = z.object({ issueKey: IssueKey, fieldId: FieldId });
export type DismissFieldRequest = z.infer<typeof DismissFieldRequest>;

/** Takes back the field's last decision: a dismissal, or a value applied here or automatically. */
export const UndoFieldRequest = z.object({ issueKey: IssueKey, fieldId: FieldId });
export type UndoFieldRequest = z.infer<typeof UndoFieldRequest>;

export const LinkRequest = z.object({
  issueKey: IssueKey,
  otherKey: IssueKey,
  /**
   * `problem`: the other is the problem ticket behind this incident (JSM's Problem/Incident link);
   * `majorIncident`: the other is the major incident this ticket belongs to (a Relates link, as
   * JSM's major incident view lists linked incidents).
   */
  kind: z.enum(['duplicate', 'related', 'problem', 'majorIncident']),
});
export type LinkRequest = z.infer<typeof LinkRequest>;

export const AssignRequest = z.object({ issueKey: IssueKey, accountId: AccountId });
export type AssignRequest = z.infer<typeof AssignRequest>;

/** Sets the Team field to a suggested (or any other known) team, named as the panel lists it. */
export const ApplyTeamRequest = z.object({ issueKey: IssueKey, team: z.string().min(1).max(200) });
export type ApplyTeamRequest = z.infer<typeof ApplyTeamRequest>;

/** Takes back the team applied from the panel: the Team field gets its earlier value again. */
export const UndoTeamRequest = z.object({ issueKey: IssueKey });
export type UndoTeamRequest = z.infer<typeof UndoTeamRequest>;

/** What an agent's action answers: the issue, what was done, and how it counts as feedback. */
export const ActionResult = z.object({
  issueKey: IssueKey,
  action: z.enum(['applied', 'dismissed', 'linked', 'assigned', 'shared', 'rated']),
  outcome: FeedbackOutcome,
});
export type ActionResult = z.infer<typeof ActionResult>;

/** What an undo answers: the decision that was taken back. */
export const UndoResult = z.object({
  issueKey: IssueKey,
  action: z.literal('undone'),
  undone: z.enum(['applied', 'auto-applied', 'dismissed', 'replaced', 'reopened']),
});
export type UndoResult = z.infer<typeof UndoResult>;
