import { renderReadinessHtml, verdict } from '../../../src/local/readiness/render-html';
import { readinessSummary } from '../../../src/local/readiness/summary';
import type { FieldReadiness, ReadinessReport } from '../../../src/local/readiness/report-types';

const EVIL = '<script>alert(1)</script>';

function field(over: Partial<FieldReadiness> = {}): FieldReadiness {
  return {
    fieldId: 'priority',
    labelled: 100,
    train: 80,
    test: 20,
    classes: 2,
    accuracy: 0.8,
    macroF1: 0.7,
    majorityBaseline: 0.5,
    coverage: [
      { target: 0.8, coverage: 0.9 },
      { target: 0.9, coverage: 0.6 },
      { target: 0.95, coverage: 0.2 },
    ],
    curve: [
      { coverage: 0.5, precision: 1 },
      { coverage: 1, precision: 0.8 },
    ],
    perClass: [{ label: EVIL, support: 10, precision: 0.9, recall: 0.8 }],
    confusion: {
      labels: [EVIL, 'High'],
      counts: [
        [8, 2],
        [2, 8],
      ],
    },
    excluded: [{ label: `"${EVIL}`, count: 1 }],
    problem: null,
    ...over,
  };
}

function report(over: Partial<ReadinessReport> = {}): ReadinessReport {
  return {
    source: `export-${EVIL}.csv`,
    generatedAt: '2026-11-22T00:00:00.000Z',
    tickets: 100,
    span: { from: '2025-01-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' },
    languages: [{ language: 'de', share: 0.6 }],
    split: 'chrono',
    fields: [
      field(),
      field({
        fieldId: 'labels',
        accuracy: null,
        problem: `too few ${EVIL}`,
        coverage: [],
        curve: [],
        confusion: null,
      }),
    ],
    duplicates: {
      source: 'links',
      pairs: { linked: [['IT-1', 'IT-2']], resolvedUnlinked: [['IT-3', 'IT-4']] },
      queries: 10,
      recallAt1: 0.5,
      recallAt5: 0.8,
      recallAt10: 0.9,
      mrr: 0.6,
      problem: null,
    },
    sla: {
      metricName: 'Time to resolution',
      goals: 'Goals given: High 8.0 h.',
      tickets: 50,
      breachRate: 0.2,
      bins: [{ from: 0, to: 0.1, count: 10, predicted: 0.05, observed: 0.1 }],
      brier: 0.1,
      brierBaseline: 0.16,
      auc: 0.8,
      problem: null,
    },
    summary: { switchOn: [`Switch on first: ${EVIL}`], fix: ['No data-quality problems found.'] },
    findings: [
      {
        kind: 'unlabelled',
        field: 'Labels',
        severity: 'problem',
        message: `Labels ${EVIL} empty`,
        keys: [EVIL],
      },
    ],
    ...over,
  };
}

describe('renderReadinessHtml', () => {
  const page = renderReadinessHtml(report());

  it('escapes everything that came from the export', () => {
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is self-contained: no external scripts, styles, images or fonts', () => {
    expect(page).not.toMatch(/\s(src|href)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain('<svg');
  });

  it('shows each section, and the reason when one could not be measured', () => {
    expect(page).toContain('data-section="fields"');
    expect(page).toContain('data-section="duplicates"');
    expect(page).toContain('data-section="sla"');
    expect(page).toContain('data-section="findings"');
    expect(page.indexOf('data-section="summary"')).toBeLessThan(page.indexOf('data-section="fields"'));
    expect(page).toContain(
      '2 duplicate pairs: 1 linked as duplicates, 1 resolved as a duplicate without a link',
    );
    const unmeasured = renderReadinessHtml(
      report({
        duplicates: {
          source: 'x',
          pairs: { linked: [], resolvedUnlinked: [] },
          queries: 0,
          recallAt1: null,
          recallAt5: null,
          recallAt10: null,
          mrr: null,
          problem: 'no duplicate links',
        },
      }),
    );
    expect(unmeasured).toContain('no duplicate links');
  });
});

describe('verdict', () => {
  it('follows coverage at the 0.9 target and the baseline', () => {
    expect(verdict(field()).tone).toBe('good');
    expect(verdict(field({ coverage: [{ target: 0.9, coverage: 0.1 }] })).tone).toBe('mid');
    expect(verdict(field({ coverage: [{ target: 0.9, coverage: 0.1 }], accuracy: 0.52 })).tone).toBe('bad');
    expect(verdict(field({ accuracy: null })).text).toBe('Not enough data');
  });
});

describe('readinessSummary', () => {
  it('names the field to switch on first, with its figures, and what to fix', () => {
    const r = report({
      fields: [
        field({ fieldId: 'priority', coverage: [{ target: 0.9, coverage: 0.1 }] }),
        field({ fieldId: 'requestType' }),
        field({ fieldId: 'team', accuracy: null }),
      ],
      findings: [
        { kind: 'mislabel', field: 'Request Type', severity: 'problem', message: 'IT-1', keys: ['IT-1'] },
        { kind: 'mislabel', field: 'Request Type', severity: 'problem', message: 'IT-2', keys: ['IT-2'] },
        { kind: 'conflicting-labels', field: 'Priority', severity: 'problem', message: 'x', keys: [] },
      ],
    });
    const s = readinessSummary(r);
    expect(s.switchOn[0]).toMatch(
      /^Switch on first: Request Type: auto-apply .*fills in 60 % of new tickets/,
    );
    expect(s.switchOn[1]).toMatch(/^Priority: suggest/);
    expect(s.switchOn.join(' ')).not.toMatch(/Team|requestType/);
    expect(s.fix[0]).toMatch(/Check 2 tickets that probably carry the wrong Request Type/);
    expect(s.fix[1]).toMatch(/one Priority value .*1 groups/);
    expect(readinessSummary(report({ findings: [] })).fix).toEqual(['No data-quality problems found.']);
  });
});
