import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { exportCsv } from '../../src/demo/export-csv';
import { generateDemo } from '../../src/demo/generate';
import { startWorkbench } from '../../src/workbench/start';
import { staticFixture } from '../workbench/fixture';

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), 'tl-workbench-cli-'));

describe('workbench --input', () => {
  it('runs on a Jira CSV export: every ticket, its links and people are in the emulated site', async () => {
    const demo = generateDemo({ tickets: 60, seed: 3 });
    const input = path.join(dir, 'small.csv');
    writeFileSync(input, exportCsv(demo.site));
    const wb = await startWorkbench({ port: 0, input, staticRoot: staticFixture() });
    try {
      const site = wb.emulator.site;
      expect(
        site
          .allIssues()
          .map((i) => i.key)
          .sort(),
      ).toEqual(demo.site.tickets.map((t) => t.key).sort());
      const linkedPair = demo.site.links[0]!;
      expect(site.linksOf(linkedPair.inwardKey).length).toBeGreaterThan(0);
      const sample = demo.site.tickets.find((t) => t.assigneeId !== null && t.components.length > 0)!;
      const page = await (await fetch(`${wb.url}/browse/${sample.key}`)).text();
      const escapedSummary = sample.summary
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
      expect(page).toContain(escapedSummary);
      for (const c of sample.components) expect(page).toContain(c);
      const list = await (await fetch(`${wb.url}/`)).text();
      expect(list).toContain('data-testid="ticket-list"');
    } finally {
      await wb.stop();
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
