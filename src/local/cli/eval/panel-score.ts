import type { PanelData, SimilarTicket } from '../../../contracts/panel';
import type { Ticket } from '../../../core/shared/ticket';
import { brierScore, rocAuc, type BinaryOutcome, percentile } from '../../../engine/eval';
import type { SlaGoals } from '../../readiness/sla-readiness';
import { dataOf, localeDifferences } from './panel-locale';
import type { PanelCollection } from './panel-collect';
import type { ScoredField } from './panel-dataset';
import { judgeLanguage, type EvidenceJudge } from './panel-judge';

/** The JSON line `eval panel --json` prints last; scripts rely on these exact keys. */
export interface PanelFieldResult {
  column: string;
  suggested_share: number;
  accuracy_when_suggested: number | null;
  top3_accuracy: number;
  engine_accuracy: number | null;
}

export interface PanelEvalResult {
  task: 'panel';
  tickets_train: number;
  tickets_test: number;
  fields: Record<string, PanelFieldResult>;
  why_terms_per_suggestion_p50: number | null;
  why_stopword_share: number;
  locale_mismatch_share: number;
  similar_shown_share: number;
  similar_same_label_precision: number | null;
  duplicate_recall_at_5: number | null;
  routing_team_accuracy: number | null;
  routing_assignee_accuracy: number | null;
  sla_auc: number | null;
  sla_brier: number | null;
  panel_ms_p50: number;
  panel_ms_p99: number;
}

/** Figures printed beside the JSON (not part of it): the panel's own top-1 per field, and what the judge flagged. */
export interface PanelEvalDetails {
  result: PanelEvalResult;
  panelTop1: Map<string, number>;
  noiseTerms: Map<string, number>;
  mismatches: { key: string; parts: string[] }[];
  slaScored: number;
  duplicateQueries: number;
}

export interface PanelScoreInput {
  collection: PanelCollection;
  fields: readonly ScoredField[];
  trainCount: number;
  /** Every export ticket by its export key. */
  byExportKey: ReadonlyMap<string, Ticket>;
  judge: EvidenceJudge;
  pairs: readonly (readonly [string, string])[] | null;
  slaGoals: SlaGoals | null;
  /** The export's latest time (an open ticket older than its goal there has breached). */
  now: number;
  hasTeam: boolean;
  hasAssignee: boolean;
  /** Site account id → the name the export gives the person. */
  nameOf: ReadonlyMap<string, string>;
}

/** How many evidence terms the panel shows per suggestion (static/issue-panel/src/WhyEvidence.tsx). */
export const WHY_TERMS_SHOWN = 4;
const SHOWN_STATUSES = new Set(['suggested', 'auto-applied']);

const round = (v: number, digits = 4): number => Number(v.toFixed(digits));
const share = (n: number, of: number): number => (of === 0 ? 0 : round(n / of));
const shareOrNull = (n: number, of: number): number | null => (of === 0 ? null : round(n / of));

const shownSimilar = (p: PanelData): SimilarTicket[] => {
  const s = dataOf(p.similar);
  return s === null ? [] : [...s.duplicates, ...s.related];
};

function scoreField(f: ScoredField, input: PanelScoreInput) {
  let labelled = 0;
  let suggested = 0;
  let correctSuggested = 0;
  let top3 = 0;
  let top1 = 0;
  let engineCorrect = 0;
  let engineSeen = 0;
  for (const o of input.collection.observations) {
    const real = f.valueOf(o.arrival.truth);
    if (real === null) continue;
    labelled++;
    const shown = dataOf(o.en.classification)?.find((s) => s.fieldId === f.id);
    if (shown !== undefined) {
      if (SHOWN_STATUSES.has(shown.status) && shown.value !== null) {
        suggested++;
        if (f.holds(o.arrival.truth, shown.value)) correctSuggested++;
      }
      const ranked = shown.candidates.map((c) => c.value);
      if (ranked.slice(0, 3).some((v) => f.holds(o.arrival.truth, v))) top3++;
      if (ranked[0] !== undefined && f.holds(o.arrival.truth, ranked[0])) top1++;
    }
    const engine = o.engine.get(f.id);
    if (engine !== undefined) {
      engineSeen++;
      if (engine[0] !== undefined && f.holds(o.arrival.truth, engine[0])) engineCorrect++;
    }
  }
  const result: PanelFieldResult = {
    column: f.column,
    suggested_share: share(suggested, labelled),
    accuracy_when_suggested: shareOrNull(correctSuggested, suggested),
    top3_accuracy: share(top3, labelled),
    engine_accuracy: shareOrNull(engineCorrect, engineSeen),
  };
  return { result, top1: share(top1, labelled) };
}

