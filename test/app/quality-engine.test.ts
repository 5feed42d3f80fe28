import { parseCsvText } from '../../src/local/adapters/read-table';
import { qualityEngine } from '../../src/app/engines/quality';
import { DEFAULT_CONFIG } from '../../src/contracts/config';
import { exportCsv } from '../../src/local/demo/export-csv';
import { generateDemo } from '../../src/local/demo/generate';
import { readJiraExport } from '../../src/local/readiness/jira-export';

jest.setTimeout(120_000);

describe('the admin page data-quality findings', () => {
  const demo = generateDemo({ tickets: 500, seed: 3 });
  const { tickets } = readJiraExport(parseCsvText(exportCsv(demo.site)));
  const findings = qualityEngine.findings(tickets, DEFAULT_CONFIG.fields);

  it('lists likely mislabels with planted tickets as examples, by the field name the admin sees', () => {
    const planted = new Set(demo.planted.mislabels.map((m) => m.key));
    const mislabels = findings.filter((f) => f.kind === 'mislabel');
    expect(mislabels.map((f) => f.message.split(':')[0])).toContain('Request type');
    const requestType = mislabels.find((f) => f.message.startsWith('Request type'));
    const right = requestType?.examples.filter((k) => planted.has(k)) ?? [];
    expect(right.length).toBeGreaterThanOrEqual((requestType?.examples.length ?? 0) * 0.7);
    expect(right.length).toBeGreaterThan(0);
  });

  it('never checks who works on a ticket, and lists most severe first', () => {
    expect(findings.some((f) => /^(Team|Assignee):/.test(f.message))).toBe(false);
    const rank = { problem: 0, warning: 1, info: 2 };
    for (let i = 1; i < findings.length; i++)
      expect(rank[findings[i - 1]!.severity]).toBeLessThanOrEqual(rank[findings[i]!.severity]);
    for (const f of findings) expect(f.examples.length).toBeLessThanOrEqual(10);
  });
});
