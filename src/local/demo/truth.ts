import type { DemoPlanted } from './generate';

/**
 * What the demo generator planted, as `triage-lens demo --truth` writes it: the answer key that
 * readiness findings, duplicate figures and problem candidates are scored against (bench/quality.ts).
 * `field` names the field as the export's column does (`Custom field (Request Type)` → "Request Type").
 */
export interface DemoTruth {
  mislabels: { key: string; field: string; label: string; trueLabel: string }[];
  /** Every planted pair, linked in the export or not: [original, duplicate]. */
  duplicates: [string, string][];
  /** Incident bursts behind problem candidates, each with its member keys (oldest first). */
  bursts: { requestType: string; keys: string[]; from: string; to: string }[];
}

export const REQUEST_TYPE_FIELD = 'Request Type';

export function demoTruth(planted: DemoPlanted): DemoTruth {
  const incident = planted.incident;
  return {
    mislabels: planted.mislabels.map((m) => ({
      key: m.key,
      field: REQUEST_TYPE_FIELD,
      label: m.label,
      trueLabel: m.trueLabel,
    })),
    duplicates: planted.duplicates.map((d): [string, string] => [d.original, d.duplicate]),
    bursts:
      incident.keys.length === 0
        ? []
        : [
            {
              requestType: incident.requestType,
              keys: incident.keys,
              from: new Date(incident.start).toISOString(),
              to: new Date(incident.end).toISOString(),
            },
          ],
  };
}
