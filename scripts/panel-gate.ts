/**
 * CI gate on what the agent sees (issue 10): reads the output of `triage-lens eval panel --json`
 * (a file, or stdin) and fails when the panel shows noise as evidence or depends on the UI
 * language. `npx tsx scripts/panel-gate.ts panel.out`; exits 1 with one line per failed figure.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Shown evidence terms that may be stop words, greetings, signature words or names. */
export const MAX_STOPWORD_SHARE = 0.02;
/** Tickets whose panel may differ between English and German. */
export const MAX_LOCALE_MISMATCH_SHARE = 0;

const Figures = z.object({
  task: z.literal('panel'),
  tickets_test: z.number().int().positive(),
  why_stopword_share: z.number().min(0).max(1),
  locale_mismatch_share: z.number().min(0).max(1),
});

/** The figures of the last line of `eval panel --json` output; throws when it is not that line. */
export function panelFigures(output: string): z.infer<typeof Figures> {
  const last = output.trim().split('\n').pop() ?? '';
  let json: unknown;
  try {
    json = JSON.parse(last);
  } catch {
    throw new Error(`the last line is not JSON: ${last.slice(0, 80)}`);
  }
  return Figures.parse(json);
}

/** One sentence per figure over its limit; empty when the gate passes. */
export function gateFailures(output: string): string[] {
  const f = panelFigures(output);
  const failures: string[] = [];
  if (f.why_stopword_share > MAX_STOPWORD_SHARE)
    failures.push(
      `why_stopword_share ${f.why_stopword_share} > ${MAX_STOPWORD_SHARE}: the panel shows stop words, greetings, signatures or names as evidence`,
    );
  if (f.locale_mismatch_share > MAX_LOCALE_MISMATCH_SHARE)
    failures.push(
      `locale_mismatch_share ${f.locale_mismatch_share} > ${MAX_LOCALE_MISMATCH_SHARE}: panels differ between en and de`,
    );
  return failures;
}

if (require.main === module) {
  const file = process.argv[2];
  try {
    const failures = gateFailures(readFileSync(file ?? 0, 'utf8'));
    for (const line of failures) process.stderr.write(`panel gate: ${line}\n`);
    if (failures.length === 0) process.stdout.write('panel gate: passed\n');
    process.exitCode = failures.length === 0 ? 0 : 1;
  } catch (e) {
    process.stderr.write(`panel gate: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exitCode = 1;
  }
}
