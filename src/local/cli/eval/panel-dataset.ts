import { DEFAULT_CONFIG, type FieldConfig } from '../../../contracts/config';
import { holdsValue, trainingLabel } from '../../../core/shared/fields';
import type { Ticket } from '../../../core/shared/ticket';
import { columnIndexes, requireColumn, type Table } from '../../../engine/data';
import { chronoSplit, mod5Split } from '../../../engine/eval';
import { InputError } from '../../../engine/errors';
import type { SeedTicket, SiteSeed } from '../../emulator/seed';
import { readJiraExport, type JiraExport } from '../../readiness/jira-export';
import { exportTime } from '../../readiness/report';
import { exportToSeed } from '../../workbench/csv-seed';
import { exportFieldSetup, type ExportFieldSetup } from '../../workbench/export-fields';
import type { PreparedSite } from '../../workbench/start';

/** One field the panel is scored on: its app field id and the export column it comes from. */
export interface ScoredField {
  id: string;
  column: string;
  /** The export's value of the field for a ticket (first of several), or null. */
  valueOf(ticket: Ticket): string | null;
  /** Whether the ticket holds `value` (any of a multi-value field's values). */
  holds(ticket: Ticket, value: string): boolean;
}

/** A held-back ticket: its export row as the answer key, and the ticket as it arrives. */
export interface Arrival {
  truth: Ticket;
  arriving: SeedTicket;
}

export interface PanelDataset {
  exported: JiraExport;
  train: Ticket[];
  /** Held-back tickets, oldest first: the order they arrive in. */
  test: Arrival[];
  fields: ScoredField[];
  /** The site with the training tickets only, and the configuration the workbench would save. */
  prepared: PreparedSite & { fields: ExportFieldSetup };
  /** The export's latest time: the site's "now" when the held-back tickets arrive. */
  now: number;
}

const REQUEST_TYPE_COLUMNS = [
  'Custom field (Request Type)',
  'Request Type',
  'Customer Request Type',
  'Request type',
];
const STANDARD: Record<string, string> = {
  Priority: 'priority',
  'Component/s': 'components',
  Labels: 'labels',
  ...Object.fromEntries(REQUEST_TYPE_COLUMNS.map((c) => [c, 'requestType'])),
};
const CUSTOM_COLUMN = /^Custom field \((.{1,64})\)$/;
/** Site ids of an export's own select fields (as the workbench numbers them). */
const FIRST_CUSTOM_ID = 20_001;
const NEW_STATUS = 'Waiting for support';

/** The export column a standard field is read from (the first request-type column present). */
const standardColumn = (table: Table, id: string): string =>
  Object.entries(STANDARD).find(([column, v]) => v === id && columnIndexes(table, column).length > 0)?.[0] ??
  id;

function customHolds(ticket: Ticket, name: string, value: string): boolean {
  const raw = Object.hasOwn(ticket.custom, name) ? ticket.custom[name] : undefined;
  return Array.isArray(raw) ? raw.some((v) => v.trim() === value) : raw?.trim() === value;
}

function customValue(ticket: Ticket, name: string): string | null {
  const raw = Object.hasOwn(ticket.custom, name) ? ticket.custom[name] : undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value === undefined || value === '' ? null : value;
}

/**
 * The fields to score and the configuration to run with. Without `columns`: what the workbench
 * configures by itself for the training tickets. With them: those columns only, each in
 * suggest mode (a custom field even when readiness would not rate it learnable).
 */
