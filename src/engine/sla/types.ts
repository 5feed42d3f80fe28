/** The JSM SLA cycle of one metric on one ticket (GET /rest/servicedeskapi/request/{key}/sla). */
export interface SlaCycle {
  /** Goal duration on the SLA clock (ms). */
  goalMs: number;
  /** SLA-clock time used so far (ms): excludes paused time and time outside the calendar. */
  elapsedMs: number;
  /** goal − elapsed as JSM reports it (ms); negative once breached. */
  remainingMs: number;
  paused: boolean;
  withinCalendarHours: boolean;
  breached: boolean;
}

/** Open tickets now and as usual (e.g. the median over the last weeks) for the team and the assignee. */
export interface QueueLoad {
  teamOpen?: number;
  teamUsualOpen?: number;
  assigneeOpen?: number;
  assigneeUsualOpen?: number;
}

export type SlaBand = 'on-track' | 'at-risk' | 'likely-breach' | 'breached';

/** A reason behind a risk, as a code with values, so the panel can word it in English or German. */
export type SlaDriver =
  | { code: 'similar-take'; segment: string; medianMs: number; remainingMs: number; support: number }
  | { code: 'queue-load'; who: 'team' | 'assignee'; ratio: number }
  | { code: 'goal-used'; share: number }
  | { code: 'paused' }
  | { code: 'outside-hours' }
  | { code: 'breached' }
  | { code: 'little-history'; support: number }
  | { code: 'beyond-history' };

export interface SlaRiskInput {
  metricName: string;
  /** null when the ticket has no SLA on this metric. */
  cycle: SlaCycle | null;
  /** Segment keys from coarse to fine, from the ticket's fields and predicted class. */
  segments: readonly string[];
  /** How the finest segment reads in a sentence ("priority High, category Network"). */
  segmentLabel?: string;
  load?: QueueLoad;
  /** A field classifier's breach probability for this ticket, if one is trained (see RiskBlend). */
  fieldProbability?: number;
}

export interface ExpectedResolution {
  /** From now (ms): median and an 80 % interval (10th–90th percentile). */
  medianMs: number;
  lowMs: number;
  highMs: number;
  /** True when the history never got that far: the figures are lower bounds. */
  openEnded: boolean;
}

export type SlaRiskResult =
  | {
      status: 'scored';
      metricName: string;
      probability: number;
      band: SlaBand;
      goalMs: number;
      elapsedMs: number;
      remainingMs: number;
      paused: boolean;
      expected: ExpectedResolution;
      drivers: SlaDriver[];
      /** The remaining-time rule beside the model, for comparison. */
      heuristic: { band: SlaBand };
    }
  | { status: 'no-sla'; metricName: string; reason: string }
  | { status: 'invalid'; metricName: string; reason: string };
