/**
 * Derives the per-incident tables of ../shared/docs/benchmarks.md from the UCI ServiceNow event
 * log (one row per event): SLA at open, SLA in flight (median event) and final group from
 * open-time fields. Used by bench/route-sla.ts only.
 */
import { type Table, requireColumn, parseDate } from '../../src/engine/data';

export interface UciEvent {
  row: readonly string[];
  updatedAt: number;
  modCount: number;
}

export interface UciIncident {
  number: string;
  openedAt: number;
  events: UciEvent[];
}

export const OPEN_FIELDS = [
  'category',
  'subcategory',
  'u_symptom',
  'impact',
  'urgency',
  'priority',
  'contact_type',
  'location',
] as const;

export function groupIncidents(table: Table): { incidents: UciIncident[]; col: (name: string) => number } {
  const cache = new Map<string, number>();
  const col = (name: string): number => {
    let i = cache.get(name);
    if (i === undefined) {
      i = requireColumn(table, name);
      cache.set(name, i);
    }
    return i;
  };
  const byNumber = new Map<string, UciIncident>();
  for (const row of table.rows) {
    const number = row[col('number')] ?? '';
    let inc = byNumber.get(number);
    if (inc === undefined) {
      inc = { number, openedAt: parseDate(row[col('opened_at')] ?? ''), events: [] };
      byNumber.set(number, inc);
    }
    inc.events.push({
      row,
      updatedAt: parseDate(row[col('sys_updated_at')] ?? ''),
      modCount: Number(row[col('sys_mod_count')] ?? 'NaN'),
    });
  }
  const incidents = [...byNumber.values()];
  for (const inc of incidents) {
    // Protocol order: sys_updated_at, then sys_mod_count (stable for exact ties).
    inc.events.sort((a, b) => a.updatedAt - b.updatedAt || a.modCount - b.modCount);
  }
  return { incidents, col };
}

const value = (row: readonly string[], i: number): string => row[i] ?? '';

/** A one-row-per-ticket table as eval sla / eval classify read it. */
export interface DerivedTable {
  table: Table;
  categorical: string[];
  numeric: string[];
}

/** SLA at open: first event's fields, label = made_sla of the last event, time = opened_at. */
export function slaAtOpen(
  incidents: readonly UciIncident[],
  col: (n: string) => number,
  fields: readonly string[] = OPEN_FIELDS,
): DerivedTable {
  const header = [...fields, 'opened_at', 'made_sla'];
  const rows = incidents.map((inc) => {
    const first = (inc.events[0] as UciEvent).row;
    const last = (inc.events[inc.events.length - 1] as UciEvent).row;
    return [...fields.map((f) => value(first, col(f))), isoTime(inc.openedAt), value(last, col('made_sla'))];
  });
  return { table: { header, rows }, categorical: [...fields], numeric: [] };
}

export const IN_FLIGHT_CATEGORICAL = [...OPEN_FIELDS, 'incident_state', 'assignment_group'];
export const IN_FLIGHT_NUMERIC = ['reassignment_count', 'reopen_count', 'sys_mod_count', 'hours_elapsed'];

/**
 * SLA in flight: each incident at its median event (floor(last_index / 2)), kept only when
 * made_sla is still true there; open-time fields from the first event, progress fields from the
 * median one.
 */
export function slaInFlight(incidents: readonly UciIncident[], col: (n: string) => number): DerivedTable {
  const header = [...IN_FLIGHT_CATEGORICAL, ...IN_FLIGHT_NUMERIC, 'opened_at', 'made_sla'];
  const rows: string[][] = [];
  for (const inc of incidents) {
    const first = (inc.events[0] as UciEvent).row;
    const lastIndex = inc.events.length - 1;
    const median = inc.events[Math.floor(lastIndex / 2)] as UciEvent;
    if (value(median.row, col('made_sla')) !== 'true') continue;
    const hours = (median.updatedAt - inc.openedAt) / 3_600_000;
    rows.push([
      ...OPEN_FIELDS.map((f) => value(first, col(f))),
      value(median.row, col('incident_state')),
      value(median.row, col('assignment_group')),
      value(median.row, col('reassignment_count')),
      value(median.row, col('reopen_count')),
      value(median.row, col('sys_mod_count')),
      Number.isFinite(hours) ? String(hours) : '',
      isoTime(inc.openedAt),
      value((inc.events[lastIndex] as UciEvent).row, col('made_sla')),
    ]);
  }
  return {
    table: { header, rows },
    categorical: [...IN_FLIGHT_CATEGORICAL],
    numeric: [...IN_FLIGHT_NUMERIC],
  };
}

export const ROUTE_FIELDS = [...OPEN_FIELDS, 'opened_by', 'caller_id', 'opened_hour', 'opened_weekday'];

/** Final group from open-time fields: target = last event's assignment_group ('?' dropped). */
export function finalGroup(incidents: readonly UciIncident[], col: (n: string) => number): DerivedTable {
  const header = [...ROUTE_FIELDS, 'opened_at', 'final_group'];
  const rows: string[][] = [];
  for (const inc of incidents) {
    const first = (inc.events[0] as UciEvent).row;
    const target = value((inc.events[inc.events.length - 1] as UciEvent).row, col('assignment_group'));
    if (target === '?' || target === '') continue;
    const opened = new Date(inc.openedAt);
    rows.push([
      ...OPEN_FIELDS.map((f) => value(first, col(f))),
      value(first, col('opened_by')),
      value(first, col('caller_id')),
      Number.isFinite(inc.openedAt) ? String(opened.getUTCHours()) : '?',
      Number.isFinite(inc.openedAt) ? String(opened.getUTCDay()) : '?',
      isoTime(inc.openedAt),
      target,
    ]);
  }
  return { table: { header, rows }, categorical: [...ROUTE_FIELDS], numeric: [] };
}

/** ISO time for the derived tables, so `--time opened_at` reads it with the CLI's date parser. */
function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}
