import type { Ticket } from '../../src/core/shared/ticket';

/** A valid ticket with overridable fields, for tests that need one without a Jira round trip. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: '10001',
    key: 'IT-1',
    projectKey: 'IT',
    summary: 'VPN drops every hour',
    description: 'Since Monday the VPN client disconnects.',
    comments: [],
    issueType: 'Service Request',
    requestType: null,
    priority: null,
    components: [],
    labels: [],
    custom: {},
    status: 'Open',
    statusCategory: 'new',
    resolution: null,
    assigneeId: null,
    team: null,
    reporterId: null,
    reporterDomain: null,
    organization: null,
    created: 1_700_000_000_000,
    updated: 1_700_000_000_000,
    resolved: null,
    links: [],
    ...overrides,
  };
}
