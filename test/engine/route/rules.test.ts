import type { RoutingTicket } from '../../../src/engine/route';
import { RoutingRules, analyzeRules, evaluateRules } from '../../../src/engine/route';

const rules = (raw: unknown) => RoutingRules.parse(raw);

const ticket = (over: Partial<RoutingTicket> = {}): RoutingTicket => ({
  requestType: 'Get IT help',
  fields: new Map<string, string | readonly string[]>([
    ['Category', 'Network'],
    ['Labels', ['vpn', 'urgent']],
  ]),
  reporterOrganisations: ['ACME GmbH'],
  reporterEmail: 'jane@eu.acme.de',
  language: 'de',
  text: 'VPN-Verbindung bricht ab. Der Drucker im 2. Stock druckt nicht.',
  ...over,
});

const rule = (conditions: unknown[], actions: Record<string, unknown> = { team: 'Network' }, extra = {}) => ({
  id: 'r1',
  name: 'Rule one',
  conditions,
  actions,
  ...extra,
});

describe('RoutingRules schema', () => {
  it.each([
    ['a regex-like text condition is just words', [rule([{ kind: 'text', anyOf: ['(a+)+$'] }])], true],
    ['no actions', [rule([], {})], false],
    ['unknown condition kind', [rule([{ kind: 'regex', pattern: '.*' }])], false],
    ['empty value list', [rule([{ kind: 'requestType', anyOf: [] }])], false],
    ['bad e-mail domain', [rule([{ kind: 'emailDomain', anyOf: ['not a domain'] }])], false],
    ['duplicate ids', [rule([]), rule([])], false],
    [
      'prototype keys as values',
      [rule([{ kind: 'field', field: '__proto__', anyOf: ['constructor'] }])],
      true,
    ],
  ])('%s → valid: %s', (_name, raw, valid) => {
    expect(RoutingRules.safeParse(raw).success).toBe(valid);
  });
});

describe('evaluateRules', () => {
  it.each([
    ['request type (case-insensitive)', { kind: 'requestType', anyOf: ['get it HELP'] }, true],
    ['request type differs', { kind: 'requestType', anyOf: ['Order hardware'] }, false],
    ['single-valued field', { kind: 'field', field: 'Category', anyOf: ['network'] }, true],
    ['multi-valued field: any value', { kind: 'field', field: 'Labels', anyOf: ['urgent'] }, true],
    ['field missing on ticket', { kind: 'field', field: 'Team', anyOf: ['x'] }, false],
    ['field named __proto__', { kind: 'field', field: '__proto__', anyOf: ['x'] }, false],
    ['organisation', { kind: 'reporterOrganisation', anyOf: ['acme gmbh'] }, true],
    ['e-mail subdomain', { kind: 'emailDomain', anyOf: ['acme.de'] }, true],
    ['e-mail lookalike domain', { kind: 'emailDomain', anyOf: ['me.de'] }, false],
    ['language', { kind: 'language', anyOf: ['de'] }, true],
    ['phrase in text', { kind: 'text', anyOf: ['druckt nicht'] }, true],
    ['parts of a hyphenated compound are words', { kind: 'text', anyOf: ['verbindung bricht'] }, true],
    ['partial word does not match', { kind: 'text', anyOf: ['druck'] }, false],
    ['phrase words out of order', { kind: 'text', anyOf: ['nicht druckt'] }, false],
  ])('%s → matches: %s', (_name, condition, matches) => {
    const decision = evaluateRules(rules([rule([condition])]), ticket());
    expect(decision.matched.length === 1).toBe(matches);
    expect(decision.team?.value).toBe(matches ? 'Network' : undefined);
  });

  it('an empty rule set is explained and leaves the decision to learned routing', () => {
    const d = evaluateRules([], ticket());
    expect(d).toMatchObject({ matched: [], decidedBy: null });
    expect(d.note).toMatch(/no routing rules/);
  });

  it('earlier rules win single-valued actions, labels add up, stop ends the pass', () => {
    const d = evaluateRules(
      rules([
        { id: 'a', name: 'A', conditions: [], actions: { labels: ['triaged'] } },
        {
          id: 'b',
          name: 'B',
          conditions: [{ kind: 'language', anyOf: ['de'] }],
          actions: { team: 'DACH', labels: ['de'] },
          stop: true,
        },
        { id: 'c', name: 'C', conditions: [], actions: { team: 'Global' } },
      ]),
      ticket(),
    );
    expect(d.matched.map((m) => m.id)).toEqual(['a', 'b']);
    expect(d.decidedBy?.id).toBe('b');
    expect(d.team).toEqual({ value: 'DACH', ruleName: 'B' });
    expect(d.labels).toEqual(['triaged', 'de']);
  });

  it('a disabled rule never matches', () => {
    expect(evaluateRules(rules([rule([], { team: 'X' }, { enabled: false })]), ticket()).matched).toEqual([]);
  });

  it('runs in linear time on a huge text with a backtracking-bait phrase', () => {
    const text = `${'a '.repeat(200_000)}b`;
    const d = evaluateRules(
      rules([rule([{ kind: 'text', anyOf: ['a a a a a a a a c'] }])]),
      ticket({ text }),
    );
    expect(d.matched).toEqual([]);
  });
});

