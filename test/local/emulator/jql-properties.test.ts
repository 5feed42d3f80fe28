import { INSIGHTS_PROPERTY_KEY } from '../../../src/contracts/insights';
import { parseJql, type JqlIssue } from '../../../src/local/emulator/jql';

const NOW = Date.UTC(2026, 11, 7, 12, 0);

function issue(key: string, insights?: Record<string, unknown>): JqlIssue {
  return {
    id: key.replace(/\D/g, ''),
    key,
    projectKey: 'IT',
    status: 'Open',
    statusCategory: 'new',
    priority: 'High',
    assigneeId: null,
    reporterId: 'r',
    resolution: null,
    created: NOW - 3_600_000,
    updated: NOW,
    ...(insights ? { properties: { [INSIGHTS_PROPERTY_KEY]: insights } } : {}),
  };
}

const soon = new Date(NOW + 2 * 3_600_000).toISOString();
const later = new Date(NOW + 30 * 3_600_000).toISOString();
const ISSUES = [
  issue('IT-1', { v: 1, triaged: 'no', riskBand: 'likely-breach', riskPercent: 80, breachAt: soon }),
  issue('IT-2', { v: 1, triaged: 'yes', riskBand: 'on-track', riskPercent: 10, breachAt: later }),
  issue('IT-3', { v: 1, triaged: 'no', duplicateOf: 'IT-1' }),
  issue('IT-4'),
];

const keys = (jql: string): string[] => ISSUES.filter((i) => parseJql(jql, NOW).matches(i)).map((i) => i.key);

describe('JQL over the indexed insights property', () => {
  it('answers the search aliases by type', () => {
    expect(keys('triageRiskPercent >= 50')).toEqual(['IT-1']);
    expect(keys('triageRiskBand in (likely-breach, at-risk)')).toEqual(['IT-1']);
    expect(keys('triageBreachAt <= 4h')).toEqual(['IT-1']);
    expect(keys('triageDuplicateOf is not EMPTY')).toEqual(['IT-3']);
    expect(keys('triageLensTriaged = no')).toEqual(['IT-1', 'IT-3']);
    expect(keys('triageLensTriaged is EMPTY')).toEqual(['IT-4']);
  });

  it('answers the full property path, with the key bare or quoted', () => {
    expect(keys(`issue.property[${INSIGHTS_PROPERTY_KEY}].riskPercent > 50`)).toEqual(['IT-1']);
    expect(keys(`issue.property['${INSIGHTS_PROPERTY_KEY}'].triaged = yes AND project = IT`)).toEqual([
      'IT-2',
    ]);
  });

  it('!= matches only issues that have the value, as Jira does', () => {
    expect(keys('triageLensTriaged != yes')).toEqual(['IT-1', 'IT-3']);
    expect(keys('triageRiskBand != on-track')).toEqual(['IT-1']);
  });

  it('refuses what Jira would not index or compare', () => {
    expect(() => parseJql(`issue.property[${INSIGHTS_PROPERTY_KEY}].nope = 1`, NOW)).toThrow('not indexed');
    expect(() => parseJql('issue.property[other].riskPercent = 1', NOW)).toThrow('not indexed');
    expect(() => parseJql('triageRiskBand > a', NOW)).toThrow("operator '>'");
    expect(() => parseJql('triageRiskPercent = high', NOW)).toThrow('not a number');
  });
});
