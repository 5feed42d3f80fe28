import { emptySuggestions, parseStoredSuggestions } from '../../../src/core/suggest/suggestions';

describe('a suggestions row stored before routing reasons became codes', () => {
  it('still reads, keeping the agent decisions and dropping only the old routing', () => {
    const row = {
      ...emptySuggestions(),
      decisions: { priority: { state: 'dismissed', value: 'High', at: 1 } },
      routing: {
        teams: [
          {
            id: 't1',
            name: 'Service Desk',
            score: 0.8,
            reasons: ['solved 3 similar tickets'],
            available: true,
          },
        ],
        assignees: [],
      },
    };
    const parsed = parseStoredSuggestions(JSON.parse(JSON.stringify(row)));
    expect(parsed.routing).toBeNull();
    expect(parsed.decisions.priority).toEqual({ state: 'dismissed', value: 'High', at: 1 });
  });
});
