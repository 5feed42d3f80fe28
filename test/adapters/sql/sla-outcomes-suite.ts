/**
 * The SLA outcome log's tests, run unchanged on SQLite (sla-outcomes.test.ts) and MariaDB
 * (sla-outcomes.mariadb.test.ts).
 */
import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import type { SqlStorage } from '../../../src/adapters/sql/storage';
import type { SlaReading } from '../../../src/core/ports/sla-outcomes';
import { ticket } from './fixtures';
import type { Harness } from './storage-suite';

export function describeSlaOutcomes(label: string, harness: Harness): void {
  describe(`SLA outcome log on ${label}`, () => {
    let sqlDb: SqlDatabase;
    let s: SqlStorage;
    beforeEach(async () => {
      sqlDb = await harness.open();
      s = createSqlStorage(sqlDb);
    });
    afterEach(() => harness.close(sqlDb));

    const reading = (over: Partial<SlaReading> = {}): SlaReading => ({
      ticketId: '101',
      issueKey: 'IT-1',
      metricName: 'Time to resolution',
      cycleStart: 1_700_000_000_000,
      at: 1_700_000_100_000,
      probability: 0.2,
      band: 'on-track',
      goalMs: 8 * 3_600_000,
      elapsedMs: 3_600_000,
      ...over,
    });

    it('keeps the first prediction, raises only the peak band, and counts the outcome', async () => {
      await s.slaOutcomes.record(reading());
      await s.slaOutcomes.record(reading({ probability: 0.7, band: 'likely-breach', at: 1_700_000_200_000 }));
      // A lower reading later does not lower the peak.
      await s.slaOutcomes.record(reading({ probability: 0.4, band: 'at-risk', at: 1_700_000_300_000 }));
      expect(await s.slaOutcomes.pending(['101'])).toEqual([
        {
          ticketId: '101',
          metricName: 'Time to resolution',
          cycleStart: 1_700_000_000_000,
          peakBand: 'likely-breach',
        },
      ]);
      expect(await s.slaOutcomes.settle(reading(), true, 1_700_000_400_000)).toBe(true);
      // Settled once: a second settle (a duplicate sweep) changes nothing.
      expect(await s.slaOutcomes.settle(reading(), false, 1_700_000_500_000)).toBe(false);
      expect(await s.slaOutcomes.pending(['101'])).toEqual([]);
      const counts = await s.slaOutcomes.counts(0);
      expect(counts.byPeakBand).toEqual([
        { band: 'on-track', cycles: 0, breached: 0 },
        { band: 'at-risk', cycles: 0, breached: 0 },
        { band: 'likely-breach', cycles: 1, breached: 1 },
      ]);
      // The reliability row is the first prediction's (0.2), not the peak's.
      expect(counts.byFirstProbability).toHaveLength(1);
      expect(counts.byFirstProbability[0]).toMatchObject({ bin: 2, cycles: 1, breached: 1 });
      expect(counts.byFirstProbability[0]?.probabilitySum).toBeCloseTo(0.2, 6);
    });

    it('tells repeated cycles and metrics apart, and counts only cycles settled in the period', async () => {
      const cycles = [
        reading({ probability: 0.05 }),
        reading({ cycleStart: 1_700_001_000_000, probability: 0.95, band: 'likely-breach' }),
        reading({ metricName: 'Time to first response', probability: 0.35, band: 'at-risk' }),
        reading({ ticketId: '102', issueKey: 'IT-2', probability: 0.99, band: 'likely-breach' }),
      ];
      for (const c of cycles) await s.slaOutcomes.record(c);
      expect(await s.slaOutcomes.pending(['101', '102', '999'])).toHaveLength(4);
      await s.slaOutcomes.settle(cycles[0]!, false, 1_000);
      await s.slaOutcomes.settle(cycles[1]!, true, 5_000);
      await s.slaOutcomes.settle(cycles[2]!, false, 5_000);
      const counts = await s.slaOutcomes.counts(2_000);
      expect(counts.byPeakBand).toEqual([
        { band: 'on-track', cycles: 0, breached: 0 },
        { band: 'at-risk', cycles: 1, breached: 0 },
        { band: 'likely-breach', cycles: 1, breached: 1 },
      ]);
      expect(counts.byFirstProbability.map((b) => [b.bin, b.cycles, b.breached])).toEqual([
        [3, 1, 0],
        [9, 1, 1],
      ]);
      expect(await s.slaOutcomes.purgeSettledBefore(2_000, 10)).toBe(1);
      expect((await s.slaOutcomes.counts(0)).byPeakBand.reduce((n, b) => n + b.cycles, 0)).toBe(2);
    });

    it('lists the newest settled cycles, oldest first, as first read', async () => {
      for (let i = 0; i < 5; i++) {
        const r = reading({ ticketId: String(300 + i), at: 1_000 * (5 - i), elapsedMs: 60_000 * i });
        await s.slaOutcomes.record(r);
        // A later reading changes neither when nor how far in the first one was made.
        await s.slaOutcomes.record({ ...r, at: 99_000, elapsedMs: 1, band: 'likely-breach' });
        if (i !== 2) await s.slaOutcomes.settle(r, i % 2 === 0, 100_000);
      }
      const settled = await s.slaOutcomes.settled(3);
      expect(settled.map((c) => [c.ticketId, c.at, c.elapsedMs, c.breached])).toEqual([
        ['303', 2_000, 180_000, false],
        ['301', 4_000, 60_000, false],
        ['300', 5_000, 0, true],
      ]);
      expect(settled[0]).toMatchObject({ metricName: 'Time to resolution', goalMs: 8 * 3_600_000 });
    });

    it('lists pending cycles of tickets no longer open or no longer stored, and drops them', async () => {
      await s.tickets.upsert(ticket(1, { id: '201', key: 'IT-201', statusCategory: 'new' }));
      await s.tickets.upsert(
        ticket(2, { id: '202', key: 'IT-202', statusCategory: 'done', resolved: 1_700_000_000_000 }),
      );
      for (const id of ['201', '202', '203']) await s.slaOutcomes.record(reading({ ticketId: id }));
      expect(await s.slaOutcomes.pendingClosed(10, null)).toEqual(['202', '203']);
      expect(await s.slaOutcomes.pendingClosed(10, '202')).toEqual(['203']);
      await s.slaOutcomes.drop(await s.slaOutcomes.pending(['203']));
      expect(await s.slaOutcomes.pendingClosed(10, null)).toEqual(['202']);
    });

    it('stores odd metric names and out-of-range probabilities safely', async () => {
      const name = `Zeit bis zur Lösung 🚀 '; DROP TABLE tl_sla_predictions; -- ${'x'.repeat(300)}`;
      await s.slaOutcomes.record(reading({ metricName: name, probability: Number.NaN }));
      await s.slaOutcomes.record(reading({ metricName: 'other', probability: 7 }));
      const pending = await s.slaOutcomes.pending(['101']);
      expect(pending).toHaveLength(2);
      const long = pending.find((p) => p.metricName !== 'other')!;
      expect(await s.slaOutcomes.settle({ ...long, metricName: name }, false, 10)).toBe(true);
      const counts = await s.slaOutcomes.counts(0);
      expect(counts.byFirstProbability.map((b) => b.bin)).toEqual([0]);
    });
  });
}
