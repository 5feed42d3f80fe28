import type { PanelObservation } from '../../../../src/local/cli/eval/panel-collect';
import type { ScoredField } from '../../../../src/local/cli/eval/panel-dataset';
import { evidenceJudge } from '../../../../src/local/cli/eval/panel-judge';
import { scorePanels, type PanelScoreInput } from '../../../../src/local/cli/eval/panel-score';
import type { FieldSuggestion, PanelData } from '../../../../src/contracts/panel';
import type { SeedTicket } from '../../../../src/local/emulator/seed';
import { makeTicket } from '../../../support/tickets';

const field: ScoredField = {
  id: 'priority',
  column: 'Priority',
  valueOf: (t) => t.priority,
  holds: (t, v) => t.priority === v,
};

const suggestion = (status: FieldSuggestion['status'], value: string, terms: string[]): FieldSuggestion => ({
  fieldId: 'priority',
  fieldName: 'Priority',
  mode: 'suggest',
  current: null,
  candidates: [
    { value, probability: 0.9 },
    { value: 'Low', probability: 0.1 },
  ],
  abstained: status !== 'suggested',
  meetsTarget: status === 'suggested',
  status,
  value: status === 'suggested' ? value : null,
  confidence: 0.9,
  chosen: null,
  byViewer: false,
  alternatives: [],
  apply: 'panel',
  undo: false,
  why: { terms: terms.map((text, i) => ({ text, weight: 1 - i / 10, spans: [] })) },
  history: null,
});

const panel = (s: FieldSuggestion, teamOrder: string[]): PanelData => ({
  issueKey: 'IT-1',
  ticketText: 'The VPN is down and I cannot work',
  language: 'en',
  computedAt: '2026-12-07T12:00:00.000Z',
  classification: { status: 'ok', data: [s] },
  routing: {
    status: 'ok',
    data: {
      teams: teamOrder.map((id, i) => ({
        id,
        name: id,
        score: 1 - i / 2,
        fit: 1 - i / 2,
        reasons: [],
        available: true,
      })),
      assignees: [],
      currentAssignee: null,
    },
  },
  similar: { status: 'empty', reason: 'no-similar' },
  sla: { status: 'empty', reason: 'no-sla' },
});

function observation(
  key: string,
  priority: string,
  s: FieldSuggestion,
  de: string[],
  enAgain: string[] | null,
  engine: string,
): PanelObservation {
  const truth = makeTicket({ key, priority, team: 'Network' });
  return {
    arrival: { truth, arriving: {} as SeedTicket },
    key,
    en: panel(s, ['Network', 'Workplace']),
    de: panel(s, de),
    enAgain: enAgain === null ? null : panel(s, enAgain),
    ms: [10, 30],
    engine: new Map([['priority', [engine]]]),
  };
}

const input = (observations: PanelObservation[]): PanelScoreInput => ({
  collection: { observations, exportKeyOf: new Map() },
  fields: [field],
  trainCount: 40,
  byExportKey: new Map(observations.map((o) => [o.arrival.truth.key, o.arrival.truth])),
  judge: evidenceJudge(new Set(['olivia'])),
  pairs: null,
  slaGoals: null,
  now: 0,
  hasTeam: true,
  hasAssignee: false,
  nameOf: new Map(),
});

describe("eval panel's scoring", () => {
  const observations = [
    // Suggested and right; evidence with one stop word and one name.
    observation(
      'IT-1',
      'High',
      suggestion('suggested', 'High', ['vpn', 'my', 'Olivia', 'outage']),
      ['Network', 'Workplace'],
      null,
      'High',
    ),
    // Suggested and wrong; de lists the teams the other way round, and so does English read again.
    observation(
      'IT-2',
      'Low',
      suggestion('suggested', 'High', ['printer']),
      ['Workplace', 'Network'],
      ['Network', 'Workplace'],
      'Low',
    ),
    // Not sure; de differed only at the first read (the later English read agrees with German).
    observation(
      'IT-3',
      'Low',
      suggestion('not-sure', 'Medium', []),
      ['Workplace', 'Network'],
      ['Workplace', 'Network'],
      'Medium',
    ),
  ];
  const { result, panelTop1 } = scorePanels(input(observations));

  it('scores suggested values, top-3 and the engine on the same tickets', () => {
    expect(result.fields.priority).toEqual({
      column: 'Priority',
      suggested_share: 0.6667,
      accuracy_when_suggested: 0.5,
      top3_accuracy: 1,
      engine_accuracy: 0.6667,
    });
    expect(panelTop1.get('priority')).toBe(0.3333);
  });

  it('judges the shown evidence and counts an en/de difference only when a second English read keeps it', () => {
    // Nearest-rank median of 4 and 1 shown terms.
    expect(result.why_terms_per_suggestion_p50).toBe(1);
    expect(result.why_stopword_share).toBe(0.4);
    expect(result.locale_mismatch_share).toBe(0.3333);
    expect(result.routing_team_accuracy).toBe(1);
    expect(result.routing_assignee_accuracy).toBeNull();
    expect(result.panel_ms_p50).toBeGreaterThan(0);
  });
});
