import type { Rng } from '../../engine/util';
import type { SeedLanguage, SeedTeam, SeedUser } from '../emulator/seed';
import { hex, pickWeighted } from './random';
import { int, mailLocalPart, personName, pick } from './slots';

/** The demo company's people: a site admin, agents per team with capacities, and customers. */

export const ORGANIZATIONS = [
  { domain: 'example-corp.com', name: 'Example Corp' },
  { domain: 'example-corp.de', name: 'Example Corp Deutschland GmbH' },
  { domain: 'example-logistics.com', name: 'Example Logistics' },
  { domain: 'contractor-mail.net', name: 'External contractors' },
];

export function makeUsers(rng: Rng, teams: SeedTeam[]): SeedUser[] {
  const users: SeedUser[] = [];
  const used = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const n = personName(rng);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const accountId = (): string =>
    `712020:${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
  users.push({
    accountId: accountId(),
    displayName: 'Site Admin',
    email: 'jira-admin@example-corp.com',
    kind: 'admin',
    teamId: null,
    capacity: null,
    locale: 'en_US',
  });
  for (const team of teams) {
    const size = team.projectKey === 'IT' ? int(rng, 4, 7) : int(rng, 3, 4);
    for (let i = 0; i < size; i++) {
      const name = uniqueName();
      users.push({
        accountId: accountId(),
        displayName: name,
        email: `${mailLocalPart(name)}@example-corp.com`,
        kind: 'agent',
        teamId: team.id,
        capacity: int(rng, 6, 20),
        locale: rng() < 0.6 ? 'de_DE' : 'en_US',
      });
    }
  }
  for (let i = 0; i < 420; i++) {
    const name = uniqueName();
    const org = pickWeighted(rng, ORGANIZATIONS, (_o, j) => [8, 6, 3, 1][j] ?? 1);
    users.push({
      accountId: accountId(),
      displayName: name,
      email: `${mailLocalPart(name)}@${org.domain}`,
      kind: 'customer',
      teamId: null,
      capacity: null,
      locale: rng() < 0.55 ? 'de_DE' : 'en_US',
    });
  }
  return users;
}

export function organizationOf(email: string): string | null {
  const domain = email.slice(email.indexOf('@') + 1);
  return ORGANIZATIONS.find((o) => o.domain === domain)?.name ?? null;
}

export function pickCustomer(rng: Rng, customers: SeedUser[], language: SeedLanguage): SeedUser {
  // People mostly write in their own language; a few write in the other one.
  const locale = language === 'de' ? 'de_DE' : 'en_US';
  for (let tries = 0; tries < 8; tries++) {
    const c = pick(rng, customers);
    if (c.locale === locale || rng() < 0.15) return c;
  }
  return pick(rng, customers);
}