describe('analyzeRules', () => {
  const find = (raw: unknown[], known?: string[]) =>
    analyzeRules(rules(raw), known).map((f) => [f.kind, ...f.ruleIds]);

  it.each([
    ['empty set', [], [['empty-set']]],
    [
      'unknown field',
      [rule([{ kind: 'field', field: 'Colour', anyOf: ['red'] }])],
      [['unknown-field', 'r1']],
    ],
    [
      'contradictory request types',
      [
        rule([
          { kind: 'requestType', anyOf: ['A'] },
          { kind: 'requestType', anyOf: ['B'] },
        ]),
      ],
      [['contradictory', 'r1']],
    ],
    [
      'shadowed by an earlier stopping catch-all',
      [
        { id: 'all', name: 'All', conditions: [], actions: { team: 'Desk' }, stop: true },
        {
          id: 'net',
          name: 'Net',
          conditions: [{ kind: 'text', anyOf: ['vpn'] }],
          actions: { team: 'Network' },
        },
      ],
      [['shadowed', 'all', 'net']],
    ],
    [
      'overlap with conflicting teams',
      [
        {
          id: 'vpn',
          name: 'VPN',
          conditions: [{ kind: 'text', anyOf: ['vpn'] }],
          actions: { team: 'Network' },
        },
        {
          id: 'de',
          name: 'DE',
          conditions: [{ kind: 'language', anyOf: ['de'] }],
          actions: { team: 'DACH' },
        },
      ],
      [['overlap', 'vpn', 'de']],
    ],
    [
      'no overlap when conditions exclude each other',
      [
        {
          id: 'de',
          name: 'DE',
          conditions: [{ kind: 'language', anyOf: ['de'] }],
          actions: { team: 'DACH' },
        },
        { id: 'en', name: 'EN', conditions: [{ kind: 'language', anyOf: ['en'] }], actions: { team: 'UK' } },
      ],
      [],
    ],
    [
      'no overlap when actions agree',
      [
        { id: 'a', name: 'A', conditions: [{ kind: 'text', anyOf: ['vpn'] }], actions: { team: 'Network' } },
        { id: 'b', name: 'B', conditions: [{ kind: 'text', anyOf: ['wlan'] }], actions: { team: 'network' } },
      ],
      [],
    ],
    [
      'narrower stopping rule does not shadow a broader one',
      [
        {
          id: 'n',
          name: 'N',
          conditions: [
            { kind: 'text', anyOf: ['vpn'] },
            { kind: 'language', anyOf: ['de'] },
          ],
          actions: { team: 'X' },
          stop: true,
        },
        { id: 'b', name: 'B', conditions: [{ kind: 'text', anyOf: ['vpn'] }], actions: { team: 'X' } },
      ],
      [],
    ],
  ])('%s', (_name, raw, expected) => {
    expect(find(raw, ['Category', 'Labels'])).toEqual(expected);
  });
});
