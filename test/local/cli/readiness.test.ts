import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/local/cli/main';
import { exportCsv } from '../../../src/local/demo/export-csv';
import { generateDemo } from '../../../src/local/demo/generate';
import { SLA_TIME_TO_RESOLUTION } from '../../../src/local/emulator/seed';

jest.setTimeout(240_000);

const dir = mkdtempSync(path.join(tmpdir(), 'tl-readiness-'));
const demo = generateDemo({ tickets: 900, seed: 7 });
const input = path.join(dir, 'demo.csv');
writeFileSync(input, exportCsv(demo.site));

/** The demo's resolution goals as the CLI takes them (`High=24h,...`). */
function goalsOption(): string {
  const goal = demo.site.slaGoals.find((g) => g.name === SLA_TIME_TO_RESOLUTION)!;
  return Object.entries(goal.goalMsByPriority)
    .map(([priority, ms]) => `${priority}=${ms / 3_600_000}h`)
    .join(',');
}

function captureStderr(): { text: () => string; restore: () => void } {
  let text = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { text: () => text, restore: () => spy.mockRestore() };
}

describe('triage-lens readiness', () => {
  it('writes a self-contained report for the demo export', async () => {
    const out = path.join(dir, 'report.html');
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main([
      'readiness',
      '--input',
      input,
      '--fields',
      'requestType,priority,assignee',
      '--sla-goals',
      goalsOption(),
      '--out',
      out,
    ]);
    stdout.mockRestore();
    expect(code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).not.toMatch(/\s(src|href)=/i);
    expect(page.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    // Three fields measured, each with a verdict; planted duplicates and SLA goals measured too.
    expect(page.match(/<td class="verdict /g)?.length).toBe(3);
    expect(page).toMatch(/Its twin\s+was the first suggestion/);
    expect(page).toContain('Brier score');
    expect(page).toContain('data-section="findings"');
    // Assignee is measured, but who works on a ticket is not a label: no quality finding about it.
    expect(page.slice(page.indexOf('data-section="findings"'))).not.toMatch(/Assignee:/);
    expect(page.indexOf('data-section="summary"')).toBeLessThan(page.indexOf('data-section="fields"'));
    expect(page).toMatch(/\d+ duplicate pairs: \d+ linked as duplicates/);
  });

  it('--json: the last stdout line is one JSON object with findings as {kind, field, severity, message, keys}', async () => {
    let text = '';
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    });
    const code = await main(['readiness', '--input', input, '--fields', 'requestType', '--json']);
    stdout.mockRestore();
    expect(code).toBe(0);
    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const report = JSON.parse(lines.at(-1) ?? '') as {
      fields: { field: string }[];
      duplicates: { pairs: number; linkedPairs: unknown[]; resolvedUnlinkedPairs: unknown[] };
      findings: { kind: string; field: string | null; keys: string[] }[];
    };
    expect(report.fields.map((f) => f.field)).toEqual(['Request Type']);
    const planted = new Set(demo.planted.mislabels.map((m) => m.key));
    const mislabels = report.findings.filter((f) => f.kind === 'mislabel');
    expect(mislabels.some((f) => planted.has(f.keys[0] ?? ''))).toBe(true);
    for (const f of report.findings)
      expect(Object.keys(f).sort()).toEqual(['field', 'keys', 'kind', 'message', 'severity']);
    expect(report.duplicates.pairs).toBe(
      report.duplicates.linkedPairs.length + report.duplicates.resolvedUnlinkedPairs.length,
    );
    expect(report.duplicates.pairs).toBeGreaterThan(report.duplicates.linkedPairs.length);
  });

  it('fails with one line and exit 2 on bad input', async () => {
    const notJira = path.join(dir, 'plain.csv');
    writeFileSync(notJira, 'Title,Body\na,b\n');
    const cases: [string[], RegExp][] = [
      [
        ['--input', path.join(dir, 'missing.csv'), '--out', path.join(dir, 'x.html')],
        /cannot read .*missing\.csv/,
      ],
      [['--input', notJira, '--out', path.join(dir, 'x.html')], /column "Summary" not found/],
      [
        ['--input', input, '--out', path.join(dir, 'x.html'), '--sla-goals', 'High=soon'],
        /--sla-goals entry "High=soon"/,
      ],
      [['--input', input], /missing required option --out/],
      [
        ['--input', input, '--out', path.join(dir, 'no-such-dir', 'x.html'), '--fields', 'priority'],
        /cannot write/,
      ],
    ];
    for (const [args, message] of cases) {
      const err = captureStderr();
      const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const code = await main(['readiness', ...args]);
      stdout.mockRestore();
      err.restore();
      expect(code).toBe(2);
      expect(err.text()).toMatch(message);
      expect(err.text().trim().split('\n')).toHaveLength(1);
    }
  });
});
