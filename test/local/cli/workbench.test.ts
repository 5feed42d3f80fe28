import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/local/cli/main';
import { exportCsv } from '../../../src/local/demo/export-csv';
import { generateDemo } from '../../../src/local/demo/generate';
import { startWorkbench } from '../../../src/local/workbench/start';
import { staticFixture } from '../workbench/fixture';

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), 'tl-workbench-cli-'));

describe('workbench --input', () => {
  it('runs on a Jira CSV export: every ticket, its links and people are in the emulated site', async () => {
    const demo = generateDemo({ tickets: 60, seed: 3 });
    // One link of our own, so the link columns are exercised whatever the generator planted.
    const [first, second] = demo.site.tickets;
    demo.site.links.push({ type: 'Duplicate', inwardKey: second!.key, outwardKey: first!.key });
    const input = path.join(dir, 'small.csv');
    writeFileSync(input, exportCsv(demo.site));
    const wb = await startWorkbench({ port: 0, input, staticRoot: staticFixture() });
    // A session for an agent of the export, as the user picker sets it.
    const agent = [...wb.emulator.site.users.values()].find((u) => u.kind !== 'customer')!;
    const session = { headers: { cookie: `tl_user=${encodeURIComponent(agent.accountId)}` } };
    try {
      const site = wb.emulator.site;
      expect(
        site
          .allIssues()
          .map((i) => i.key)
          .sort(),
      ).toEqual(demo.site.tickets.map((t) => t.key).sort());
      // "IT-2 duplicates IT-1", as the issue view shows it.
      const linked = await (await fetch(`${wb.url}/browse/${second!.key}`, session)).text();
      expect(linked).toMatch(
        new RegExp(`data-link-type="Duplicate" data-link-key="${first!.key}">\\s*duplicates`),
      );
      const sample = demo.site.tickets.find((t) => t.assigneeId !== null && t.components.length > 0)!;
      const page = await (await fetch(`${wb.url}/browse/${sample.key}`, session)).text();
      const escapedSummary = sample.summary
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
      expect(page).toContain(escapedSummary);
      for (const c of sample.components) expect(page).toContain(c);
      const list = await (await fetch(`${wb.url}/`, session)).text();
      expect(list).toContain('data-testid="ticket-list"');
    } finally {
      await wb.stop();
    }
  });

  it('says which port is taken instead of crashing', async () => {
    const holder = await startWorkbench({
      port: 0,
      demoTickets: 20,
      staticRoot: staticFixture(),
      consumerThread: false,
    });
    const port = new URL(holder.url).port;
    let text = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    });
    try {
      expect(await main(['workbench', '--port', port, '--tickets', '20'])).toBe(2);
      expect(text).toBe(`triage-lens: port ${port} is in use: pass --port N (0 picks a free port)\n`);
    } finally {
      spy.mockRestore();
      await holder.stop();
    }
  });

  it('refuses a bad export or option with one line and exit 2', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'Name\nx\n');
    for (const [args, message] of [
      [['--input', bad, '--port', '0'], /column "Summary" not found/],
      [['--port', 'eighty'], /--port must be a whole number/],
      [['--tickets', '-5'], /unknown option|--tickets needs a value|--tickets must be/],
    ] as [string[], RegExp][]) {
      let text = '';
      const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        text += String(chunk);
        return true;
      });
      const code = await main(['workbench', ...args]);
      spy.mockRestore();
      expect(code).toBe(2);
      expect(text).toMatch(message);
      expect(text.trim().split('\n')).toHaveLength(1);
    }
  });
});
