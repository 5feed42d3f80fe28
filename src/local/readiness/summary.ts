import { fieldName } from './field-names';
import type { FieldReadiness, Finding, ReadinessReport } from './report-types';

const pct = (v: number): string => `${Math.round(v * 100)} %`;
const at90 = (f: FieldReadiness): number => f.coverage.find((c) => c.target === 0.9)?.coverage ?? 0;

/** What an admin may do with a field, from its measured coverage at the 0.9 precision target. */
export function verdict(f: FieldReadiness): { text: string; tone: 'good' | 'mid' | 'bad' } {
  if (f.accuracy === null) return { text: 'Not enough data', tone: 'bad' };
  if (at90(f) >= 0.5)
    return { text: `Auto-apply candidate: ${pct(at90(f))} of tickets at 90 % precision`, tone: 'good' };
  if (f.accuracy >= 0.6 && (f.majorityBaseline === null || f.accuracy > f.majorityBaseline + 0.05)) {
    return { text: 'Suggest mode: agents confirm each value', tone: 'mid' };
  }
  return { text: 'Weak: shadow mode until more clean history', tone: 'bad' };
}

/** The report's first section: what to switch on first, what to expect, what to fix in the data. */
export interface ReadinessSummary {
  switchOn: string[];
  fix: string[];
}

function fieldLine(f: FieldReadiness): string {
  const v = verdict(f);
  const name = fieldName(f.fieldId);
  const figures = `accuracy ${pct(f.accuracy ?? 0)} against ${pct(f.majorityBaseline ?? 0)} for always guessing the commonest value; at 90 % precision it fills in ${pct(at90(f))} of new tickets`;
  if (v.tone === 'good') return `${name}: auto-apply at 90 % precision (${figures}).`;
  if (v.tone === 'mid') return `${name}: suggest, agents confirm each value (${figures}).`;
  return `${name}: leave in shadow mode for now (${figures}).`;
}

function fixLines(findings: readonly Finding[]): string[] {
  const count = (kind: string) => {
    const byField = new Map<string, number>();
    for (const f of findings)
      if (f.kind === kind) byField.set(f.field ?? '', (byField.get(f.field ?? '') ?? 0) + 1);
    return [...byField].sort((a, b) => b[1] - a[1]);
  };
  const out: string[] = [];
  for (const [field, n] of count('mislabel'))
    out.push(
      `Check ${n} tickets that probably carry the wrong ${field} (each listed below with the value the evidence points to) and correct them before training.`,
    );
  for (const [field, n] of count('conflicting-labels'))
    out.push(
      `Agree on one ${field} value for near-identical tickets labelled differently (${n} groups listed below).`,
    );
  const rest = findings.filter((f) => f.kind !== 'mislabel' && f.kind !== 'conflicting-labels');
  for (const f of rest.filter((x) => x.severity !== 'info').slice(0, 3)) out.push(f.message);
  return out;
}

/**
 * Fields ordered by what they can do on their own (coverage at 90 % precision, then accuracy):
 * the first is the one to switch on first. Unmeasured fields are left out of the order.
 */
export function readinessSummary(
  r: Pick<ReadinessReport, 'fields' | 'findings' | 'duplicates'>,
): ReadinessSummary {
  const measured = r.fields
    .filter((f) => f.accuracy !== null)
    .sort((a, b) => at90(b) - at90(a) || (b.accuracy ?? 0) - (a.accuracy ?? 0));
  const first = measured[0];
  const lead =
    first !== undefined && verdict(first).tone === 'bad' ? 'Nothing to switch on yet: ' : 'Switch on first: ';
  const switchOn = measured.map((f, i) => (i === 0 ? `${lead}${fieldLine(f)}` : fieldLine(f)));
  const d = r.duplicates;
  if (d.recallAt5 !== null)
    switchOn.push(
      `Similar and duplicate tickets: the earlier twin is among the first 5 suggestions for ${pct(d.recallAt5)} of the ${d.queries} linked duplicate pairs.`,
    );
  const fix = fixLines(r.findings);
  return { switchOn, fix: fix.length === 0 ? ['No data-quality problems found.'] : fix };
}
