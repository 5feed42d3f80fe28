import {
  DEFAULT_SITE_FIELDS,
  emailDomain,
  isMajorIncident,
  issueToTicket,
  ticketFieldIds,
} from '../../../src/adapters/jira/issue-to-ticket';
import { textToAdf } from '../../../src/adapters/jira/text-to-adf';
import type { JiraIssue } from '../../../src/core/ports/jira';
import { adfToText } from '../../../src/engine/text';

const fields = { ...DEFAULT_SITE_FIELDS, categories: ['customfield_10060'] };
const options = { fields, adfToText };

function issue(overrides: Record<string, unknown> = {}): JiraIssue {
  return {
    id: '10042',
    key: 'IT-42',
    fields: {
      project: { key: 'IT' },
      summary: 'VPN verbindet nicht',
      description: textToAdf('Seit heute früh kein VPN.\n\nViele Grüße\nAnna'),
      comment: {
        comments: [
          {
            author: { accountId: 'agent-1' },
            body: textToAdf('Schauen wir uns an.'),
            created: '2026-11-20T08:05:00.000+0000',
            jsdPublic: true,
          },
          {
            author: { accountId: 'agent-1' },
            body: textToAdf('Gateway neu gestartet.'),
            created: '2026-11-20T09:00:00.000+0000',
            jsdPublic: false,
          },
        ],
      },
      issuetype: { name: 'Incident' },
      priority: { name: 'High' },
      components: [{ name: 'VPN' }],
      labels: ['vpn'],
      status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      resolution: null,
      resolutiondate: null,
      assignee: { accountId: 'agent-1' },
      reporter: { accountId: 'cust-1', emailAddress: 'Anna.Mueller@Example-Corp.DE' },
      created: '2026-11-20T08:00:00.000+0000',
      updated: '2026-11-20T09:00:00.000+0000',
      issuelinks: [
        { type: { name: 'Duplicate' }, outwardIssue: { key: 'IT-7' } },
        { type: { name: 'Relates' }, inwardIssue: { key: 'IT-9' } },
      ],
      customfield_10010: { requestType: { id: '2', name: 'VPN and remote access' } },
      customfield_10001: { id: 'team-3', name: 'Network', title: 'Network' },
      customfield_10002: [{ id: '1', name: 'Example Corp' }],
      customfield_10060: { value: 'Network', id: '7' },
      ...overrides,
    },
  };
}

