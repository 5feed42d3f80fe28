import { exportCsv } from '../../../src/local/demo/export-csv';
import { generateDemo } from '../../../src/local/demo/generate';
import { demoTruth } from '../../../src/local/demo/truth';
import { parseCsvText } from '../../../src/local/adapters/read-table';
import { duplicateReadiness } from '../../../src/local/readiness/duplicate-readiness';
import { fieldReadiness } from '../../../src/local/readiness/field-readiness';
import { readJiraExport } from '../../../src/local/readiness/jira-export';
import { mislabelCheckable, readinessFindings } from '../../../src/local/readiness/quality-findings';

jest.setTimeout(120_000);

const demo = generateDemo({ tickets: 700, seed: 5 });
const truth = demoTruth(demo.planted);
const { tickets } = readJiraExport(parseCsvText(exportCsv(demo.site)));

describe('readiness data-quality findings', () => {
  const fields = ['requestType', 'team', 'components'].map((f) => fieldReadiness(tickets, f));
  const findings = readinessFindings(tickets, fields);

  it('names planted mislabels one ticket each, on the field the export names, most of them right', () => {
    const mislabels = findings.filter((f) => f.kind === 'mislabel');
    const planted = new Set(truth.mislabels.map((m) => m.key));
    expect(mislabels.length).toBeGreaterThan(0);
    for (const f of mislabels) {
      expect(f.field).toBe('Request Type');
      expect(f.keys).toHaveLength(1);
      expect(f.message).toContain(f.keys[0]);
    }
    const right = mislabels.filter((f) => planted.has(f.keys[0] ?? ''));
    expect(right.length).toBeGreaterThanOrEqual(mislabels.length * 0.7);
    expect(right.length).toBeGreaterThanOrEqual(planted.size * 0.4);
  });

  it('reports every finding as {kind, field, severity, message, keys}, never on who works on a ticket', () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(['field', 'keys', 'kind', 'message', 'severity']);
      expect(f.field).not.toBe('Team');
      expect(f.message).not.toMatch(/requestType|components/);
    }
    const kinds = new Set(findings.map((f) => f.kind));
    expect(kinds.has('conflicting-labels') || kinds.has('mislabel')).toBe(true);
  });

  it('checks mislabels only on single-value fields a model learnt', () => {
    const [requestType, team, components] = fields;
    expect(mislabelCheckable(requestType!)).toBe(true);
    expect(mislabelCheckable(components!)).toBe(false);
    expect(mislabelCheckable({ ...team!, accuracy: team!.majorityBaseline })).toBe(false);
  });

  it('counts planted duplicates whose twin is linked or resolved as a duplicate', () => {
    const d = duplicateReadiness(tickets);
    const counted = new Set([...d.pairs.linked, ...d.pairs.resolvedUnlinked].map(([, b]) => b));
    const byKey = new Map(tickets.map((t) => [t.key, t]));
    const visible = truth.duplicates.filter(([o, t]) => {
      const twin = byKey.get(t);
      return twin?.resolution === 'Duplicate' || twin?.links.some((l) => l.key === o) === true;
    });
    expect(visible.length).toBeGreaterThan(5);
    for (const [, twin] of visible) expect(counted.has(twin)).toBe(true);
    expect(d.pairs.resolvedUnlinked.length).toBeGreaterThan(0);
  });
});
