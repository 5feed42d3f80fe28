import { startHarness } from './harness';

jest.setTimeout(120_000);

describe('retention', () => {
  it('purges resolved tickets past the window with their derived rows, and keeps open ones', async () => {
    const h = await startHarness({
      quickTraining: true,
      tickets: 150,
      trigger: false,
      config: { retentionDays: 90 },
    });
    try {
      await h.app.handleInstalled();
      await h.queue.drain();
      const cutoff = h.site.now() - 90 * 86_400_000;
      const issues = h.site.allIssues();
      const old = issues.filter((i) => i.statusCategory === 'done' && i.updated < cutoff);
      const kept = issues.filter((i) => !old.includes(i));
      expect(old.length).toBeGreaterThan(0);

      await h.app.scheduled.retrain();
      expect(await h.storage.tickets.getMany(old.map((i) => i.id))).toEqual([]);
      expect(await h.storage.index.entries(old.map((i) => i.id))).toEqual([]);
      expect((await h.storage.tickets.getMany(kept.map((i) => i.id))).length).toBe(kept.length);
      expect((await h.storage.index.stats()).documents).toBe(kept.length);
    } finally {
      await h.close();
    }
  });
});