describe('issueToTicket', () => {
  it('maps Jira’s issue JSON to the app’s plain-text ticket', () => {
    const t = issueToTicket(issue(), options);
    expect(t).toMatchObject({
      id: '10042',
      key: 'IT-42',
      projectKey: 'IT',
      summary: 'VPN verbindet nicht',
      issueType: 'Incident',
      requestType: 'VPN and remote access',
      priority: 'High',
      components: ['VPN'],
      labels: ['vpn'],
      custom: { customfield_10060: 'Network' },
      status: 'In Progress',
      statusCategory: 'indeterminate',
      resolution: null,
      assigneeId: 'agent-1',
      team: 'Network',
      teamId: 'team-3',
      reporterId: 'cust-1',
      reporterDomain: 'example-corp.de',
      organization: 'Example Corp',
      created: Date.UTC(2026, 10, 20, 8, 0),
      resolved: null,
      links: [
        { key: 'IT-7', type: 'Duplicate', direction: 'outward' },
        { key: 'IT-9', type: 'Relates', direction: 'inward' },
      ],
    });
    expect(t.description).toContain('Seit heute früh kein VPN.');
    expect(t.comments.map((c) => c.internal)).toEqual([false, true]);
    expect(t.comments[1]?.body).toContain('Gateway neu gestartet.');
  });

  it('never keeps the reporter’s address, only its domain', () => {
    const t = issueToTicket(issue(), options);
    expect(JSON.stringify(t)).not.toContain('Anna.Mueller');
  });

  it('treats missing optional fields as empty, not as errors', () => {
    const t = issueToTicket(
      issue({
        description: null,
        comment: undefined,
        priority: null,
        components: null,
        labels: undefined,
        issuelinks: undefined,
        assignee: null,
        reporter: null,
        customfield_10010: null,
        customfield_10001: undefined,
        customfield_10002: [],
        customfield_10060: null,
      }),
      options,
    );
    expect(t).toMatchObject({
      description: '',
      comments: [],
      priority: null,
      components: [],
      labels: [],
      links: [],
      assigneeId: null,
      reporterDomain: null,
      requestType: null,
      team: null,
      organization: null,
      custom: {},
    });
  });

  it('keeps a multi-select category as a list', () => {
    const t = issueToTicket(
      issue({ customfield_10060: [{ value: 'Network' }, { value: 'Access' }] }),
      options,
    );
    expect(t.custom.customfield_10060).toEqual(['Network', 'Access']);
  });

  it('keeps hostile texts as text and does not pollute prototypes', () => {
    const t = issueToTicket(
      issue({
        summary: '<script>alert(1)</script>',
        labels: ['__proto__', 'constructor'],
        customfield_10060: { value: '__proto__' },
      }),
      options,
    );
    expect(t.summary).toBe('<script>alert(1)</script>');
    expect(t.labels).toEqual(['__proto__', 'constructor']);
    expect(t.custom.customfield_10060).toBe('__proto__');
    expect(({} as Record<string, unknown>).customfield_10060).toBeUndefined();
  });

  it('bounds huge texts and long comment threads', () => {
    const many = Array.from({ length: 80 }, (_v, i) => ({
      author: { accountId: 'a' },
      body: textToAdf(`c${i}`),
      created: '2026-11-20T08:00:00.000+0000',
    }));
    const t = issueToTicket(
      issue({
        summary: 'x'.repeat(5000),
        description: textToAdf('y'.repeat(300_000)),
        comment: { comments: many },
      }),
      options,
    );
    expect(t.summary).toHaveLength(1000);
    expect(t.description.length).toBeLessThanOrEqual(100_000);
    expect(t.comments).toHaveLength(20);
    expect(t.comments[19]?.body).toContain('c79');
  });

  it('names the field when an issue lacks what every issue has', () => {
    expect(() => issueToTicket(issue({ status: undefined }), options)).toThrow(/status/);
    expect(() => issueToTicket(issue({ created: 'yesterday' }), options)).toThrow(/created/);
  });
});

describe('ticketFieldIds', () => {
  it('asks for the standard fields plus the mapped custom fields, once each', () => {
    const ids = ticketFieldIds({ ...fields, categories: ['customfield_10060', 'customfield_10010'] });
    expect(ids).toEqual(
      expect.arrayContaining([
        'summary',
        'description',
        'comment',
        'issuelinks',
        'customfield_10010',
        'customfield_10001',
        'customfield_10060',
        DEFAULT_SITE_FIELDS.majorIncident,
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the Major incident flag', () => {
  const field = DEFAULT_SITE_FIELDS.majorIncident ?? '';
  it('is read from the mapped field and left out when the field is empty', () => {
    expect(issueToTicket(issue({ [field]: 'MAJOR_INCIDENT' }), options).majorIncident).toBe(true);
    expect(issueToTicket(issue({ [field]: null }), options)).not.toHaveProperty('majorIncident');
    expect(issueToTicket(issue(), options)).not.toHaveProperty('majorIncident');
  });

  it.each([
    [true, true],
    ['true', true],
    ['MAJOR_INCIDENT', true],
    [{ value: 'Major incident', id: '1' }, true],
    [[{ value: 'Major incident' }], true],
    [false, false],
    [null, false],
    ['', false],
    // An unrelated field at a wrongly mapped id is not taken for the flag.
    [{ value: 'Network' }, false],
    ['Minor', false],
  ])('%j → %s', (value, expected) => {
    expect(isMajorIncident(value)).toBe(expected);
  });
});

describe('emailDomain', () => {
  it.each([
    ['a@b.com', 'b.com'],
    [' Jane.Doe@Sub.Example.ORG ', 'sub.example.org'],
    ['no-at-sign', null],
    ['a@b', null],
    ['a@b@c.com', null],
    [undefined, null],
  ])('%s → %s', (input, expected) => {
    expect(emailDomain(input)).toBe(expected);
  });
});