function chooseFields(
  table: Table,
  exported: JiraExport,
  train: readonly Ticket[],
  columns: readonly string[] | null,
): { setup: ExportFieldSetup; fields: ScoredField[] } {
  const trainExport = { ...exported, tickets: [...train] };
  const auto = exportFieldSetup(trainExport);
  const standardField = (id: string, column: string): ScoredField => ({
    id,
    column,
    valueOf: (t) => trainingLabel(t, id),
    holds: (t, v) => holdsValue(t, id, v),
  });
  if (columns === null) {
    const fields = auto.config.fields
      .filter((f) => f.mode === 'suggest' || f.mode === 'auto-apply')
      .map((f): ScoredField => {
        const custom = auto.customFields.find((c) => c.id === f.fieldId);
        if (custom === undefined) return standardField(f.fieldId, standardColumn(table, f.fieldId));
        return {
          id: f.fieldId,
          column: `Custom field (${custom.exportName})`,
          valueOf: (t) => customValue(t, custom.exportName),
          holds: (t, v) => customHolds(t, custom.exportName, v),
        };
      });
    return { setup: auto, fields };
  }
  const fields: ScoredField[] = [];
  const customFields: ExportFieldSetup['customFields'] = [];
  for (const column of columns) {
    if (columnIndexes(table, column).length === 0)
      throw new InputError('bad_argument', `--fields: the export has no column "${column.slice(0, 80)}"`);
    const standard = STANDARD[column];
    const custom = CUSTOM_COLUMN.exec(column)?.[1];
    if (standard !== undefined) {
      if (!fields.some((f) => f.id === standard)) fields.push(standardField(standard, column));
    } else if (custom !== undefined && exported.customFields.includes(custom)) {
      const id = `customfield_${FIRST_CUSTOM_ID + customFields.length}`;
      customFields.push({ id, name: custom, exportName: custom });
      fields.push({
        id,
        column,
        valueOf: (t) => customValue(t, custom),
        holds: (t, v) => customHolds(t, custom, v),
      });
    } else {
      throw new InputError(
        'bad_argument',
        `--fields: column "${column.slice(0, 80)}" is not a field the app classifies (Priority, Component/s, Labels, the request type or a "Custom field (…)" column)`,
      );
    }
  }
  const configured = (id: string, name: string): FieldConfig => {
    const own = DEFAULT_CONFIG.fields.find((f) => f.fieldId === id);
    return own === undefined
      ? { fieldId: id, name: name.slice(0, 100), mode: 'suggest', precisionTarget: 0.9, multiValue: false }
      : { ...own, mode: 'suggest' };
  };
  const config = {
    ...DEFAULT_CONFIG,
    fields: [
      ...DEFAULT_CONFIG.fields.map((f) =>
        fields.some((s) => s.id === f.fieldId)
          ? configured(f.fieldId, f.name)
          : { ...f, mode: 'off' as const },
      ),
      ...customFields.map((c) => configured(c.id, c.name)),
    ],
  };
  return { setup: { customFields, config, ratings: auto.ratings }, fields };
}

/** A held-back ticket as a new one: open, unassigned, no team, no comments, its scored fields empty. */
function asArriving(seed: SeedTicket, fields: readonly ScoredField[]): SeedTicket {
  const ids = new Set(fields.map((f) => f.id));
  const custom = Object.fromEntries(Object.entries(seed.custom ?? {}).filter(([id]) => !ids.has(id)));
  return {
    ...seed,
    requestTypeId: ids.has('requestType') ? null : seed.requestTypeId,
    priority: ids.has('priority') ? null : seed.priority,
    components: ids.has('components') ? [] : seed.components,
    labels: ids.has('labels') ? [] : seed.labels,
    custom,
    teamId: null,
    assigneeId: null,
    status: NEW_STATUS,
    statusCategory: 'new',
    resolution: null,
    resolved: null,
    comments: [],
  };
}

/**
 * Reads a Jira export for `eval panel`: the newest 20 % by Created (chrono) or every fifth row
 * (mod5) are held back; the rest make the emulated site the app backfills and trains on.
 */
export function panelDataset(
  table: Table,
  options: { split: 'chrono' | 'mod5'; fields: readonly string[] | null },
): PanelDataset {
  requireColumn(table, 'Created');
  const exported = readJiraExport(table);
  const created = exported.tickets.map((t) => t.created);
  if (created.every((c) => !Number.isFinite(c)))
    throw new InputError('bad_value', 'column "Created" has no readable dates');
  const split = options.split === 'chrono' ? chronoSplit(created) : mod5Split(exported.tickets.length);
  // Tickets without a readable Created cannot be placed in time: neither trained on nor asked about.
  const dated = (idx: number[]) =>
    idx.map((i) => exported.tickets[i] as Ticket).filter((t) => Number.isFinite(t.created));
  const train = dated(split.train);
  const test = dated(split.test).sort((a, b) => a.created - b.created);
  if (train.length < 10 || test.length === 0)
    throw new InputError(
      'too_few_examples',
      `the export has ${train.length + test.length} dated tickets: too few to hold 20 % back (at least 13)`,
    );
  const { setup, fields } = chooseFields(table, exported, train, options.fields);
  const now = exportTime(exported.tickets);
  const full = exportToSeed(exported, now, setup.customFields);
  const testKeys = new Set(test.map((t) => t.key));
  const byKey = new Map(full.tickets.map((t) => [t.key, t]));
  const site: SiteSeed = {
    ...full,
    tickets: full.tickets.filter((t) => !testKeys.has(t.key)),
    links: full.links.filter((l) => !testKeys.has(l.inwardKey) && !testKeys.has(l.outwardKey)),
  };
  const arrivals = test.flatMap((truth): Arrival[] => {
    const seed = byKey.get(truth.key);
    return seed === undefined ? [] : [{ truth, arriving: asArriving(seed, fields) }];
  });
  return { exported, train, test: arrivals, fields, prepared: { site, fields: setup }, now };
}
