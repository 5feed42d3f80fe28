import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateFailures } from '../../scripts/panel-gate';

const output = (figures: Record<string, unknown>) =>
  `panel: 100 tickets trained on…\n  noise 0.0 %\n${JSON.stringify({
    task: 'panel',
    tickets_test: 25,
    why_stopword_share: 0,
    locale_mismatch_share: 0,
    ...figures,
  })}\n`;

describe('the CI gate on eval panel', () => {
  it('passes clean figures, including the limit itself', () => {
    expect(gateFailures(output({}))).toEqual([]);
    expect(gateFailures(output({ why_stopword_share: 0.02 }))).toEqual([]);
  });

  it('fails on noise in the evidence above 2 % and on any en/de mismatch', () => {
    expect(gateFailures(output({ why_stopword_share: 0.0201 }))).toEqual([
      expect.stringMatching(/^why_stopword_share 0\.0201 > 0\.02/),
    ]);
    expect(gateFailures(output({ locale_mismatch_share: 0.04 }))).toEqual([
      expect.stringMatching(/^locale_mismatch_share 0\.04 > 0/),
    ]);
    expect(gateFailures(output({ why_stopword_share: 0.5, locale_mismatch_share: 1 }))).toHaveLength(2);
  });

  it('fails when the output is not what eval panel prints', () => {
    expect(() => gateFailures('triage-lens: column "Created" not found\n')).toThrow(/not JSON/);
    expect(() => gateFailures(`${JSON.stringify({ task: 'classify' })}\n`)).toThrow();
  });

  it('exits non-zero from the command line on bad figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-panel-gate-'));
    try {
      const bad = join(dir, 'bad.out');
      writeFileSync(bad, output({ locale_mismatch_share: 0.5 }));
      const run = (file: string) =>
        execFileSync(
          process.execPath,
          ['--import', 'tsx', join(__dirname, '../../scripts/panel-gate.ts'), file],
          {
            encoding: 'utf8',
            stdio: 'pipe',
          },
        );
      expect(() => run(bad)).toThrow(/locale_mismatch_share 0\.5 > 0/);
      const good = join(dir, 'good.out');
      writeFileSync(good, output({}));
      expect(run(good)).toBe('panel gate: passed\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
