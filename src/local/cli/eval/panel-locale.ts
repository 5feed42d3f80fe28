import type { Section } from '../../../contracts/common';
import type { PanelData } from '../../../contracts/panel';

/**
 * What must not depend on the viewer's language. Durations are compared to the minute and
 * probabilities to 0.001: the two panels are read a moment apart while the SLA clock runs.
 */
const MINUTE = 60_000;
const near = (a: number | null, b: number | null, tolerance: number): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tolerance;

/** A section's data, or null when it is empty or failed. */
export const dataOf = <T>(section: Section<T>): T | null => (section.status === 'ok' ? section.data : null);

const classification = (p: PanelData) =>
  dataOf(p.classification)?.map((f) => ({
    field: f.fieldId,
    status: f.status,
    value: f.value,
    confidence: f.confidence === null ? null : Number(f.confidence.toFixed(4)),
    candidates: f.candidates.map((c) => `${c.value}@${c.probability.toFixed(4)}`),
    alternatives: f.alternatives.map((c) => c.value),
  })) ?? p.classification.status;

const routing = (p: PanelData) => {
  const r = dataOf(p.routing);
  return r === null
    ? p.routing.status
    : {
        teams: r.teams.map((t) => `${t.id}@${t.fit.toFixed(4)}`),
        assignees: r.assignees.map((a) => `${a.accountId}@${a.fit.toFixed(4)}`),
        hidden: (r.hidden ?? []).map((h) => h.kind),
      };
};

const similar = (p: PanelData) => {
  const s = dataOf(p.similar);
  return s === null
    ? p.similar.status
    : (['duplicates', 'related', 'weak'] as const).map((kind) =>
        s[kind].map((t) => `${t.key}@${t.score.toFixed(4)}`),
      );
};

function slaDiffers(en: PanelData, de: PanelData): boolean {
  const a = dataOf(en.sla);
  const b = dataOf(de.sla);
  if (a === null || b === null) return en.sla.status !== de.sla.status;
  return (
    a.metricName !== b.metricName ||
    a.basis !== b.basis ||
    a.band !== b.band ||
    a.paused !== b.paused ||
    a.goalMs !== b.goalMs ||
    !near(a.probability, b.probability, 0.001) ||
    !near(a.elapsedMs, b.elapsedMs, MINUTE) ||
    !near(a.remainingMs, b.remainingMs, MINUTE) ||
    !near(a.expected?.medianMs ?? null, b.expected?.medianMs ?? null, MINUTE) ||
    !near(a.expected?.lowMs ?? null, b.expected?.lowMs ?? null, MINUTE) ||
    !near(a.expected?.highMs ?? null, b.expected?.highMs ?? null, MINUTE) ||
    a.drivers.map((d) => d.code).join() !== b.drivers.map((d) => d.code).join()
  );
}

/** The sections whose values, confidences, order or numbers differ between the English and German panel. */
export function localeDifferences(en: PanelData, de: PanelData): string[] {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const parts: string[] = [];
  if (!same(classification(en), classification(de))) parts.push('classification');
  if (!same(routing(en), routing(de))) parts.push('routing');
  if (!same(similar(en), similar(de))) parts.push('similar');
  if (slaDiffers(en, de)) parts.push('sla');
  return parts;
}
