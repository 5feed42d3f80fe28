import type { ResolverResult } from '../../src/contracts/common';
import { RESOLVERS } from '../../src/contracts/resolvers';
import type { ResolverKey } from '../../src/contracts/resolvers';
import { DEFAULT_CONFIG } from '../../src/contracts/config';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(120_000);

/** The error code of a resolver answer, or 'ok'. */
function codeOf(result: ResolverResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

/**
 * Every resolver in the table is an agent (panel/, queue/) or an admin resolver, told by its key: a new
 * resolver is covered by the authorization tests below the moment it is added, with no list to
 * forget to update.
 */
const ALL_KEYS: ResolverKey[] = Object.values(RESOLVERS);
const ADMIN_KEYS = ALL_KEYS.filter((k) => k.startsWith('admin/'));
const AGENT_KEYS = ALL_KEYS.filter((k) => k.startsWith('panel/') || k.startsWith('queue/'));

/** An account id Jira does not know (deleted, mistyped, or made up by a caller). */
const UNKNOWN_ACCOUNT = '712020:00000000-0000-0000-0000-000000000000';

/** Payloads no resolver may accept: wrong types, injection-looking text, odd Unicode, sheer size. */
const HOSTILE: unknown[] = [
  'IT-1',
  42,
  [{ issueKey: 'IT-1' }],
  { issueKey: '<script>alert(1)</script>' },
  { issueKey: 'IT-1\u202e', fieldId: 'priority', value: 'High' },
  { issueKey: "IT-1' OR '1'='1", otherKey: 'IT-2', kind: 'duplicate' },
  JSON.parse('{"__proto__": {"isAdmin": true}, "issueKey": {"$ne": null}}'),
  { constructor: { prototype: { polluted: true } }, issueKey: 7 },
  {
    issueKey: 'IT-1',
    fieldId: '__proto__',
    value: 'x',
    accountId: '../../admin',
    days: -1,
    limit: 1e9,
    rule: 'x'.repeat(70_000),
  },
  { issueKey: `IT-${'9'.repeat(40)}`, version: 2, fields: 'all' },
  { issueKey: 'x'.repeat(300_000) },
];

describe('resolvers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tickets: 120, trigger: false });
    await installAndTrain(h);
  });
  afterAll(() => h.close());

  it('knows every resolver as a panel or an admin one', () => {
    expect([...ADMIN_KEYS, ...AGENT_KEYS].sort()).toEqual([...ALL_KEYS].sort());
  });

  it.each(ADMIN_KEYS)('%s refuses agents, customers and unknown accounts, serves admins', async (key) => {
    for (const accountId of [h.users.agent, h.users.customer]) {
      const refused = await h.app.resolvers[key]({}, { accountId });
      expect(codeOf(refused)).toBe('forbidden');
    }
    expect(codeOf(await h.app.resolvers[key]({}, { accountId: UNKNOWN_ACCOUNT }))).toMatch(
      /^(forbidden|unauthenticated)$/,
    );
    // These need a payload: their own tests cover what an admin gets.
    if (
      key === RESOLVERS.adminConfigSave ||
      key === RESOLVERS.adminDryRun ||
      key === RESOLVERS.adminRecurringDismiss ||
      key === RESOLVERS.adminReleaseApprove ||
      key === RESOLVERS.adminReleaseDecline ||
      key === RESOLVERS.adminReleaseRollback ||
      key === RESOLVERS.adminGovernanceSave ||
      key === RESOLVERS.adminDriftAcknowledge
    )
      return;
    const served = await h.app.resolvers[key]({}, { accountId: h.users.admin });
    expect(served.ok).toBe(true);
  });

  it.each(Object.values(RESOLVERS))('%s answers every hostile payload with bad_request', async (key) => {
    for (const payload of HOSTILE) {
      const result = await h.app.resolvers[key](payload, { accountId: h.users.admin });
      expect(codeOf(result)).toBe('bad_request');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('validates a saved configuration, rules included, naming each bad path', async () => {
    const bad = {
      ...DEFAULT_CONFIG,
      fields: [...DEFAULT_CONFIG.fields, { ...DEFAULT_CONFIG.fields[0], mode: 'always' }],
      rules: [{ id: 'r1', name: 'VPN', conditions: [{ kind: 'regex', anyOf: ['.*'] }], actions: {} }],
    };
    const result = await h.app.resolvers[RESOLVERS.adminConfigSave](bad, { accountId: h.users.admin });
    if (result.ok) throw new Error('accepted an invalid configuration');
    expect(result.error.issues?.map((i) => i.path)).toContain('fields.4.mode');
    const rules = { ...DEFAULT_CONFIG, rules: bad.rules };
    const second = await h.app.resolvers[RESOLVERS.adminConfigSave](rules, { accountId: h.users.admin });
    if (second.ok) throw new Error('accepted an invalid rule');
    expect(second.error.issues?.every((i) => i.path.startsWith('rules.0'))).toBe(true);
    expect(await h.config.load()).toEqual(DEFAULT_CONFIG);

    const good = {
      ...DEFAULT_CONFIG,
      rules: [
        {
          id: 'r1',
          name: 'VPN to network',
          conditions: [{ kind: 'text', anyOf: ['vpn'] }],
          actions: { team: 'Network' },
        },
      ],
    };
    const saved = await h.app.resolvers[RESOLVERS.adminConfigSave](good, { accountId: h.users.admin });
    expect(saved.ok).toBe(true);
    expect((await h.config.load()).rules).toHaveLength(1);
    await h.config.save(DEFAULT_CONFIG);
  });

  it.each(Object.values(RESOLVERS))(
    '%s refuses a portal customer, even on their own request',
    async (key) => {
      const own = h.site.allIssues().find((i) => h.site.users.get(i.reporterId)?.kind === 'customer');
      if (!own) throw new Error('no customer reported anything');
      const other = h.site.allIssues().find((i) => i.key !== own.key);
      const payload = { issueKey: own.key, otherKey: other?.key, kind: 'related', fieldId: 'priority' };
      const result = await h.app.resolvers[key](payload, { accountId: own.reporterId });
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) as unknown });
    },
  );

  it.each(AGENT_KEYS)('%s refuses an account Jira does not know', async (key) => {
    const issue = h.site.allIssues()[0];
    const payload = { issueKey: issue?.key, otherKey: 'IT-2', kind: 'related', fieldId: 'priority' };
    const result = await h.app.resolvers[key](payload, { accountId: UNKNOWN_ACCOUNT });
    expect(codeOf(result)).toMatch(/^(forbidden|unauthenticated)$/);
  });

  it('refuses the panel of an issue the user cannot see', async () => {
    const other = h.site.allIssues().find((i) => i.reporterId !== h.users.customer);
    const result = await h.app.resolvers[RESOLVERS.panelGet](
      { issueKey: other?.key },
      { accountId: h.users.customer },
    );
    expect(codeOf(result)).toMatch(/^(not_found|forbidden)$/);
  });
});
