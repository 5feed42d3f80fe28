import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import { startWorkbench } from '../../../src/local/workbench/start';
import { staticFixture } from './fixture';
import { rawRequest } from './http';

jest.setTimeout(120_000);

/** Handles that keep a process alive (servers, sockets, ref'd timers), counted by kind. */
function liveHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'FSReqCallback' || kind === 'Immediate') continue;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

it('stop() leaves no server, socket or timer behind, even in the middle of the backfill', async () => {
  const staticRoot = staticFixture();
  const before = liveHandles();
  const wb = await startWorkbench({ port: 0, demoTickets: 400, staticRoot });
  const url = wb.url;
  expect((await rawRequest(url, '/')).status).toBe(200);
  expect(wb.status().phase).not.toBe('ready');
  expect(liveHandles().get('TCPServerWrap')).toBe(2); // the workbench and the emulator
  await wb.stop();
  await wb.stop(); // idempotent
  await expect(rawRequest(url, '/')).rejects.toThrow();
  await expect(wb.ready()).rejects.toThrow(/stopped/);
  await new Promise((r) => setTimeout(r, 300)); // closed sockets run their close callbacks
  const after = liveHandles();
  expect(after.get('TCPServerWrap')).toBeUndefined();
  expect(after.get('TCPSocketWrap')).toBeUndefined();
  expect(after.get('Timeout') ?? 0).toBeLessThanOrEqual(before.get('Timeout') ?? 0);
});

it('a kept database is not backfilled again on the next start', async () => {
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'tl-keep-')), 'wb.db');
  const staticRoot = staticFixture();
  const first = await startWorkbench({ port: 0, demoTickets: 120, staticRoot, dbPath });
  await first.ready();
  await first.stop();
  const second = await startWorkbench({ port: 0, demoTickets: 120, staticRoot, dbPath });
  try {
    const started = Date.now();
    await second.ready();
    // Only the job records are read: no backfill, no training.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(second.emulator.site.allIssues().length).toBe(first.emulator.site.allIssues().length);
  } finally {
    await second.stop();
  }
});

it('a kept database stopped in the middle of the backfill carries on at the next start', async () => {
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'tl-resume-')), 'wb.db');
  const staticRoot = staticFixture();
  const first = await startWorkbench({ port: 0, demoTickets: 400, staticRoot, dbPath });
  while (first.status().phase !== 'backfill') await new Promise((r) => setTimeout(r, 50));
  await first.stop();
  const second = await startWorkbench({ port: 0, demoTickets: 400, staticRoot, dbPath });
  try {
    await second.ready();
    expect(second.status().message).toContain(`${second.emulator.site.allIssues().length} tickets`);
  } finally {
    await second.stop();
  }
});

it('runs the SLA sweep once the site is ready, as Forge’s hourly trigger would', async () => {
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'tl-sweep-')), 'wb.db');
  const wb = await startWorkbench({ port: 0, demoTickets: 120, staticRoot: staticFixture(), dbPath });
  const reader = await openSqlite(dbPath);
  try {
    await wb.ready();
    const jobs = createSqlStorage(reader).jobs;
    let sweep = await jobs.get('sla-sweep');
    for (let waited = 0; sweep?.status.state !== 'done' && waited < 60_000; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
      sweep = await jobs.get('sla-sweep');
    }
    expect(sweep?.status.state).toBe('done');
    expect(sweep?.status.processed).toBeGreaterThan(0);
  } finally {
    await wb.stop();
    await reader.close();
  }
});
