import { JqlError, parseJql, parseJqlDate, type JqlIssue } from '../../../src/local/emulator/jql';

const now = Date.UTC(2026, 10, 20, 12, 0);
const base: JqlIssue = {
  id: '10001',
  key: 'IT-1',
  projectKey: 'IT',
  status: 'In Progress',
  statusCategory: 'indeterminate',
  priority: 'High',
  assigneeId: null,
  reporterId: 'cust-1',
  resolution: null,
  created: Date.UTC(2026, 10, 1),
  updated: Date.UTC(2026, 10, 19),
};
const issue = (o: Partial<JqlIssue>): JqlIssue => ({ ...base, ...o });

describe('parseJql', () => {
  it.each([
    ['project = IT', true],
    ['project = HR', false],
    ['project in (HR, it)', true],
    ['key in (IT-1, IT-2)', true],
    ['issuekey = IT-2', false],
    ['statusCategory != Done', true],
    ['statusCategory = "In Progress"', true],
    ['statusCategory in ("To Do", Done)', false],
    ['status = "In Progress" AND priority = High', true],
    ['assignee is EMPTY', true],
    ['assignee is not EMPTY', false],
    ['resolution = Unresolved', true],
    ['updated >= "2026-11-19"', true],
    ['updated > "2026-11-19 00:00"', false],
    ['created < -7d', true],
    ['updated >= -12h', false],
    ['project = IT and created >= 2026/10/31', true],
  ])('%s → %s', (jql, expected) => {
    expect(parseJql(jql, now).matches(base)).toBe(expected);
  });

  it('reads ORDER BY with directions and marks bare ordering as unbounded', () => {
    const q = parseJql('ORDER BY created DESC, key', now);
    expect(q.bounded).toBe(false);
    expect(q.order).toEqual([
      { field: 'created', direction: 'DESC' },
      { field: 'key', direction: 'ASC' },
    ]);
    expect(parseJql('', now).bounded).toBe(false);
    expect(parseJql('project = IT ORDER BY updated', now).bounded).toBe(true);
  });

  it('matches done tickets by category name or key', () => {
    const done = issue({ statusCategory: 'done', resolution: 'Done' });
    expect(parseJql('statusCategory = Done', now).matches(done)).toBe(true);
    expect(parseJql('statusCategory != done', now).matches(done)).toBe(false);
    expect(parseJql('resolution is EMPTY', now).matches(done)).toBe(false);
  });

  it.each([
    'project = IT OR project = HR',
    'summary ~ vpn',
    'project',
    'project = ',
    'key in (IT-1',
    'statusCategory = Nonsense',
    'updated >= "yesterday"',
    'project = IT ORDER created',
    'project = IT ORDER BY summary',
    'project = "unterminated',
  ])('rejects %j with a Jira-style message', (jql) => {
    expect(() => parseJql(jql, now)).toThrow(JqlError);
    expect(() => parseJql(jql, now)).toThrow(/JQL/);
  });

  it('treats quoted hostile values as plain values', () => {
    const q = parseJql('project = "__proto__" AND key in ("<script>", constructor)', now);
    expect(q.matches(base)).toBe(false);
    expect(q.matches(issue({ projectKey: '__proto__', key: 'constructor' }))).toBe(true);
  });
});

describe('parseJqlDate', () => {
  it('reads absolute dates as UTC and relative offsets from now', () => {
    expect(parseJqlDate('2026-01-31', now)).toBe(Date.UTC(2026, 0, 31));
    expect(parseJqlDate('2026-01-31 08:30', now)).toBe(Date.UTC(2026, 0, 31, 8, 30));
    expect(parseJqlDate('-2w', now)).toBe(now - 14 * 86_400_000);
    expect(parseJqlDate('30m', now)).toBe(now + 1_800_000);
  });
});