function scoreEvidence(input: PanelScoreInput) {
  const perSuggestion: number[] = [];
  const noise = new Map<string, number>();
  let terms = 0;
  let noisy = 0;
  const judge = (term: string, language: ReturnType<typeof judgeLanguage>) => {
    terms++;
    if (!input.judge.isNoise(term, language)) return;
    noisy++;
    noise.set(term, (noise.get(term) ?? 0) + 1);
  };
  for (const o of input.collection.observations) {
    const language = judgeLanguage(o.en.ticketText);
    for (const s of dataOf(o.en.classification) ?? []) {
      if (s.status !== 'suggested' && s.status !== 'already-set') continue;
      const shown = [...s.why.terms].sort((a, b) => b.weight - a.weight).slice(0, WHY_TERMS_SHOWN);
      perSuggestion.push(shown.length);
      for (const t of shown) judge(t.text, language);
    }
    for (const s of shownSimilar(o.en)) for (const t of s.sharedTerms) judge(t, language);
  }
  return {
    p50: perSuggestion.length === 0 ? null : percentile(perSuggestion, 50),
    share: share(noisy, terms),
    noise,
  };
}

function scoreSimilar(input: PanelScoreInput) {
  const first = input.fields[0];
  const exportTicket = (siteKey: string) =>
    input.byExportKey.get(input.collection.exportKeyOf.get(siteKey) ?? siteKey);
  let shownTickets = 0;
  let sameLabel = 0;
  let labelledShown = 0;
  for (const o of input.collection.observations) {
    const shown = shownSimilar(o.en);
    if (shown.length > 0) shownTickets++;
    const own = first?.valueOf(o.arrival.truth) ?? null;
    if (first === undefined || own === null) continue;
    for (const s of shown) {
      const other = exportTicket(s.key);
      if (other === undefined) continue;
      labelledShown++;
      if (first.valueOf(other) === own) sameLabel++;
    }
  }
  let queries = 0;
  let found = 0;
  if (input.pairs !== null) {
    const byKey = new Map(input.collection.observations.map((o) => [o.arrival.truth.key, o]));
    const seen = new Set<string>();
    for (const [a, b] of input.pairs) {
      const id = a < b ? `${a} ${b}` : `${b} ${a}`;
      if (a === b || seen.has(id)) continue;
      seen.add(id);
      const ta = input.byExportKey.get(a);
      const tb = input.byExportKey.get(b);
      if (ta === undefined || tb === undefined) continue;
      // The later ticket asks for the earlier one (protocol "duplicates"); only held-back ones are asked.
      const [query, other] =
        ta.created > tb.created || (ta.created === tb.created && a > b) ? [ta, tb] : [tb, ta];
      const o = byKey.get(query.key);
      if (o === undefined || !(other.created < query.created)) continue;
      queries++;
      const top5 = shownSimilar(o.en)
        .slice(0, 5)
        .map((s) => input.collection.exportKeyOf.get(s.key) ?? s.key);
      if (top5.includes(other.key)) found++;
    }
  }
  return {
    shownShare: share(shownTickets, input.collection.observations.length),
    sameLabel: shareOrNull(sameLabel, labelledShown),
    recallAt5: input.pairs === null ? null : shareOrNull(found, queries),
    queries,
  };
}

