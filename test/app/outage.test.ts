import type { PanelData } from '../../src/contracts/panel';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(240_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ quickTraining: true, tickets: 200, trigger: false });
  await installAndTrain(h);
});
afterAll(() => h.close());

async function panel(issueKey: string, accountId = h.users.agent): Promise<PanelData> {
  // A fresh app per call: no visibility answers cached from before a permission change.
  const result = await h.twin().resolvers[RESOLVERS.panelGet]({ issueKey, locale: 'en' }, { accountId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** The demo's ongoing burst: tickets of the last three hours and the open problem raised for it. */
function ongoing() {
  const now = h.site.now();
  const outage = h.planted.outages.find((o) => o.start > now - 4 * 3_600_000);
  if (!outage) throw new Error('no ongoing outage planted');
  return outage;
}

function unlinked(keys: readonly string[], problemKey: string): string {
  const key = keys.find(
    (k) => !h.site.linksOf(k).some((l) => l.fromKey === problemKey || l.toKey === problemKey),
  );
  if (!key) throw new Error('every burst ticket links the problem');
  return key;
}

describe('the known-outage banner', () => {
  it('says a burst ticket is part of an ongoing outage, with the count, the hours and the open problem', async () => {
    const outage = ongoing();
    const key = unlinked(outage.keys, outage.problemKey);
    const data = await panel(key);
    expect(data.outage).toMatchObject({
      problem: { key: outage.problemKey },
      linked: false,
    });
    // The burst's tickets in this one's language at least (clusters are per wording).
    const language = h.seed.tickets.find((t) => t.key === key)?.language;
    const sameLanguage = h.seed.tickets.filter((t) => outage.keys.includes(t.key) && t.language === language);
    expect(data.outage?.similarRecent).toBeGreaterThanOrEqual(sameLanguage.length - 1);
    expect(data.outage?.similarRecent).toBeLessThan(outage.keys.length);
    expect(data.outage?.hours).toBeGreaterThanOrEqual(1);
    expect(data.outage?.hours).toBeLessThanOrEqual(4);
    expect(data.outage?.terms.length).toBeGreaterThan(0);
  });

  it('shows no banner on an ordinary ticket nor on the problem ticket itself', async () => {
    const outage = ongoing();
    const burstTypes = new Set(h.planted.outages.flatMap((o) => o.keys));
    const old = h.seed.tickets.find(
      (t) => !burstTypes.has(t.key) && t.created < h.site.now() - 30 * 86_400_000 && t.resolved !== null,
    );
    if (!old) throw new Error('no old resolved ticket');
    expect((await panel(old.key)).outage).toBeNull();
    expect((await panel(outage.problemKey)).outage).toBeNull();
  });

  /** Runs `check` while `keys` are behind a security level only the admin holds. */
  async function hiding(keys: readonly string[], check: () => Promise<void>): Promise<void> {
    h.site.securityLevels.set('10', {
      id: '10',
      name: 'Restricted',
      projectKey: '',
      memberIds: [h.users.admin],
    });
    for (const k of keys) {
      const issue = h.site.issue(k);
      if (issue) issue.securityLevelId = '10';
    }
    try {
      await check();
    } finally {
      for (const k of keys) {
        const issue = h.site.issue(k);
        if (issue) issue.securityLevelId = null;
      }
      h.site.securityLevels.delete('10');
    }
  }

  it('never names a problem the viewer may not see', async () => {
    const outage = ongoing();
    const key = unlinked(outage.keys, outage.problemKey);
    await hiding([outage.problemKey], async () => {
      const seen = (await panel(key)).outage;
      expect(seen?.problem ?? null).toBeNull();
      expect(JSON.stringify(seen)).not.toContain(outage.problemKey);
    });
  });

  it('counts only the burst tickets the viewer may see', async () => {
    const outage = ongoing();
    const key = unlinked(outage.keys, outage.problemKey);
    const full = (await panel(key)).outage?.similarRecent ?? 0;
    // Above the admin's N (3) with one ticket fewer, so the banner stays and the count drops.
    expect(full).toBeGreaterThanOrEqual(3);
    const language = h.seed.tickets.find((t) => t.key === key)?.language;
    const member = outage.keys.find(
      (k) => k !== key && h.seed.tickets.find((t) => t.key === k)?.language === language,
    );
    await hiding([member ?? ''], async () => {
      expect((await panel(key)).outage?.similarRecent).toBe(full - 1);
    });
  });

  it('links the ticket to the problem in one click, audited, and then shows it as linked', async () => {
    const outage = ongoing();
    const key = unlinked(outage.keys, outage.problemKey);
    const result = await h.app.resolvers[RESOLVERS.panelLink](
      { issueKey: key, otherKey: outage.problemKey, kind: 'problem' },
      { accountId: h.users.agent },
    );
    expect(result.ok).toBe(true);
    expect(
      h.site.linksOf(key).find((l) => l.fromKey === outage.problemKey || l.toKey === outage.problemKey),
    ).toMatchObject({
      type: { name: 'Problem/Incident' },
    });
    expect((await panel(key)).outage).toMatchObject({ problem: { key: outage.problemKey }, linked: true });
    const audit = await h.storage.audit.query({ limit: 5 });
    expect(audit.items[0]).toMatchObject({ action: 'link', issueKey: key, fieldId: 'problemLink' });
  });

  describe('the major incident', () => {
    function majorOf() {
      const outage = ongoing();
      if (!outage.majorIncidentKey) throw new Error('the ongoing outage has no major incident');
      return { outage, major: outage.majorIncidentKey };
    }

    it('is flagged on the emulated site and read into the stored ticket', async () => {
      const { major } = majorOf();
      expect(h.site.issue(major)?.majorIncident).toBe(true);
      expect((await h.storage.tickets.getByKey(major))?.majorIncident).toBe(true);
    });

    it('is named in a burst ticket’s banner, not in its own', async () => {
      const { outage, major } = majorOf();
      const key = outage.keys.find((k) => k !== major && !h.site.linksOf(k).some((l) => l.toKey === major));
      const data = await panel(key ?? '');
      expect(data.outage?.majorIncident).toMatchObject({ key: major, linked: false });
      expect(data.outage?.majorIncident?.summary.length).toBeGreaterThan(0);
      expect((await panel(major)).outage?.majorIncident ?? null).toBeNull();
    });

    it('is never named to a viewer who may not see it', async () => {
      const { outage, major } = majorOf();
      const key = outage.keys.find((k) => k !== major) ?? '';
      await hiding([major], async () => {
        const seen = (await panel(key)).outage;
        expect(seen?.majorIncident ?? null).toBeNull();
        expect(JSON.stringify(seen)).not.toContain(`"${major}"`);
      });
    });

    it('is not named once it is resolved', async () => {
      const { outage, major } = majorOf();
      const key = outage.keys.find((k) => k !== major) ?? '';
      const stored = await h.storage.tickets.getByKey(major);
      if (!stored) throw new Error('major incident not stored');
      await h.storage.tickets.upsert({ ...stored, statusCategory: 'done', updated: stored.updated + 1 });
      try {
        expect((await panel(key)).outage?.majorIncident ?? null).toBeNull();
      } finally {
        await h.storage.tickets.upsert({ ...stored, updated: stored.updated + 2 });
      }
    });

    it('is linked in one click (a Relates link), audited, and then shown as linked', async () => {
      const { outage, major } = majorOf();
      const key =
        outage.keys.find(
          (k) => k !== major && !h.site.linksOf(k).some((l) => l.toKey === major || l.fromKey === major),
        ) ?? '';
      const result = await h.app.resolvers[RESOLVERS.panelLink](
        { issueKey: key, otherKey: major, kind: 'majorIncident' },
        { accountId: h.users.agent },
      );
      expect(result.ok).toBe(true);
      expect(h.site.linksOf(key).find((l) => l.fromKey === major || l.toKey === major)).toMatchObject({
        type: { name: 'Relates' },
      });
      expect((await panel(key)).outage?.majorIncident).toMatchObject({ key: major, linked: true });
      const audit = await h.storage.audit.query({ limit: 5 });
      expect(audit.items[0]).toMatchObject({
        action: 'link',
        issueKey: key,
        fieldId: 'majorIncidentLink',
        after: major,
      });
      const metrics = await h.storage.feedback.dailyCounts(0);
      expect(metrics.some((r) => r.fieldId === 'majorIncidentLink')).toBe(true);
    });
  });

  describe('“not part of this outage”', () => {
    const dismiss = (issueKey: string, undo = false) =>
      h.app.resolvers[RESOLVERS.panelOutageDismiss]({ issueKey, undo }, { accountId: h.users.agent });

    it('hides the banner on that ticket only, recorded and audited, and is undone by “Show again”', async () => {
      const outage = ongoing();
      const [key, other] = outage.keys.filter((k) => k !== outage.majorIncidentKey);
      if (!key || !other) throw new Error('burst too small');
      expect((await dismiss(key)).ok).toBe(true);
      const hidden = await panel(key);
      expect(hidden.outage).toMatchObject({ dismissed: true, problem: { key: outage.problemKey } });
      expect((await panel(other)).outage?.dismissed ?? false).toBe(false);
      const [entry] = (await h.storage.audit.query({ limit: 1 })).items;
      expect(entry).toMatchObject({
        action: 'outage-dismiss',
        issueKey: key,
        fieldId: 'outage',
        reason: 'dismissed',
      });
      expect(entry?.after).toContain(outage.problemKey);
      const counted = async () =>
        (await h.storage.feedback.dailyCounts(0))
          .filter((r) => r.fieldId === 'outage')
          .reduce((n, r) => n + r.dismissed, 0);
      expect(await counted()).toBe(1);

      expect((await dismiss(key, true)).ok).toBe(true);
      expect((await panel(key)).outage?.dismissed ?? false).toBe(false);
      expect(await counted()).toBe(0);
      const [undone] = (await h.storage.audit.query({ limit: 1 })).items;
      expect(undone).toMatchObject({ action: 'undo-outage-dismiss', issueKey: key, reason: 'undone' });
      const again = await dismiss(key, true);
      expect(again.ok ? 'ok' : again.error.code).toBe('bad_request');
    });

    it('is refused on a ticket that matches no outage', async () => {
      const burst = new Set(h.planted.outages.flatMap((o) => o.keys));
      const old = h.seed.tickets.find(
        (t) => !burst.has(t.key) && t.created < h.site.now() - 30 * 86_400_000 && t.resolved !== null,
      );
      const result = await dismiss(old?.key ?? '');
      expect(result.ok ? 'ok' : result.error.code).toBe('bad_request');
    });
  });

  // Last: it adds a ticket to the burst.
  it('clusters the window once while nothing in it changes, and again when a ticket arrives', async () => {
    const outage = ongoing();
    const key = unlinked(
      outage.keys.filter((k) => k !== outage.majorIncidentKey),
      outage.problemKey,
    );
    const revision = async () => (await h.storage.state.get('outage-clusters'))?.revision ?? 0;
    const first = (await panel(key)).outage;
    const stored = await revision();
    expect(stored).toBeGreaterThan(0);
    // A second open reads the stored clusters: the same banner, nothing rewritten.
    expect((await panel(key)).outage).toEqual(first);
    expect(await revision()).toBe(stored);

    // A new ticket in the window (stored by its first panel open) changes what is clustered.
    const model = h.site.issue(key);
    const customer = h.site.users.get(h.users.customer);
    if (!model || !customer) throw new Error('no seed');
    const arrived = h.site.createIssue(
      { ...model, majorIncident: false, status: 'Waiting for support', assigneeId: null, resolution: null },
      { kind: 'user', user: customer },
    );
    await panel(arrived.key);
    expect(await revision()).toBeGreaterThan(stored);
    expect((await panel(key)).outage?.similarRecent).toBe((first?.similarRecent ?? 0) + 1);
    await h.queue.drain();
  });
});
