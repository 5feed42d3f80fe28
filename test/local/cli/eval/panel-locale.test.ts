import { localeDifferences } from '../../../../src/local/cli/eval/panel-locale';
import type { PanelData, RouteCandidate, SlaRisk } from '../../../../src/contracts/panel';

const team = (id: string, fit: number): RouteCandidate => ({
  id,
  name: id,
  score: fit,
  fit,
  reasons: [],
  available: true,
});

const sla = (over: Partial<SlaRisk> = {}): SlaRisk => ({
  metricName: 'Time to resolution',
  metricKind: 'resolution',
  basis: 'history',
  priorReason: null,
  historyCount: 300,
  band: 'on-track',
  probability: 0.2,
  goalMs: 72 * 3_600_000,
  elapsedMs: 60_000,
  remainingMs: 72 * 3_600_000 - 60_000,
  paused: false,
  expected: { medianMs: 3_600_000, lowMs: 600_000, highMs: 7_200_000 },
  drivers: [],
  ...over,
});

const panel = (teams: RouteCandidate[], risk: SlaRisk = sla()): PanelData => ({
  issueKey: 'IT-1',
  ticketText: 'VPN drops',
  language: 'en',
  computedAt: '2026-12-07T12:00:00.000Z',
  classification: { status: 'empty', reason: 'not-trained' },
  routing: { status: 'ok', data: { teams, assignees: [], currentAssignee: null } },
  similar: { status: 'empty', reason: 'no-similar' },
  sla: { status: 'ok', data: risk },
});

describe("eval panel's en/de comparison", () => {
  it('finds a routing order that depends on the language', () => {
    const en = panel([team('Network', 0.6), team('Workplace', 0.4)]);
    const de = panel([team('Workplace', 0.6), team('Network', 0.4)]);
    expect(localeDifferences(en, de)).toEqual(['routing']);
    expect(localeDifferences(en, en)).toEqual([]);
  });

  it('lets the SLA clock run for the moment between the reads, but not the probability or goal', () => {
    const teams = [team('Network', 1)];
    const later = sla({ elapsedMs: 90_000, remainingMs: 72 * 3_600_000 - 90_000 });
    expect(localeDifferences(panel(teams), panel(teams, later))).toEqual([]);
    expect(localeDifferences(panel(teams), panel(teams, sla({ probability: 0.3 })))).toEqual(['sla']);
    expect(localeDifferences(panel(teams), panel(teams, sla({ elapsedMs: 3_600_000 })))).toEqual(['sla']);
    expect(localeDifferences(panel(teams), panel(teams, sla({ basis: 'prior', probability: null })))).toEqual(
      ['sla'],
    );
  });
});