function scoreRouting(input: PanelScoreInput) {
  let teams = 0;
  let teamHits = 0;
  let people = 0;
  let peopleHits = 0;
  for (const o of input.collection.observations) {
    const routing = dataOf(o.en.routing);
    const truth = o.arrival.truth;
    if (truth.team !== null) {
      teams++;
      if (routing?.teams[0]?.name === truth.team) teamHits++;
    }
    if (truth.assigneeId !== null) {
      people++;
      const first = routing?.assignees[0];
      if (first !== undefined && input.nameOf.get(first.accountId) === truth.assigneeId) peopleHits++;
    }
  }
  return {
    team: input.hasTeam ? shareOrNull(teamHits, teams) : null,
    assignee: input.hasAssignee ? shareOrNull(peopleHits, people) : null,
  };
}

function scoreSla(input: PanelScoreInput) {
  const goals = input.slaGoals;
  if (goals === null) return { auc: null, brier: null, scored: 0 };
  const outcomes: BinaryOutcome[] = [];
  for (const o of input.collection.observations) {
    const sla = dataOf(o.en.sla);
    if (sla === null || sla.basis !== 'history' || sla.probability === null) continue;
    const { truth, arriving } = o.arrival;
    const goal = goals.get(arriving.priority ?? '') ?? goals.get('*');
    if (goal === undefined) continue;
    const took = (truth.resolved ?? Number.NaN) - truth.created;
    // Open at export time and not yet over its goal: the outcome is unknown.
    const outcome = Number.isFinite(took) ? took > goal : input.now - truth.created > goal ? true : null;
    if (outcome === null) continue;
    outcomes.push({ probability: sla.probability, outcome: outcome ? 1 : 0 });
  }
  const both = outcomes.some((x) => x.outcome === 1) && outcomes.some((x) => x.outcome === 0);
  return {
    auc: both ? round(rocAuc(outcomes)) : null,
    brier: outcomes.length === 0 ? null : round(brierScore(outcomes)),
    scored: outcomes.length,
  };
}

/** Scores what the panel showed against the export's real values. */
export function scorePanels(input: PanelScoreInput): PanelEvalDetails {
  const fields: Record<string, PanelFieldResult> = {};
  const panelTop1 = new Map<string, number>();
  for (const f of input.fields) {
    const { result, top1 } = scoreField(f, input);
    fields[f.id] = result;
    panelTop1.set(f.id, top1);
  }
  const evidence = scoreEvidence(input);
  const similar = scoreSimilar(input);
  const routing = scoreRouting(input);
  const sla = scoreSla(input);
  const observations = input.collection.observations;
  const mismatches = observations
    .map((o) => {
      const again = o.enAgain === null ? null : new Set(localeDifferences(o.enAgain, o.de));
      return {
        key: o.key,
        parts: localeDifferences(o.en, o.de).filter((p) => again === null || again.has(p)),
      };
    })
    .filter((m) => m.parts.length > 0);
  const ms = observations.flatMap((o) => o.ms);
  return {
    result: {
      task: 'panel',
      tickets_train: input.trainCount,
      tickets_test: observations.length,
      fields,
      why_terms_per_suggestion_p50: evidence.p50,
      why_stopword_share: evidence.share,
      locale_mismatch_share: share(mismatches.length, observations.length),
      similar_shown_share: similar.shownShare,
      similar_same_label_precision: similar.sameLabel,
      duplicate_recall_at_5: similar.recallAt5,
      routing_team_accuracy: routing.team,
      routing_assignee_accuracy: routing.assignee,
      sla_auc: sla.auc,
      sla_brier: sla.brier,
      panel_ms_p50: round(percentile(ms, 50), 1),
      panel_ms_p99: round(percentile(ms, 99), 1),
    },
    panelTop1,
    noiseTerms: evidence.noise,
    mismatches,
    slaScored: sla.scored,
    duplicateQueries: similar.queries,
  };
}
