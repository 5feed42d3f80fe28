import type { Agent } from '../../../src/engine/route';
import {
  RoutingRules,
  describeRouteNote,
  describeRouteReason,
  learnSkills,
  rankAssignees,
  rankTeams,
  suggestRoute,
} from '../../../src/engine/route';

const agent = (id: string, over: Partial<Agent> = {}): Agent => ({
  id,
  name: id.toUpperCase(),
  teams: ['Network'],
  active: true,
  openLoad: 2,
  ...over,
});

const similar = [
  { key: 'IT-1', score: 0.9, team: 'Network', assignee: 'ann', resolved: true },
  { key: 'IT-2', score: 0.8, team: 'Network', assignee: 'ann', resolved: true },
  { key: 'IT-3', score: 0.7, team: 'Network', assignee: 'bob', resolved: true },
  { key: 'IT-4', score: 0.5, team: 'Desk', assignee: 'cid', resolved: true },
];

describe('rankTeams', () => {
  it('blends classifier probabilities with the teams of similar tickets, with reasons', () => {
    const teams = rankTeams(
      [
        { label: 'Desk', probability: 0.55 },
        { label: 'Network', probability: 0.45 },
      ],
      similar,
    );
    expect(teams.map((t) => t.id)).toEqual(['Network', 'Desk']);
    expect(teams[0]!.reasons.map((r) => describeRouteReason(r))).toEqual([
      'learned from past tickets: 45 %',
      '3 of 4 similar tickets went to this team',
    ]);
  });

  it('with no classifier and no similar tickets returns nothing', () => {
    expect(rankTeams(undefined, [])).toEqual([]);
  });
});

describe('rankAssignees', () => {
  const today = '2026-11-22';

  it('prefers who solved the most similar tickets, and says so with the open load', () => {
    const ranked = rankAssignees({ team: 'Network', agents: [agent('ann'), agent('bob')], similar, today });
    expect(ranked[0]!.id).toBe('ann');
    expect(ranked[0]!.reasons.map((r) => describeRouteReason(r))).toEqual([
      'solved 2 similar tickets',
      '2 open now',
    ]);
  });

  it('a classifier vote for an agent counts as expertise and is named', () => {
    const ranked = rankAssignees({
      team: 'Network',
      agents: [agent('ann'), agent('bob')],
      assigneeVotes: [
        { label: 'bob', probability: 0.8 },
        { label: 'zed', probability: 0.2 },
      ],
      today,
    });
    expect(ranked[0]!.id).toBe('bob');
    expect(describeRouteReason(ranked[0]!.reasons[0]!)).toBe('learned from past tickets: 80 %');
  });

  it('with equal expertise, the less loaded agent ranks first', () => {
    const ranked = rankAssignees({
      team: 'Network',
      agents: [agent('x', { openLoad: 9 }), agent('y', { openLoad: 1 })],
      today,
    });
    expect(ranked.map((a) => a.id)).toEqual(['y', 'x']);
  });

  it.each([
    ['inactive', { active: false }, 'inactive'],
    ['away today', {}, 'away until 2026-11-30'],
    ['at capacity', { openLoad: 5, capacity: 5 }, 'at capacity (5/5)'],
  ])('the best expert who is %s is never on top', (_name, over, said) => {
    const ranked = rankAssignees({
      team: 'Network',
      agents: [agent('ann', over), agent('bob', { openLoad: 30 })],
      similar,
      away: [{ accountId: 'ann', from: '2026-11-20', until: '2026-11-30' }].filter(
        () => _name === 'away today',
      ),
      today,
    });
    expect(ranked[0]!.id).toBe('bob');
    expect(ranked[1]).toMatchObject({ id: 'ann', available: false });
    expect(describeRouteReason(ranked[1]!.reasons[0]!)).toBe(said);
  });

  it('an away entry that ended or has unreadable dates does not block', () => {
    const away = [
      { accountId: 'ann', from: '2026-01-01', until: '2026-01-31' },
      { accountId: 'ann', from: 'soon' },
    ];
    expect(rankAssignees({ team: 'Network', agents: [agent('ann')], away, today })[0]!.available).toBe(true);
  });

  it('uses learned category skill when no similar ticket speaks', () => {
    const ranked = rankAssignees({
      team: 'Network',
      agents: [agent('gen'), agent('pro', { solvedByCategory: new Map([['VPN', 40]]) })],
      category: 'VPN',
      today,
    });
    expect(ranked[0]!.id).toBe('pro');
    expect(describeRouteReason(ranked[0]!.reasons[0]!)).toBe('40 solved tickets in "VPN"');
  });

  it('a team with no members gives an empty list', () => {
    expect(rankAssignees({ team: 'Ghost', agents: [agent('ann')], today })).toEqual([]);
  });
});

