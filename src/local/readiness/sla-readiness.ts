import type { Ticket } from '../../core/shared/ticket';
import { brierScore, reliabilityTable, rocAuc, type BinaryOutcome, chronoSplit } from '../../engine/eval';
import { InputError } from '../../engine/errors';
import { scoreBreachRisk, trainResolutionModel, type HistoryTicket } from '../../engine/sla';
import type { SlaReadiness } from './report-types';

/** Resolution goals per priority name; `*` applies to priorities without their own goal. */
export type SlaGoals = ReadonlyMap<string, number>;

const UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `High=8h,Medium=1d,*=3d` → goals in ms. InputError naming the bad entry otherwise. */
export function parseSlaGoals(text: string): SlaGoals {
  const goals = new Map<string, number>();
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^(.{1,100})=(\d+(?:\.\d+)?)([mhd])$/.exec(part);
    if (m === null)
      throw new InputError(
        'bad_argument',
        `--sla-goals entry "${part.slice(0, 60)}" is not PRIORITY=<number><m|h|d>, e.g. High=8h`,
      );
    goals.set((m[1] as string).trim(), Number(m[2]) * (UNITS[m[3] as string] ?? 0));
  }
  if (goals.size === 0) throw new InputError('bad_argument', '--sla-goals is empty');
  return goals;
}

const goalFor = (goals: SlaGoals, t: Ticket): number | undefined =>
  goals.get(t.priority ?? '') ?? goals.get('*');
const segmentsOf = (t: Ticket): string[] => {
  const p = `priority=${t.priority ?? '-'}`;
  return [p, `${p}|type=${t.requestType ?? t.issueType}`];
};

function unmeasured(metricName: string, problem: string): SlaReadiness {
  return {
    metricName,
    goals: null,
    tickets: 0,
    breachRate: null,
    bins: [],
    brier: null,
    brierBaseline: null,
    auc: null,
    problem,
  };
}

/** The share of older tickets resolved within a derived goal: a goal most of the desk already meets. */
const DERIVED_GOAL_QUANTILE = 0.8;
const MIN_PER_PRIORITY = 20;

/**
 * Goals from the export's own resolution times when none are given: per priority (and `*` for
 * the rest), the time within which 80 % of the older 80 % of resolved tickets (by creation) were
 * resolved. Only the older part is read, so the newer tickets the replay scores did not set them.
 */
export function derivedSlaGoals(tickets: readonly Ticket[]): SlaGoals | null {
  const dated = tickets.filter((t) => Number.isFinite(t.created));
  const split = chronoSplit(dated.map((t) => t.created));
  const byPriority = new Map<string, number[]>();
  const all: number[] = [];
  for (const i of split.train) {
    const t = dated[i]!;
    if (t.resolved === null || !Number.isFinite(t.resolved)) continue;
    const ms = Math.max(0, t.resolved - t.created);
    all.push(ms);
    const p = t.priority ?? '';
    if (p !== '') byPriority.set(p, [...(byPriority.get(p) ?? []), ms]);
  }
  if (all.length < MIN_PER_PRIORITY) return null;
  const quantile = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * DERIVED_GOAL_QUANTILE))] ?? 0;
  };
  const goals = new Map<string, number>([['*', quantile(all)]]);
  for (const [p, xs] of byPriority) if (xs.length >= MIN_PER_PRIORITY) goals.set(p, quantile(xs));
  return goals;
}

const hours = (ms: number): string =>
  ms >= 2 * 86_400_000 ? `${(ms / 86_400_000).toFixed(1)} d` : `${(ms / 3_600_000).toFixed(1)} h`;

/** `High 6.0 h, Medium 1.5 d, other priorities 2.0 d`. */
export function describeGoals(goals: SlaGoals): string {
  const named = [...goals].filter(([p]) => p !== '*').map(([p, ms]) => `${p} ${hours(ms)}`);
  const rest = goals.get('*');
  return [...named, ...(rest === undefined ? [] : [`other priorities ${hours(rest)}`])].join(', ');
}

/**
 * Replays history: a time-to-resolution model learnt from the older 80 % scores each newer
 * ticket as it was opened; the report compares those risks with the breaches that happened.
 * `now` closes still-open tickets (censored) and decides breaches of open ones past their goal.
 */
export function slaReadiness(tickets: readonly Ticket[], given: SlaGoals | null, now: number): SlaReadiness {
  const metricName = 'Time to resolution';
  const goals = given ?? derivedSlaGoals(tickets);
  if (goals === null) {
    return unmeasured(
      metricName,
      'No SLA goals given and too few resolved tickets to derive them: pass --sla-goals, e.g. High=8h,Medium=1d,*=3d, to measure breach-risk calibration.',
    );
  }
  const goalsText =
    given === null
      ? `No goals given (a Jira export carries no SLA clock), so the goals are the export's own: per priority, the time within which 80 % of the older tickets were resolved (${describeGoals(goals)}).`
      : `Goals given: ${describeGoals(goals)}.`;
  const usable = tickets.filter((t) => Number.isFinite(t.created) && goalFor(goals, t) !== undefined);
  if (usable.length < 50)
    return unmeasured(
      metricName,
      `only ${usable.length} tickets have a creation date and an SLA goal; at least 50 are needed`,
    );
  const split = chronoSplit(usable.map((t) => t.created));
  const duration = (t: Ticket) => (t.resolved === null ? now - t.created : t.resolved - t.created);
  const history: HistoryTicket[] = split.train.map((i) => {
    const t = usable[i]!;
    return { ms: Math.max(0, duration(t)), resolved: t.resolved !== null, segments: segmentsOf(t) };
  });
  const model = trainResolutionModel(history);
  const outcomes: BinaryOutcome[] = [];
  let trainBreaches = 0;
  let trainKnown = 0;
  for (const i of split.train) {
    const t = usable[i]!;
    const goal = goalFor(goals, t) as number;
    if (t.resolved === null && duration(t) <= goal) continue;
    trainKnown++;
    if (duration(t) > goal) trainBreaches++;
  }
  for (const i of split.test) {
    const t = usable[i]!;
    const goal = goalFor(goals, t) as number;
    // An open ticket still inside its goal has no outcome yet.
    if (t.resolved === null && duration(t) <= goal) continue;
    const risk = scoreBreachRisk(model, {
      metricName,
      cycle: {
        goalMs: goal,
        elapsedMs: 0,
        remainingMs: goal,
        paused: false,
        withinCalendarHours: true,
        breached: false,
      },
      segments: segmentsOf(t),
    });
    if (risk.status !== 'scored') continue;
    outcomes.push({ probability: risk.probability, outcome: duration(t) > goal ? 1 : 0 });
  }
  if (outcomes.length < 20)
    return unmeasured(
      metricName,
      `only ${outcomes.length} newer tickets have a known SLA outcome; at least 20 are needed`,
    );
  const prior = trainKnown === 0 ? 0 : trainBreaches / trainKnown;
  const breaches = outcomes.filter((o) => o.outcome === 1).length;
  return {
    metricName,
    goals: goalsText,
    tickets: outcomes.length,
    breachRate: breaches / outcomes.length,
    bins: reliabilityTable(outcomes).map((b) => ({
      from: b.from,
      to: b.to,
      count: b.count,
      predicted: b.meanProbability,
      observed: b.observedRate,
    })),
    brier: brierScore(outcomes),
    brierBaseline: brierScore(outcomes.map((o) => ({ probability: prior, outcome: o.outcome }))),
    auc: breaches === 0 || breaches === outcomes.length ? null : rocAuc(outcomes),
    problem: null,
  };
}
