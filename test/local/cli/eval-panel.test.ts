import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCsv } from '../../../src/local/demo/export-csv';
import { generateDemo } from '../../../src/local/demo/generate';
import { runCli } from '../../support/run-cli';

jest.setTimeout(120_000);

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-eval-panel-'));
  const demo = generateDemo({ tickets: 150, seed: 4 });
  input = join(dir, 'export.csv');
  writeFileSync(input, exportCsv(demo.site));
  writeFileSync(
    join(dir, 'pairs.csv'),
    `Issue id,Duplicate id\n${demo.planted.duplicates.map((d) => `${d.original},${d.duplicate}`).join('\n')}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEYS = [
  'task',
  'tickets_train',
  'tickets_test',
  'fields',
  'why_terms_per_suggestion_p50',
  'why_stopword_share',
  'locale_mismatch_share',
  'similar_shown_share',
  'similar_same_label_precision',
  'duplicate_recall_at_5',
  'routing_team_accuracy',
  'routing_assignee_accuracy',
  'sla_auc',
  'sla_brier',
  'panel_ms_p50',
  'panel_ms_p99',
];
const FIELD_KEYS = [
  'column',
  'suggested_share',
  'accuracy_when_suggested',
  'top3_accuracy',
  'engine_accuracy',
];
const inUnit = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);

describe('triage-lens eval panel', () => {
  it('builds the app on the older tickets, opens the held-back ones in en and de and prints one JSON line with the agreed keys', async () => {
    const r = await runCli([
      'eval',
      'panel',
      '--input',
      input,
      '--fields',
      'Custom field (Category),Priority',
      '--pairs',
      join(dir, 'pairs.csv'),
      '--sla-goals',
      'High=24h,*=72h',
      '--test-limit',
      '12',
      '--json',
    ]);
    expect(r.err).not.toMatch(/unexpected error/);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^panel: \d+ tickets trained on, 12 held-back tickets/);
    const json = JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(KEYS);
    expect(json.task).toBe('panel');
    expect(json.tickets_test).toBe(12);
    // 20 % of the dated tickets are held back, whatever --test-limit asks about.
    expect(json.tickets_train).toBeGreaterThan(100);
    const fields = json.fields as Record<string, Record<string, unknown>>;
    expect(Object.keys(fields).sort()).toEqual(['customfield_20001', 'priority']);
    for (const f of Object.values(fields)) {
      expect(Object.keys(f)).toEqual(FIELD_KEYS);
      for (const k of FIELD_KEYS.slice(1)) expect(inUnit(f[k])).toBe(true);
    }
    expect(fields.customfield_20001?.column).toBe('Custom field (Category)');
    expect(fields.customfield_20001?.engine_accuracy).not.toBeNull();
    for (const k of KEYS.slice(5, 14)) expect(inUnit(json[k])).toBe(true);
    // The demo export names teams and assignees; without --pairs/--sla-goals these would be null.
    expect(json.routing_team_accuracy).not.toBeNull();
    expect(json.routing_assignee_accuracy).not.toBeNull();
    expect(json.panel_ms_p50).toBeGreaterThan(0);
    expect(json.panel_ms_p99 as number).toBeGreaterThanOrEqual(json.panel_ms_p50 as number);
    expect(json.locale_mismatch_share).toBe(0);
  });

  const bad = async (args: string[], message: RegExp) => {
    const r = await runCli(['eval', 'panel', ...args]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  };

  it('names the problem in one line for bad input', async () => {
    await bad(['--input', join(dir, 'missing.csv')], /missing\.csv/);
    writeFileSync(join(dir, 'no-created.csv'), 'Summary,Issue key\nPrinter jams,IT-1\n');
    await bad(['--input', join(dir, 'no-created.csv')], /column "Created" not found/);
    await bad(
      ['--input', input, '--fields', 'Custom field (Colour)'],
      /--fields: the export has no column "Custom field \(Colour\)"/,
    );
    await bad(['--input', input, '--split', 'random'], /--split must be chrono or mod5/);
    await bad(['--input', input, '--test-limit', '0'], /--test-limit must be a whole number/);
    await bad(['--input', input, '--test-limit', 'ten'], /--test-limit must be a whole number/);
    await bad(['--input', input, '--sla-goals', 'High=soon'], /--sla-goals entry "High=soon"/);
  });
});