describe('suggestRoute', () => {
  const agents = [agent('ann'), agent('bob'), agent('dee', { teams: ['DACH'] })];
  const base = {
    ticket: { language: 'de' as const, text: 'VPN bricht ab' },
    agents,
    similar,
    today: '2026-11-22',
  };

  it('a rule decides the team and says which rule; learned teams follow', () => {
    const rules = RoutingRules.parse([
      {
        id: 'de',
        name: 'German desk',
        conditions: [{ kind: 'language', anyOf: ['de'] }],
        actions: { team: 'DACH' },
      },
    ]);
    const s = suggestRoute({ ...base, rules, teamVotes: [{ label: 'Network', probability: 0.9 }] });
    expect(s.decidedByRule).toEqual({ id: 'de', name: 'German desk' });
    expect(s.teams.map((t) => t.id)).toEqual(['DACH', 'Network', 'Desk']);
    expect(describeRouteReason(s.teams[0]!.reasons[0]!, 'de')).toBe('Regel „German desk“');
    expect(s.assignees.map((a) => a.id)).toEqual(['dee']);
  });

  it('without rules, learning decides and nothing claims a rule', () => {
    const s = suggestRoute({ ...base, rules: [], teamVotes: [{ label: 'Network', probability: 0.9 }] });
    expect(s.decidedByRule).toBeNull();
    expect(s.teams[0]!.id).toBe('Network');
    expect(s.assignees[0]!.id).toBe('ann');
  });

  it('a rule cannot put an away agent on top', () => {
    const rules = RoutingRules.parse([
      { id: 'a', name: 'To Bob', conditions: [], actions: { assignee: 'bob' } },
    ]);
    const s = suggestRoute({ ...base, rules, away: [{ accountId: 'bob' }] });
    expect(s.assignees[0]!.id).toBe('ann');
    expect(s.assignees.find((a) => a.id === 'bob')!.reasons.map((r) => r.code)).toEqual([
      'rule-chose-unavailable',
      'away',
      'solved-similar',
      'open-load',
    ]);
  });

  it('a team without members is explained', () => {
    const s = suggestRoute({
      ...base,
      rules: [],
      similar: [],
      teamVotes: [{ label: 'Ghost', probability: 1 }],
    });
    expect(s.assignees).toEqual([]);
    expect(s.notes.map((n) => describeRouteNote(n))).toEqual([
      'team "Ghost" has no members: assign to the team queue',
    ]);
  });

  it('with no rules and no history there is no suggestion, and it says so', () => {
    const s = suggestRoute({ ...base, rules: [], similar: [] });
    expect(s.teams).toEqual([]);
    expect(s.notes.map((n) => n.code)).toEqual(['no-history']);
  });
});

describe('learnSkills', () => {
  it('counts resolved tickets per agent and category, ignoring open and anonymous ones', () => {
    const skills = learnSkills([
      { assignee: 'ann', category: 'VPN', resolved: true },
      { assignee: 'ann', category: 'VPN', resolved: true },
      { assignee: 'ann', category: 'VPN', resolved: false },
      { assignee: '', category: 'VPN', resolved: true },
      { assignee: '__proto__', category: 'constructor', resolved: true },
    ]);
    expect(skills.get('ann')?.get('VPN')).toBe(2);
    expect(skills.get('__proto__')?.get('constructor')).toBe(1);
    expect(skills.size).toBe(2);
  });
});
